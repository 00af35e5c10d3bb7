import { describe, expect, it } from 'vitest';
import { coachLine } from '@/src/core/metrics/coach-copy';
import { dailyValues } from '@/src/core/metrics/daily-values';
import { cueFunnel } from '@/src/core/metrics/funnel';
import { outcomeTrend } from '@/src/core/metrics/outcome-trend';
import { ci } from './helpers';

describe('cue funnel', () => {
  it('counts scheduled → fired → started → done, plus snoozed, skipped and missed', () => {
    const scheduled = [1, 2, 3, 4, 5].map((d) => ({ at: d * 1000, localDate: `2026-02-0${d}` }));
    const events = [
      { id: 'a', habitId: 'h1', cueAt: 1000, firedAt: 1, startedAt: 2, doneAt: 3 },
      { id: 'b', habitId: 'h1', cueAt: 2000, firedAt: 1, snoozeCount: 2, skippedAt: 4 },
      { id: 'c', habitId: 'h1', cueAt: 3000, firedAt: 1, quiet: true },
      // Moved in the calendar: fired at a time the schedule did not have; still one instance.
      { id: 'd', habitId: 'h1', cueAt: 4500, firedAt: 1 },
    ];
    const days = dailyValues([ci('2026-02-01'), ci('2026-02-02', 'skipped', 0), ci('2026-02-03')]);
    expect(cueFunnel(scheduled, events, days)).toEqual({ scheduled: 6, fired: 4, started: 1, done: 1, snoozed: 1, skipped: 1, missed: 2 });
  });

  it('counts a flexible block moved for a meeting and one with no free time apart from skips', () => {
    const events = [
      { id: 'a', habitId: 'h1', cueAt: 1500, firedAt: 1, doneAt: 2, displacedFrom: 1000 },
      { id: 'b', habitId: 'h1', cueAt: 2000, unplaced: { reason: 'No free 30 minutes between 13:00 and 17:00 today.', why: 'no-free-time' as const } },
    ];
    const funnel = cueFunnel([{ at: 1500, localDate: '2026-02-01' }], events, dailyValues([ci('2026-02-01')]));
    expect(funnel).toMatchObject({ scheduled: 2, done: 1, skipped: 0, missed: 0, displaced: 1, noFreeTime: 1 });
  });
});

describe('outcome trend', () => {
  const outcome = {
    id: 'o1',
    name: 'Bugs per sprint',
    unit: 'bugs',
    baseline: 40,
    target: 32,
    targetDate: '2027-03-31',
    direction: 'down' as const,
    archived: false,
    createdAt: 0,
  };
  it('orders values, takes the latest, and measures the way from baseline to target in either direction', () => {
    const trend = outcomeTrend(outcome, [
      { id: 'v2', outcomeId: 'o1', localDate: '2026-02-09', value: 36 },
      { id: 'v1', outcomeId: 'o1', localDate: '2026-02-02', value: 39 },
    ]);
    expect(trend).toMatchObject({ latest: { value: 36 }, progress: 0.5, series: [39, 36] });
    expect(outcomeTrend(outcome, [{ id: 'v', outcomeId: 'o1', localDate: '2026-02-02', value: 44 }]).progress).toBe(0);
    expect(outcomeTrend(outcome, []).latest).toBeUndefined();
  });
});

describe('coaching copy', () => {
  it('is curious when off track and never talks of failure', () => {
    expect(coachLine({ per: 'week', streak: 3, ageDays: 40 })).toBe('3 weeks in a row.');
    expect(coachLine({ per: 'day', streak: 0, lastPeriodMet: false, ageDays: 40 })).toBe("That's interesting — what got in the way yesterday?");
    expect(coachLine({ per: 'week', streak: 0, lastPeriodMet: true, rate4: 0.25, ageDays: 40 })).toBe('What would make the first two minutes easier?');
    expect(coachLine({ per: 'day', streak: 0, ageDays: 2 })).toBe('Early days: every start counts.');
    for (const line of [coachLine({ per: 'day', streak: 0, lastPeriodMet: false, ageDays: 90 })]) expect(line).not.toMatch(/fail|missed|behind/i);
  });
});
