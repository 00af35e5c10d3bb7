import { describe, expect, it } from 'vitest';
import type { CheckIn } from '@/src/core/check-in';
import { habitMetrics, statsConfigHash } from '@/src/core/metrics/habit-metrics';
import { countedCheckIns, personKey } from '@/src/core/people-progress';
import { periodProgress } from '@/src/core/progress';
import { progressText } from '@/src/ui/format';
import { aHabit } from '../fakes/habits';

// Week of Monday 2026-03-02 to Sunday 2026-03-08; the next starts Monday 2026-03-09. Dates are fixed: no clock.
const TEAM = ['Ana', 'Ben', 'Cara', 'Dev', 'Eli', 'Fay'];
const oneOnOnes = aHabit({ id: 'h1', name: '1-on-1 with each direct report', target: { kind: 'count', amount: 6, per: 'week' }, people: TEAM });

let n = 0;
const with_ = (person: string | undefined, localDate: string, status: CheckIn['status'] = 'done'): CheckIn => ({
  id: `c${++n}`,
  habitId: 'h1',
  localDate,
  at: 0,
  timeZone: 'America/New_York',
  value: status === 'done' ? 1 : 0,
  status,
  source: 'popup',
  ...(person === undefined ? {} : { person }),
});

describe('periodProgress for a habit counted per person', () => {
  it('reads "4 of 6 this week" and lists who has not had one yet, in the list’s order', () => {
    const checkIns = [with_('Ana', '2026-03-02'), with_('Ben', '2026-03-03'), with_('Dev', '2026-03-04'), with_('Fay', '2026-03-05')];
    const p = periodProgress(oneOnOnes, checkIns, '2026-03-05');
    expect(p).toMatchObject({ done: 4, target: 6, met: false, people: TEAM, notYet: ['Cara', 'Eli'] });
    expect(p.fraction).toBeCloseTo(4 / 6);
    expect(progressText(p)).toBe('4 of 6 this week');
  });

  it('counts a person once however many check-offs they have this week', () => {
    const checkIns = [with_('Ana', '2026-03-02'), with_('Ana', '2026-03-03'), with_('ana ', '2026-03-04'), with_('Ben', '2026-03-04')];
    expect(periodProgress(oneOnOnes, checkIns, '2026-03-04')).toMatchObject({ done: 2, notYet: ['Cara', 'Dev', 'Eli', 'Fay'] });
  });

  it('starts over on Monday: Sunday’s check-off belongs to the week before', () => {
    const checkIns = [with_('Ana', '2026-03-02'), with_('Ben', '2026-03-08'), with_('Cara', '2026-03-09')];
    expect(periodProgress(oneOnOnes, checkIns, '2026-03-08')).toMatchObject({ done: 2, notYet: ['Cara', 'Dev', 'Eli', 'Fay'] });
    expect(periodProgress(oneOnOnes, checkIns, '2026-03-09')).toMatchObject({ done: 1, notYet: ['Ana', 'Ben', 'Dev', 'Eli', 'Fay'] });
    expect(progressText(periodProgress(oneOnOnes, checkIns, '2026-03-09'))).toBe('1 of 6 this week');
  });

  it('is met when everyone on the list has had one', () => {
    const checkIns = TEAM.map((p) => with_(p, '2026-03-04'));
    expect(periodProgress(oneOnOnes, checkIns, '2026-03-06')).toMatchObject({ done: 6, met: true, fraction: 1, notYet: [] });
  });

  it('counts no one for a person taken off the list later, and the target follows the list', () => {
    const checkIns = [with_('Ana', '2026-03-02'), with_('Cara', '2026-03-03')];
    // Cara left the team: the form saves the shorter list with a target of its length.
    const smaller = { ...oneOnOnes, people: ['Ana', 'Ben', 'Dev', 'Eli', 'Fay'], target: { ...oneOnOnes.target, amount: 5 } };
    const p = periodProgress(smaller, checkIns, '2026-03-04');
    expect(p).toMatchObject({ done: 1, target: 5, notYet: ['Ben', 'Dev', 'Eli', 'Fay'] });
    expect(progressText(p)).toBe('1 of 5 this week');
  });

  it('takes a check-off back on undo: the person is "not yet" again, or still counted by another check-off', () => {
    const first = with_('Ana', '2026-03-02');
    const second = with_('Ana', '2026-03-04');
    expect(periodProgress(oneOnOnes, [first, second], '2026-03-04')).toMatchObject({ done: 1 });
    expect(periodProgress(oneOnOnes, [second], '2026-03-04')).toMatchObject({ done: 1, notYet: ['Ben', 'Cara', 'Dev', 'Eli', 'Fay'] });
    expect(periodProgress(oneOnOnes, [], '2026-03-04')).toMatchObject({ done: 0, notYet: TEAM });
  });

  it('counts no one for a check-off without a person (from a notification) or a skip', () => {
    expect(periodProgress(oneOnOnes, [with_(undefined, '2026-03-02'), with_('Ana', '2026-03-03', 'skipped')], '2026-03-04')).toMatchObject({
      done: 0,
      notYet: TEAM,
    });
  });

  it('counts per day for a habit counted per person each day', () => {
    const daily = { ...oneOnOnes, people: ['Ana', 'Ben'], target: { kind: 'count' as const, amount: 2, per: 'day' as const } };
    const checkIns = [with_('Ana', '2026-03-03'), with_('Ana', '2026-03-04'), with_('Ana', '2026-03-04')];
    const p = periodProgress(daily, checkIns, '2026-03-04');
    expect(p).toMatchObject({ done: 1, target: 2, notYet: ['Ben'] });
    expect(progressText(p)).toBe('1 of 2 today');
  });

  it('leaves a habit without a list as it was: no people, "n / m"', () => {
    const plain = aHabit({ target: { kind: 'count', amount: 3, per: 'week' } });
    const p = periodProgress(plain, [with_(undefined, '2026-03-02'), with_(undefined, '2026-03-03')], '2026-03-04');
    expect(p).toMatchObject({ done: 2, target: 3 });
    expect(p).not.toHaveProperty('notYet');
    expect(progressText(p)).toBe('2 / 3 this week');
  });
});

