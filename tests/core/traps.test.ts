import { describe, expect, it } from 'vitest';
import type { CheckIn } from '@/src/core/check-in';
import { localDateOf } from '@/src/core/day-boundary';
import type { Habit } from '@/src/core/habit';
import type { OutcomeValue } from '@/src/core/metrics/outcome-trend';
import type { Outcome } from '@/src/core/outcome';
import {
  detectTraps,
  dismiss,
  DISMISS_MS,
  huddlePlan,
  lastCompletedWeeks,
  outcomeMovement,
  trapWindowStart,
  undismiss,
  type TrapInput,
  type TrapQuestion,
} from '@/src/core/traps';
import { aHabit } from '../fakes/habits';
import { ci, doneEvery } from './metrics/helpers';

// A Wednesday, 10:00 in New York. The current ISO week is 2026-03-02..08; the three completed weeks before it are
// 02-09..15, 02-16..22 and 02-23..03-01.
const NOW = Temporal.Instant.from('2026-03-04T15:00:00Z').epochMilliseconds;
const TODAY = '2026-03-04';
const DAY = 86_400_000;
const ZONE = 'America/New_York';

const bugs: Outcome = {
  id: 'o1',
  name: 'Bugs per sprint',
  unit: 'bugs',
  baseline: 40,
  target: 32,
  targetDate: '2027-03-31',
  direction: 'down',
  archived: false,
  createdAt: NOW - 90 * DAY,
};
const review = aHabit({ id: 'h1', name: 'Review team code', outcomeId: 'o1', startsOn: '2026-01-05' });

let n = 0;
function values(outcomeId: string, ...entries: [string, number][]): OutcomeValue[] {
  return entries.map(([localDate, value]) => ({ id: `v${++n}`, outcomeId, localDate, value }));
}
/** Weekly values on the Mondays of the three weeks up to this one. */
const weekly = (a: number, b: number, c: number) => values('o1', ['2026-02-16', a], ['2026-02-23', b], ['2026-03-02', c]);

function input(over: Partial<TrapInput> & { values?: OutcomeValue[] } = {}): TrapInput {
  const { values: vs = weekly(40, 40, 40), ...rest } = over;
  const byOutcome = new Map<string, OutcomeValue[]>();
  for (const v of vs) byOutcome.set(v.outcomeId, [...(byOutcome.get(v.outcomeId) ?? []), v]);
  return {
    habits: [review],
    outcomes: [bugs],
    // Done every day of the window, today included: nothing here is "set and forget".
    checkIns: doneEvery(trapWindowStart(TODAY), TODAY),
    outcomeValues: byOutcome,
    dismissals: {},
    now: NOW,
    today: TODAY,
    dayBoundary: '04:00',
    ...rest,
  };
}
const kinds = (qs: TrapQuestion[]) => qs.map((q) => q.id);
const of = <K extends TrapQuestion['kind']>(qs: TrapQuestion[], kind: K) => qs.filter((q): q is Extract<TrapQuestion, { kind: K }> => q.kind === kind);

describe('the window', () => {
  it('looks at the three completed ISO weeks before this one, and reads check-ins from the first Monday', () => {
    expect(lastCompletedWeeks(TODAY)).toEqual([
      { start: '2026-02-09', end: '2026-02-15' },
      { start: '2026-02-16', end: '2026-02-22' },
      { start: '2026-02-23', end: '2026-03-01' },
    ]);
    expect(trapWindowStart(TODAY)).toBe('2026-02-09');
    // On a Monday the week just ended is the latest of the three.
    expect(lastCompletedWeeks('2026-03-02').at(-1)).toEqual({ start: '2026-02-23', end: '2026-03-01' });
  });
});

describe('"flat": the net change over the last three values, in the outcome’s direction, within 5% of baseline→target', () => {
  // Baseline 40, target 32: the tolerance is 0.05 × 8 = 0.4 bugs.
  it.each<[string, [number, number, number], string]>([
    ['level', [40, 40, 40], 'flat'],
    ['a dip and back', [40, 35, 40], 'flat'],
    ['down 0.3 (within 0.4)', [40, 39.8, 39.7], 'flat'],
    ['up 0.3 (within 0.4)', [39.7, 39.9, 40], 'flat'],
    ['down 0.5: improving', [40, 40, 39.5], 'improving'],
    ['down steadily', [40, 38, 36], 'improving'],
    ['up 0.5: away from a lower target', [39.5, 40, 40], 'away'],
    ['up steadily', [36, 38, 39], 'away'],
  ])('%s → %s', (_name, [a, b, c], expected) => {
    expect(outcomeMovement(bugs, weekly(a, b, c))).toBe(expected);
  });

  it('reads an outcome that should go up the other way round, oldest to newest whatever the order given', () => {
    const sales: Outcome = { ...bugs, baseline: 100, target: 120, direction: 'up' }; // tolerance 1
    expect(outcomeMovement(sales, values('o1', ['2026-03-02', 103], ['2026-02-16', 100], ['2026-02-23', 101]))).toBe('improving');
    expect(outcomeMovement(sales, values('o1', ['2026-02-16', 100], ['2026-02-23', 99], ['2026-03-02', 101]))).toBe('flat');
    expect(outcomeMovement(sales, values('o1', ['2026-02-16', 100], ['2026-02-23', 99], ['2026-03-02', 98]))).toBe('away');
  });

  it('uses only the latest three values, and says nothing with fewer', () => {
    expect(outcomeMovement(bugs, [...values('o1', ['2026-01-05', 60]), ...weekly(40, 40, 40)])).toBe('flat');
    expect(outcomeMovement(bugs, values('o1', ['2026-02-23', 40], ['2026-03-02', 40]))).toBeUndefined();
  });
});

