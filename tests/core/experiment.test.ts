import { describe, expect, it } from 'vitest';
import {
  baselineDays,
  baselineVsTrial,
  retrospectiveDue,
  trialDayOf,
  trialDays,
  validateExperiment,
  validateMeasure,
  type Experiment,
  type MeasureEntry,
} from '@/src/core/experiment';

const input = {
  hypothesis: 'If I block the 30 minutes after lunch for email, my afternoon focus rises',
  measureKind: 'rating',
  measureLabel: 'Afternoon focus',
  length: '10-workdays',
};
const entry = (experimentId: string, localDate: string, value: number): MeasureEntry => ({
  id: `${experimentId}|${localDate}`,
  experimentId,
  localDate,
  value,
  at: 0,
});

describe('experiment windows', () => {
  it('14 days are 14 calendar days', () => {
    const days = trialDays('2026-03-02', '14-days');
    expect(days).toHaveLength(14);
    expect([days[0], days.at(-1)]).toEqual(['2026-03-02', '2026-03-15']);
  });

  it('10 workdays skip the weekends, across the DST change (New York, 2026-03-08), by local date', () => {
    expect(trialDays('2026-03-05', '10-workdays')).toEqual([
      '2026-03-05',
      '2026-03-06',
      '2026-03-09',
      '2026-03-10',
      '2026-03-11',
      '2026-03-12',
      '2026-03-13',
      '2026-03-16',
      '2026-03-17',
      '2026-03-18',
    ]);
    // Started on a Saturday, the trial begins on Monday.
    expect(trialDays('2026-03-07', '10-workdays')[0]).toBe('2026-03-09');
  });

  it('the baseline spans the same stretch just before (workdays only for a workday trial)', () => {
    expect(baselineDays('2026-03-02', '14-days')).toHaveLength(14);
    expect(baselineDays('2026-03-02', '14-days')[13]).toBe('2026-03-01');
    const before = baselineDays('2026-03-05', '10-workdays');
    expect(before).toHaveLength(10);
    expect(before.at(-1)).toBe('2026-03-04');
  });

  it('says the trial day, and opens the retrospective on the last day', () => {
    const experiment = { startsOn: '2026-03-05', length: '10-workdays', endsOn: '2026-03-18', status: 'running' } as Experiment;
    expect(trialDayOf(experiment, '2026-03-09')).toEqual({ day: 3, of: 10 });
    expect(trialDayOf(experiment, '2026-03-07')).toBeUndefined(); // a weekend is not a trial day
    expect(retrospectiveDue(experiment, '2026-03-17')).toBe(false);
    expect(retrospectiveDue(experiment, '2026-03-18')).toBe(true);
    expect(retrospectiveDue({ ...experiment, status: 'adopt' }, '2026-03-20')).toBe(false);
  });
});

describe('baseline vs trial', () => {
  it('averages the logged days only: a missed day is "not logged", never zero', () => {
    const experiment = { startsOn: '2026-03-02', length: '14-days' } as const;
    const own = [entry('x', '2026-03-02', 4), entry('x', '2026-03-04', 5)];
    const earlier = [entry('old', '2026-02-20', 2), entry('old', '2026-02-25', 3), entry('old', '2026-01-01', 1)];
    expect(baselineVsTrial(experiment, own, earlier, '2026-03-05')).toEqual({
      baseline: { logged: 2, days: 14, mean: 2.5 },
      trial: { logged: 2, days: 4, mean: 4.5 },
    });
    expect(baselineVsTrial(experiment, [], [], '2026-03-05').baseline).toEqual({ logged: 0, days: 14 });
  });
});

describe('what an experiment accepts', () => {
  it('refuses an empty hypothesis, a length other than the two offered, an unnamed measure, and a third at once', () => {
    expect(validateExperiment(input, 0)).toMatchObject({ ok: true, value: { measure: { kind: 'rating', label: 'Afternoon focus' }, length: '10-workdays' } });
    const bad = validateExperiment({ hypothesis: ' ', measureKind: 'mood', measureLabel: '', length: '21-days' }, 0);
    expect(bad.ok ? {} : Object.keys(bad.errors).sort()).toEqual(['hypothesis', 'length', 'measureKind', 'measureLabel']);
    const third = validateExperiment(input, 2);
    expect(third.ok ? '' : third.errors.hypothesis).toMatch(/Two experiments are running already/);
  });

  it('takes a rating from 1 to 5 and counts as whole numbers', () => {
    expect(validateMeasure('rating', '3')).toEqual({ ok: true, value: 3 });
    expect(validateMeasure('rating', '6')).toEqual({ ok: false, error: 'A rating is from 1 to 5.' });
    expect(validateMeasure('rating', '0')).toMatchObject({ ok: false });
    expect(validateMeasure('count', '2.5')).toEqual({ ok: false, error: 'Enter a whole number.' });
    expect(validateMeasure('minutes', '')).toMatchObject({ ok: false });
    expect(validateMeasure('minutes', '45')).toEqual({ ok: true, value: 45 });
  });
});
