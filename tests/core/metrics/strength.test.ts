import { describe, expect, it } from 'vitest';
import { dailyValues } from '@/src/core/metrics/daily-values';
import { advanceStrength, frequency, multiplier, strengthStart } from '@/src/core/metrics/strength';
import { aHabit } from '../../fakes/habits';
import { ci, doneEvery } from './helpers';

const daily = aHabit({ startsOn: '2026-01-01' });
const weekly = aHabit({ startsOn: '2026-01-01', target: { kind: 'count', amount: 3, per: 'week' }, schedule: { ...daily.schedule, days: [1, 3, 5] } });

describe('habit strength (Loop Habit Tracker’s formula)', () => {
  it('uses m = 0.5^(√f/13): a daily habit halves in 13 days, a 3-per-week one more slowly', () => {
    expect(frequency(daily)).toBe(1);
    expect(multiplier(daily) ** 13).toBeCloseTo(0.5, 10);
    expect(frequency(weekly)).toBeCloseTo(3 / 7);
    expect(multiplier(weekly)).toBeGreaterThan(multiplier(daily));
  });

  it('rises toward 1 with daily practice and decays by half in 13 days without it', () => {
    const perfect = advanceStrength(daily, strengthStart(daily), dailyValues(doneEvery('2026-01-01', '2026-03-31')), '2026-03-31');
    expect(perfect.through).toBe('2026-03-31');
    expect(perfect.score).toBeGreaterThan(0.99);
    const after = advanceStrength(daily, perfect, dailyValues([]), '2026-04-13');
    expect(after.score / perfect.score).toBeCloseTo(0.5, 10);
  });

  it('freezes on a skipped day', () => {
    const start = { through: '2026-02-01', score: 0.8 };
    const skipped = advanceStrength(daily, start, dailyValues([ci('2026-02-02', 'skipped', 0)]), '2026-02-02');
    expect(skipped.score).toBe(0.8);
    const missed = advanceStrength(daily, start, dailyValues([]), '2026-02-02');
    expect(missed.score).toBeCloseTo(0.8 * multiplier(daily));
  });

  it('pauses on the unscheduled days of a daily target (a weekday habit’s weekend)', () => {
    const weekdays = aHabit({ startsOn: '2026-01-01', schedule: { ...daily.schedule, days: [1, 2, 3, 4, 5] } });
    const friday = { through: '2026-02-06', score: 0.7 };
    expect(advanceStrength(weekdays, friday, dailyValues([]), '2026-02-08').score).toBe(0.7);
    expect(advanceStrength(weekdays, friday, dailyValues([ci('2026-02-07')]), '2026-02-08').score).toBeGreaterThan(0.7);
  });

  it('counts partial days by the share of the target met', () => {
    const minutes = aHabit({ startsOn: '2026-01-01', target: { kind: 'minutes', amount: 30, per: 'day' } });
    const half = advanceStrength(minutes, { through: '2026-02-01', score: 0 }, dailyValues([ci('2026-02-02', 'done', 15)]), '2026-02-02');
    expect(half.score).toBeCloseTo(0.5 * (1 - multiplier(minutes)));
  });

  it('takes f from a weekly target, not from the schedule: 2 per week on 5 cue days is f = 2/7 (Loop’s “2 times per week”)', () => {
    // The old formula took f = scheduled days / 7 = 5/7; Loop takes the target, f = 2/7. By hand:
    //   new m = 0.5^(√(2/7)/13) = e^(−ln2·0.5345225/13) = e^(−0.0285002) = 0.9719020884
    //   old m = 0.5^(√(5/7)/13) = e^(−ln2·0.8451543/13) = e^(−0.0450628) = 0.9559374553
    // From 0, the week Mon 02-02 .. Sun 02-08 with check-ins on Mon and Wed has v = ½, ½, 1, 1, 1, 1, 1
    // (the trailing 7 days hold 1, 1, 2, 2, ... of the 2 asked), so
    //   S = (1−m)·(½m⁶ + ½m⁵ + m⁴ + m³ + m² + m + 1) = 1 − ½m⁵ − ½m⁷
    //   new: 1 − ½·0.8671866 − ½·0.8191390 = 0.1568371785;  old: the same with m = 0.9559374553, 0.2361331343.
    const twoOfFive = aHabit({
      startsOn: '2026-01-01',
      target: { kind: 'count', amount: 2, per: 'week' },
      schedule: { ...daily.schedule, days: [1, 2, 3, 4, 5] },
    });
    expect(frequency(twoOfFive)).toBeCloseTo(2 / 7, 12);
    expect(multiplier(twoOfFive)).toBeCloseTo(0.9719020884, 9);
    const week = advanceStrength(twoOfFive, { through: '2026-02-01', score: 0 }, dailyValues([ci('2026-02-02'), ci('2026-02-04')]), '2026-02-08');
    expect(week.score).toBeCloseTo(0.1568371785, 9);
    expect(week.score).not.toBeCloseTo(0.2361331343, 2);
  });

  it('takes f = 1/7 for minutes per week, as Loop’s measurable “every week” habit (the amount is the target value)', () => {
    const minutesWeekly = aHabit({ startsOn: '2026-01-01', target: { kind: 'minutes', amount: 90, per: 'week' } });
    expect(frequency(minutesWeekly)).toBeCloseTo(1 / 7, 12);
    // 0.5^(√(1/7)/13) = e^(−ln2·0.3779645/13) = e^(−0.0201527) = 0.9800490153.
    expect(multiplier(minutesWeekly)).toBeCloseTo(0.9800490153, 9);
  });

  it('caps f at 1 when a weekly count asks for more than one a day', () => {
    expect(frequency(aHabit({ target: { kind: 'count', amount: 10, per: 'week' } }))).toBe(1);
  });

  it('judges a weekly target by the trailing 7 days', () => {
    const three = [ci('2026-02-02'), ci('2026-02-04'), ci('2026-02-06')];
    const s = advanceStrength(weekly, { through: '2026-02-07', score: 0 }, dailyValues(three), '2026-02-08');
    // On 2026-02-08 the trailing week (02-02..02-08) holds all 3: v = 1.
    expect(s.score).toBeCloseTo(1 - multiplier(weekly));
  });

  it('is the same whether advanced in one go or day by day (the cache is exact)', () => {
    const days = dailyValues([...doneEvery('2026-01-01', '2026-02-28', [1, 2, 4]), ci('2026-01-15', 'skipped', 0)]);
    const once = advanceStrength(daily, strengthStart(daily), days, '2026-02-28');
    let stepwise = strengthStart(daily);
    for (const stop of ['2026-01-10', '2026-01-31', '2026-02-14', '2026-02-28']) stepwise = advanceStrength(daily, stepwise, days, stop);
    expect(stepwise.score).toBeCloseTo(once.score, 12);
  });

  it('does nothing before the habit began', () => {
    const late = aHabit({ startsOn: '2026-03-01' });
    expect(advanceStrength(late, { through: '2026-01-31', score: 0 }, dailyValues([]), '2026-02-28').score).toBe(0);
  });
});