describe('metric fixation', () => {
  it('asks when the target was met three weeks running and the outcome is flat', () => {
    const qs = detectTraps(input());
    expect(of(qs, 'fixation')).toEqual([
      { kind: 'fixation', id: 'fixation|h1', habitId: 'h1', habitName: 'Review team code', outcomeId: 'o1', outcomeName: 'Bugs per sprint', movement: 'flat' },
    ]);
  });

  it('asks when the outcome moves away from its target', () => {
    expect(of(detectTraps(input({ values: weekly(36, 38, 39) })), 'fixation')[0]?.movement).toBe('away');
  });

  it('does not ask when the target was met three weeks running but the outcome is improving', () => {
    expect(of(detectTraps(input({ values: weekly(40, 38, 36) })), 'fixation')).toEqual([]);
  });

  it('does not ask when one of the three weeks missed a scheduled day', () => {
    const gap = doneEvery(trapWindowStart(TODAY), TODAY).filter((c) => c.localDate !== '2026-02-18');
    expect(of(detectTraps(input({ checkIns: gap })), 'fixation')).toEqual([]);
  });

  it('a skipped day neither breaks a week nor makes it; a wholly skipped week is not met', () => {
    const skipped = doneEvery(trapWindowStart(TODAY), TODAY).map((c) => (c.localDate === '2026-02-18' ? { ...c, status: 'skipped' as const, value: 0 } : c));
    expect(of(detectTraps(input({ checkIns: skipped })), 'fixation')).toHaveLength(1);
    const week = doneEvery(trapWindowStart(TODAY), TODAY).map((c) =>
      c.localDate >= '2026-02-16' && c.localDate <= '2026-02-22' ? { ...c, status: 'skipped' as const, value: 0 } : c,
    );
    expect(of(detectTraps(input({ checkIns: week })), 'fixation')).toEqual([]);
  });

  it('counts a weekly target per ISO week, and never the week still running', () => {
    const calls = aHabit({
      id: 'h1',
      name: 'Outreach calls',
      outcomeId: 'o1',
      startsOn: '2026-01-05',
      target: { kind: 'count', amount: 3, per: 'week' },
      schedule: { ...review.schedule, days: [1, 3, 5] },
    });
    const threeAWeek = doneEvery('2026-02-09', '2026-03-01', [1, 3, 5]);
    expect(of(detectTraps(input({ habits: [calls], checkIns: threeAWeek })), 'fixation')).toHaveLength(1);
    const shortWeek = threeAWeek.filter((c) => c.localDate !== '2026-02-20');
    expect(of(detectTraps(input({ habits: [calls], checkIns: shortWeek })), 'fixation')).toEqual([]);
    // Two completed weeks plus this one (already met) are not three weeks running.
    const twoAndNow = [...doneEvery('2026-02-16', '2026-03-01', [1, 3, 5]), ...doneEvery('2026-03-02', '2026-03-04', [1, 3])].concat([ci('2026-03-04')]);
    expect(of(detectTraps(input({ habits: [calls], checkIns: twoAndNow })), 'fixation')).toEqual([]);
  });

  it('does not ask for a habit younger than the three weeks', () => {
    expect(of(detectTraps(input({ habits: [{ ...review, startsOn: '2026-02-23' }] })), 'fixation')).toEqual([]);
  });

  it('does not ask with fewer than three values, or when the newest is four weeks old', () => {
    expect(of(detectTraps(input({ values: values('o1', ['2026-02-23', 40], ['2026-03-02', 40]) })), 'fixation')).toEqual([]);
    const old = values('o1', ['2026-01-19', 40], ['2026-01-26', 40], ['2026-02-04', 40]);
    expect(of(detectTraps(input({ values: old })), 'fixation')).toEqual([]);
    const justRecent = values('o1', ['2026-01-19', 40], ['2026-01-26', 40], ['2026-02-05', 40]);
    expect(of(detectTraps(input({ values: justRecent })), 'fixation')).toHaveLength(1);
  });

  it('asks nothing of archived habits, archived outcomes or a habit with no outcome', () => {
    expect(of(detectTraps(input({ habits: [{ ...review, archived: true }] })), 'fixation')).toEqual([]);
    expect(of(detectTraps(input({ outcomes: [{ ...bugs, archived: true }] })), 'fixation')).toEqual([]);
    const { outcomeId: _o, ...free } = review;
    expect(of(detectTraps(input({ habits: [free as Habit] })), 'fixation')).toEqual([]);
  });

  it('judges the days a late-night cue counts for under the day boundary', () => {
    // Cues Monday to Friday at 00:30 count for Sunday to Thursday under the 04:00 boundary.
    const night = { ...review, schedule: { ...review.schedule, days: [1, 2, 3, 4, 5], startTime: '00:30' } };
    const sunToThu = doneEvery('2026-02-08', '2026-03-01', [7, 1, 2, 3, 4]);
    expect(of(detectTraps(input({ habits: [night], checkIns: sunToThu })), 'fixation')).toHaveLength(1);
    const monToFri = doneEvery('2026-02-09', '2026-03-01', [1, 2, 3, 4, 5]);
    expect(of(detectTraps(input({ habits: [night], checkIns: monToFri })), 'fixation')).toEqual([]);
  });
});

