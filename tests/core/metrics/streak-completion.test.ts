import { describe, expect, it } from 'vitest';
import { completion } from '@/src/core/metrics/completion';
import { dailyValues } from '@/src/core/metrics/daily-values';
import { advanceStreak, currentStreak, streakStart } from '@/src/core/metrics/streak';
import { aHabit } from '../../fakes/habits';
import { ci, doneEvery } from './helpers';

const daily = aHabit({ startsOn: '2026-01-05' });
const weekly = aHabit({ startsOn: '2026-01-05', target: { kind: 'count', amount: 3, per: 'week' }, schedule: { ...daily.schedule, days: [1, 3, 5] } });

function streakOf(habit: typeof daily, checkIns: ReturnType<typeof ci>[], today: string): number {
  const days = dailyValues(checkIns);
  return currentStreak(habit, advanceStreak(habit, streakStart(habit), days, today), days, today);
}

describe('streak in periods met', () => {
  it('counts consecutive days and does not break on an unfinished today', () => {
    const done = doneEvery('2026-02-01', '2026-02-10');
    expect(streakOf(daily, done, '2026-02-11')).toBe(10);
    expect(streakOf(daily, [...done, ci('2026-02-11')], '2026-02-11')).toBe(11);
    expect(streakOf(daily, doneEvery('2026-02-01', '2026-02-09'), '2026-02-11')).toBe(0);
  });

  it('a skipped day neither counts nor breaks', () => {
    const withSkip = [...doneEvery('2026-02-01', '2026-02-04'), ci('2026-02-05', 'skipped', 0), ...doneEvery('2026-02-06', '2026-02-10')];
    expect(streakOf(daily, withSkip, '2026-02-11')).toBe(9);
  });

  it('the weekend of a weekday habit neither counts nor breaks', () => {
    const weekdays = aHabit({ startsOn: '2026-01-05', schedule: { ...daily.schedule, days: [1, 2, 3, 4, 5] } });
    // Mon 02-02 to Fri 02-13, weekends off; today is Sunday 02-15.
    expect(streakOf(weekdays, doneEvery('2026-02-02', '2026-02-13', [1, 2, 3, 4, 5]), '2026-02-15')).toBe(10);
  });

  it('counts weeks for a weekly target', () => {
    const checkIns = [...doneEvery('2026-01-05', '2026-02-01', [1, 3, 5]), ci('2026-02-02'), ci('2026-02-03')];
    expect(streakOf(weekly, checkIns, '2026-02-04')).toBe(4);
    expect(streakOf(weekly, [...checkIns, ci('2026-02-04')], '2026-02-04')).toBe(5);
  });

  it('is the same carried forward from a cache as computed at once', () => {
    const checkIns = [...doneEvery('2026-01-05', '2026-03-01', [1, 2, 3, 5]), ci('2026-01-29', 'skipped', 0)];
    const days = dailyValues(checkIns);
    const cached = advanceStreak(daily, streakStart(daily), days, '2026-02-10');
    expect(advanceStreak(daily, cached, days, '2026-03-02')).toEqual(advanceStreak(daily, streakStart(daily), days, '2026-03-02'));
  });
});

describe('completion over 4 and 12 weeks', () => {
  it('for a daily target: scheduled days met, skips left out, today only once done', () => {
    const weekdays = aHabit({ startsOn: '2026-01-05', schedule: { ...daily.schedule, days: [1, 2, 3, 4, 5] } });
    const checkIns = [...doneEvery('2026-02-02', '2026-02-27', [1, 2, 3]), ci('2026-02-05', 'skipped', 0)];
    // 4 weeks to Fri 2026-02-27: 20 weekdays, 1 skipped, today not done yet → 18 counted; Mon–Wed done = 12.
    expect(completion(weekdays, dailyValues(checkIns), '2026-02-27', 4)).toEqual({ met: 12, counted: 18, rate: 12 / 18 });
    expect(completion(weekdays, dailyValues([...checkIns, ci('2026-02-27')]), '2026-02-27', 4)).toEqual({ met: 13, counted: 19, rate: 13 / 19 });
  });

  it('for a weekly target: weeks met; a habit created mid-week counts from its first week', () => {
    const midWeek = aHabit({ startsOn: '2026-02-11', target: { kind: 'count', amount: 2, per: 'week' } });
    const checkIns = [ci('2026-02-11'), ci('2026-02-13'), ci('2026-02-17')];
    // Weeks: 02-09 (met, partial first week), 02-16 (1 of 2), current 02-23 not yet met → not counted.
    expect(completion(midWeek, dailyValues(checkIns), '2026-02-24', 4)).toEqual({ met: 1, counted: 2, rate: 0.5 });
    expect(completion(midWeek, dailyValues(checkIns), '2026-02-24', 12)).toEqual({ met: 1, counted: 2, rate: 0.5 });
  });

  it('has no rate for a brand-new habit', () => {
    expect(completion(aHabit({ startsOn: '2026-02-24' }), dailyValues([]), '2026-02-24', 4)).toEqual({ met: 0, counted: 0 });
  });
});

describe('cues before the day boundary', () => {
  it('judge the days the cues count for: a Mon–Fri 00:30 cue is answered Sunday to Thursday', async () => {
    const { habitMetrics } = await import('@/src/core/metrics/habit-metrics');
    const { logicalDays } = await import('@/src/core/metrics/logical-days');
    const night = aHabit({ startsOn: '2026-02-08', schedule: { ...daily.schedule, days: [1, 2, 3, 4, 5], startTime: '00:30' } });
    expect(logicalDays(night, '04:00')).toEqual([1, 2, 3, 4, 7]);
    expect(logicalDays(night, '00:00')).toEqual([1, 2, 3, 4, 5]);
    // Two weeks of answers, each filed under the evening before (Sun–Thu); today is Saturday 2026-02-21.
    const checkIns = doneEvery('2026-02-08', '2026-02-19', [7, 1, 2, 3, 4]);
    const { metrics } = habitMetrics({ habit: night, checkIns, events: [], scheduled: [], today: '2026-02-21', dayBoundary: '04:00' });
    expect(metrics.streak).toBe(10);
    expect(metrics.completion4).toMatchObject({ met: 10, counted: 10 });
  });
});
