import { describe, expect, it } from 'vitest';
import type { CueEvent } from '@/src/core/cue-event';
import { markFiredLate, markPassedUnseen } from '@/src/core/cue-event';
import { cueAlarmName } from '@/src/core/cue-plan';
import { awaitsLogging, missedSummaryText, nextSeenUntil, passedUnseen, SWEEP_GRACE_MS, sweepWindow } from '@/src/core/missed-cues';

const H = 3_600_000;
const NOW = Date.UTC(2026, 5, 11, 9, 30); // Thursday 05:30 in New York

describe('the sweep window', () => {
  it('records nothing on the first sweep (an update must not report old history), then starts where it stopped', () => {
    expect(sweepWindow(undefined, NOW)).toEqual({ from: NOW - SWEEP_GRACE_MS, to: NOW - SWEEP_GRACE_MS });
    expect(sweepWindow(NOW - 15 * H, NOW)).toEqual({ from: NOW - 15 * H, to: NOW - SWEEP_GRACE_MS });
  });

  it('looks back at most a month after a long absence', () => {
    expect(sweepWindow(NOW - 400 * 24 * H, NOW).from).toBe(NOW - 31 * 24 * H);
  });

  it('restarts at the earliest passed cue an alarm still holds, so a dropped alarm is caught next time', () => {
    const cues = [
      { habitId: 'a', at: NOW - 3 * H },
      { habitId: 'b', at: NOW - 2 * H },
    ];
    expect(nextSeenUntil({ to: NOW - SWEEP_GRACE_MS }, cues, new Set([cueAlarmName('b', NOW - 2 * H)]))).toBe(NOW - 2 * H);
    expect(nextSeenUntil({ to: NOW - SWEEP_GRACE_MS }, cues, new Set())).toBe(NOW - SWEEP_GRACE_MS);
  });
});

describe('passed unseen', () => {
  const cues = [
    { habitId: 'a', at: NOW - 4 * H },
    { habitId: 'b', at: NOW - 3 * H },
    { habitId: 'c', at: NOW - 2 * H },
    { habitId: 'd', at: NOW - 1 * H },
  ];
  const event = (habitId: string, at: number, extra: Partial<CueEvent>): [string, CueEvent] => [
    `${habitId}|${at}`,
    { id: `${habitId}|${at}`, habitId, cueAt: at, ...extra },
  ];

  it('is every passed instance with no record of firing, passing or an answer, and no alarm still to fire', () => {
    const recorded = new Map([
      event('a', NOW - 4 * H, { firedAt: NOW - 4 * H }),
      event('b', NOW - 3 * H, { doneAt: NOW - 5 * H }), // answered from the popup before its time
      event('c', NOW - 2 * H, { snoozeCount: 0 }), // a record with nothing in it yet
    ]);
    const held = new Set([cueAlarmName('d', NOW - 1 * H)]);
    expect(passedUnseen(cues, recorded, held)).toEqual([{ habitId: 'c', at: NOW - 2 * H }]);
    expect(passedUnseen(cues, recorded, new Set())).toEqual([
      { habitId: 'c', at: NOW - 2 * H },
      { habitId: 'd', at: NOW - 1 * H },
    ]);
  });

  it('is recorded once, with how late it was noticed; a firing or an answer is never overwritten', () => {
    const fresh: CueEvent = { id: 'a|1', habitId: 'a', cueAt: NOW - 2 * H };
    const marked = markPassedUnseen(fresh, NOW);
    expect(marked).toEqual({ ...fresh, unseenAt: NOW, lateMs: 2 * H });
    expect(markPassedUnseen(marked, NOW + H)).toBe(marked);
    const fired = { ...fresh, firedAt: NOW - 2 * H };
    expect(markPassedUnseen(fired, NOW)).toBe(fired);
    const done = { ...fresh, doneAt: NOW - 3 * H };
    expect(markPassedUnseen(done, NOW)).toBe(done);
  });

  it('a late alarm is recorded as fired late, quietly, keeping an earlier "noticed" lateness', () => {
    const fresh: CueEvent = { id: 'a|1', habitId: 'a', cueAt: NOW - 2 * H };
    expect(markFiredLate(fresh, NOW)).toEqual({ ...fresh, firedAt: NOW, quiet: true, lateMs: 2 * H });
    expect(markFiredLate(markPassedUnseen(fresh, NOW - H), NOW)).toMatchObject({ firedAt: NOW, unseenAt: NOW - H, lateMs: H });
  });
});

describe('asking about missed cues', () => {
  const base: CueEvent = { id: 'a|1', habitId: 'a', cueAt: NOW - 2 * H };

  it('asks about unseen or late cues of the last day that are unanswered; older ones are recorded but not asked', () => {
    expect(awaitsLogging({ ...base, unseenAt: NOW }, NOW)).toBe(true);
    expect(awaitsLogging({ ...base, firedAt: NOW, lateMs: 2 * H }, NOW)).toBe(true);
    expect(awaitsLogging({ ...base, firedAt: NOW - 2 * H }, NOW)).toBe(false); // fired on time: its own prompt asked
    expect(awaitsLogging({ ...base, unseenAt: NOW, skippedAt: NOW }, NOW)).toBe(false);
    expect(awaitsLogging({ ...base, cueAt: NOW - 25 * H, unseenAt: NOW }, NOW)).toBe(false);
  });

  it('says it in one notification, with correct plurals and at most three names', () => {
    const at = (h: number) => Date.parse(`2026-06-10T${h}:00:00-04:00`);
    expect(missedSummaryText([{ name: 'Review', cueAt: at(14) }], 'America/New_York')).toEqual({
      title: '1 cue passed while you were away — log it?',
      message: 'Review at 14:00.',
    });
    expect(
      missedSummaryText(
        [
          { name: 'Planning', cueAt: at(16) },
          { name: 'Review', cueAt: at(14) },
          { name: 'Calls', cueAt: at(15) },
          { name: 'Retro', cueAt: at(17) },
          { name: 'Read', cueAt: at(18) },
        ],
        'America/New_York',
      ),
    ).toEqual({ title: '5 cues passed while you were away — log them?', message: 'Review at 14:00, Calls at 15:00, Planning at 16:00, and 2 more.' });
  });
});