describe('set and forget', () => {
  const lastDone = (date: string): CheckIn[] => doneEvery(trapWindowStart(TODAY), date);

  it('asks when nothing was checked off today or in the seven whole days before, and offers a weekly huddle', () => {
    const qs = of(detectTraps(input({ checkIns: lastDone('2026-02-24') })), 'set-and-forget');
    expect(qs).toEqual([expect.objectContaining({ id: 'set-and-forget', quietCheckOffs: true, keystoneName: 'Review team code' })]);
    expect(qs[0]!.daysSinceCheckIn).toBeUndefined();
    expect(qs[0]!.huddle?.input).toMatchObject({
      name: 'Weekly huddle: Review team code',
      outcomeId: 'o1',
      targetKind: 'count',
      targetAmount: '1',
      targetPer: 'week',
      days: [1],
      startTime: '14:00',
      durationMinutes: '10',
      timeZone: 'America/New_York',
      keystone: false,
    });
  });

  it('does not ask when the last check-off was seven days ago (within the seven days)', () => {
    expect(of(detectTraps(input({ checkIns: lastDone('2026-02-25') })), 'set-and-forget')).toEqual([]);
  });

  it('counts any answer as follow-up: a skip seven days ago is not forgetting', () => {
    expect(of(detectTraps(input({ checkIns: [...lastDone('2026-02-20'), ci('2026-02-26', 'skipped', 0)] })), 'set-and-forget')).toEqual([]);
  });

  it('does not ask about habits that were not there through the seven days, nor with no active habit', () => {
    const young = { ...review, startsOn: '2026-02-26' };
    expect(of(detectTraps(input({ habits: [young], checkIns: [] })), 'set-and-forget')).toEqual([]);
    expect(of(detectTraps(input({ habits: [{ ...young, startsOn: '2026-02-25' }], checkIns: [] })), 'set-and-forget')).toHaveLength(1);
    expect(of(detectTraps(input({ habits: [{ ...review, archived: true }], checkIns: [] })), 'set-and-forget')).toEqual([]);
  });

  it('asks when the last coaching check-in is longer ago than the cadence plus a week, and never before a first one', () => {
    const late = of(detectTraps(input({ lastCheckInAt: NOW - 21 * DAY - 1, cadenceDays: 14 })), 'set-and-forget');
    expect(late).toEqual([expect.objectContaining({ quietCheckOffs: false, daysSinceCheckIn: 21 })]);
    expect(of(detectTraps(input({ lastCheckInAt: NOW - 21 * DAY, cadenceDays: 14 })), 'set-and-forget')).toEqual([]);
    expect(of(detectTraps(input({ lastCheckInAt: NOW - 15 * DAY, cadenceDays: 7 })), 'set-and-forget')).toHaveLength(1);
    expect(of(detectTraps(input({ cadenceDays: 7 })), 'set-and-forget')).toEqual([]);
  });

  it('puts the huddle on the keystone’s first cue day at its time, and offers none when one already exists', () => {
    const keystone = aHabit({
      id: 'h2',
      name: 'Plan the top three',
      keystone: true,
      startsOn: '2026-01-05',
      schedule: { ...review.schedule, days: [5, 3], startTime: '09:30' },
    });
    const q = of(detectTraps(input({ habits: [review, keystone], checkIns: [] })), 'set-and-forget')[0]!;
    expect(q.huddle?.input).toMatchObject({ name: 'Weekly huddle: Plan the top three', days: [3], startTime: '09:30', outcomeId: '' });
    const huddle = aHabit({ id: 'h3', name: 'weekly huddle: plan the top three', startsOn: '2026-03-04' });
    const again = of(detectTraps(input({ habits: [review, keystone, huddle], checkIns: [] })), 'set-and-forget')[0]!;
    expect(again.huddle).toBeUndefined();
  });

  it('leaves the huddle off a full dashboard, and keeps its name within 120 characters', () => {
    const five = [1, 2, 3, 4, 5].map((i) => aHabit({ id: `d${i}`, name: `Habit ${i}` }));
    expect(huddlePlan(five[0]!, five).input.onDashboard).toBe(false);
    expect(huddlePlan(five[0]!, five.slice(0, 4)).input.onDashboard).toBe(true);
    expect(huddlePlan(aHabit({ name: 'x'.repeat(120) }), []).input.name.length).toBeLessThanOrEqual(120);
  });
});

