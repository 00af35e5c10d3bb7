import { describe, expect, it } from 'vitest';
import { cueEventFor, markDone, markFired, markSkipped, markSnoozed, reopenCue } from '@/src/core/cue-event';
import { cuePromptText, shouldPrompt, startTarget } from '@/src/core/cue-prompt';
import { periodProgress } from '@/src/core/progress';
import { aHabit } from '../fakes/habits';

describe('cue prompt', () => {
  it('reads "<behaviour> — two-minute start" with the first step', () => {
    expect(cuePromptText(aHabit())).toEqual({ title: 'Review team code — two-minute start', message: 'Open the review queue' });
  });

  it('opens the habit link, or the cue page without one', () => {
    expect(startTarget(aHabit(), 'cue.html')).toBe('https://example.test/reviews');
    expect(startTarget(aHabit({ start: { firstStep: 'x' } }), 'cue.html')).toBe('cue.html');
  });

  it('stays quiet once the target is met or the day was skipped', () => {
    const habit = aHabit();
    const done = { id: 'c', habitId: 'h1', localDate: '2026-03-02', at: 0, timeZone: 'UTC', value: 1, status: 'done' as const, source: 'popup' as const };
    expect(shouldPrompt(periodProgress(habit, [], '2026-03-02'), [])).toBe(true);
    expect(shouldPrompt(periodProgress(habit, [done], '2026-03-02'), [done])).toBe(false);
    const skipped = { ...done, status: 'skipped' as const, value: 0 };
    expect(shouldPrompt(periodProgress(habit, [skipped], '2026-03-02'), [skipped])).toBe(false);
  });
});

describe('cue event transitions', () => {
  it('keeps the first firing and answer, and reopens on undo', () => {
    let e = cueEventFor(undefined, 'h1', 100);
    e = markFired(markFired(e, 1, false), 2, true);
    expect(e).toEqual({ id: 'h1|100', habitId: 'h1', cueAt: 100, firedAt: 1 });
    e = markSnoozed(markSnoozed(e, 50), 60);
    expect(e).toMatchObject({ snoozedUntil: 60, snoozeCount: 2 });
    e = markDone(e, 3);
    expect(e.snoozedUntil).toBeUndefined();
    expect(markDone(e, 4).doneAt).toBe(3);
    expect(reopenCue(markSkipped(e, 5))).toEqual({ id: 'h1|100', habitId: 'h1', cueAt: 100, firedAt: 1, snoozeCount: 2 });
  });
});