describe('countedCheckIns', () => {
  it('keeps each listed person’s first done check-in per week and counts the rest as 0, skips untouched', () => {
    const checkIns = [
      with_('Ana', '2026-03-02'),
      with_('Ana', '2026-03-05'),
      with_('Zed', '2026-03-05'),
      with_('Ana', '2026-03-09'),
      with_('Ben', '2026-03-03', 'skipped'),
    ];
    expect(countedCheckIns(oneOnOnes, checkIns).map((c) => c.value)).toEqual([1, 0, 0, 1, 0]);
    expect(countedCheckIns(oneOnOnes, checkIns).map((c) => c.id)).toEqual(checkIns.map((c) => c.id));
  });

  it('returns the check-ins unchanged for a habit not counted per person', () => {
    const checkIns = [with_('Ana', '2026-03-02'), with_('Ana', '2026-03-02')];
    expect(countedCheckIns(aHabit(), checkIns)).toBe(checkIns);
  });

  it('compares names trimmed and case-insensitively', () => {
    expect(personKey('  Ana ')).toBe(personKey('ana'));
    expect(personKey('Ana')).not.toBe(personKey('Anna'));
  });
});

describe('metrics of a habit counted per person', () => {
  it('count each person once per week: three check-offs for one person do not meet a target of three', () => {
    const trio = { ...oneOnOnes, people: ['Ana', 'Ben', 'Cara'], target: { ...oneOnOnes.target, amount: 3 }, startsOn: '2026-02-02' };
    const lastWeek = [with_('Ana', '2026-03-02'), with_('Ana', '2026-03-03'), with_('Ana', '2026-03-04')];
    const thisWeek = [with_('Ana', '2026-03-09'), with_('Ben', '2026-03-09'), with_('Cara', '2026-03-10')];
    const { metrics } = habitMetrics({
      habit: trio,
      checkIns: [...lastWeek, ...thisWeek],
      events: [],
      scheduled: [],
      today: '2026-03-10',
      dayBoundary: '04:00',
    });
    expect(metrics.sparkline.slice(-2)).toEqual([1, 3]);
    expect(metrics.progress).toMatchObject({ done: 3, met: true, notYet: [] });
    expect(metrics.streak).toBe(1);
  });

  it('keep the carried-forward stats of habits without a list, and start them over when the list changes', () => {
    const plain = aHabit();
    expect(statsConfigHash({ ...plain, people: undefined })).toBe(statsConfigHash(plain));
    expect(statsConfigHash({ ...plain, people: ['Ana'] })).not.toBe(statsConfigHash(plain));
    expect(statsConfigHash({ ...plain, people: ['Ana', 'Ben'] })).not.toBe(statsConfigHash({ ...plain, people: ['Ana', 'Bea'] }));
  });
});