describe('no outcome data', () => {
  const none = input({ values: [] });

  it('asks for this week’s value when nothing was logged in four weeks', () => {
    expect(of(detectTraps(input({ values: values('o1', ['2026-02-04', 39]) })), 'no-outcome-data')).toEqual([
      { kind: 'no-outcome-data', id: 'no-outcome-data|o1', outcomeId: 'o1', outcomeName: 'Bugs per sprint', unit: 'bugs', lastLoggedOn: '2026-02-04' },
    ]);
    expect(of(detectTraps(none), 'no-outcome-data')[0]).not.toHaveProperty('lastLoggedOn');
  });

  it('does not ask when a value was logged within the four weeks', () => {
    expect(of(detectTraps(input({ values: values('o1', ['2026-02-05', 39]) })), 'no-outcome-data')).toEqual([]);
  });

  it('does not ask about an outcome younger than four weeks, one with no active habit, or an archived one', () => {
    expect(of(detectTraps({ ...none, outcomes: [{ ...bugs, createdAt: NOW - 27 * DAY }] }), 'no-outcome-data')).toEqual([]);
    expect(of(detectTraps({ ...none, outcomes: [{ ...bugs, createdAt: NOW - 28 * DAY }] }), 'no-outcome-data')).toHaveLength(1);
    expect(of(detectTraps({ ...none, habits: [{ ...review, archived: true }] }), 'no-outcome-data')).toEqual([]);
    expect(of(detectTraps({ ...none, outcomes: [{ ...bugs, archived: true }] }), 'no-outcome-data')).toEqual([]);
  });
});

describe('"Not now"', () => {
  // Nothing checked off since 2026-02-20: set and forget holds now and still holds a week later.
  const quiet = (now: number) => input({ now, today: localDateOf(now, ZONE, '04:00'), checkIns: doneEvery('2026-02-09', '2026-02-20') });

  it('hides a question for exactly seven days, and it comes back after if still true', () => {
    expect(kinds(detectTraps(quiet(NOW)))).toContain('set-and-forget');
    const dismissals = dismiss({}, 'set-and-forget', NOW);
    expect(dismissals).toEqual({ 'set-and-forget': NOW + DISMISS_MS });
    expect(DISMISS_MS).toBe(7 * 24 * 3_600_000);
    expect(kinds(detectTraps({ ...quiet(NOW), dismissals }))).not.toContain('set-and-forget');
    expect(kinds(detectTraps({ ...quiet(NOW + DISMISS_MS - 1), dismissals }))).not.toContain('set-and-forget');
    expect(kinds(detectTraps({ ...quiet(NOW + DISMISS_MS), dismissals }))).toContain('set-and-forget');
  });

  it('hides only the question dismissed', () => {
    const two = { ...quiet(NOW), outcomeValues: new Map<string, OutcomeValue[]>() };
    expect(kinds(detectTraps(two))).toEqual(['set-and-forget', 'no-outcome-data|o1']);
    expect(kinds(detectTraps({ ...two, dismissals: dismiss({}, 'no-outcome-data|o1', NOW) }))).toEqual(['set-and-forget']);
  });

  it('drops dismissals that are over when it writes, and undoes one', () => {
    const stored = { old: NOW - 1, kept: NOW + DAY };
    expect(dismiss(stored, 'set-and-forget', NOW)).toEqual({ kept: NOW + DAY, 'set-and-forget': NOW + DISMISS_MS });
    expect(undismiss({ ...stored, 'set-and-forget': NOW + DISMISS_MS }, 'set-and-forget', NOW)).toEqual({ kept: NOW + DAY });
  });
});
