import { describe, expect, it, vi } from 'vitest';
import { saveHabit } from '@/src/app/save-habit';
import { saveOutcome } from '@/src/app/save-outcome';
import { dismissTrap, loadTraps, logTrapValue, scheduleHuddle, SET_AND_FORGET_ID, undoHuddle } from '@/src/app/traps';
import type { CheckIn } from '@/src/core/check-in';
import { DISMISS_MS } from '@/src/core/traps';
import { FixedClock } from '../fakes/fixed-clock';
import { habitInput } from '../fakes/habits';
import { testDeps } from '../fakes/test-deps';

const DAY = 86_400_000;

/** A habit made on Monday 2026-03-02 (10:00 in New York), with the clock then moved on `days`. */
async function quietHabit(days: number, overrides: Parameters<typeof habitInput>[0] = {}) {
  const deps = await testDeps(FixedClock.at('2026-03-02T15:00:00Z'));
  const saved = await saveHabit(deps, habitInput({ keystone: true, days: [2, 4], startTime: '08:15', ...overrides }));
  if (!saved.ok) throw new Error('fixture invalid');
  deps.clock.advance(days * DAY);
  return { deps, habit: saved.value };
}

function done(habitId: string, localDate: string, value = 30): CheckIn {
  return { id: `${habitId}-${localDate}`, habitId, localDate, at: 0, timeZone: 'America/New_York', value, status: 'done', source: 'popup' };
}

describe('loadTraps', () => {
  it('asks set-and-forget of a habit with no check-offs for eight days, and not at seven days after a check-off', async () => {
    const { deps, habit } = await quietHabit(8);
    const view = await loadTraps(deps);
    expect(view.today).toBe('2026-03-10');
    expect(view.questions).toEqual([
      expect.objectContaining({ kind: 'set-and-forget', id: SET_AND_FORGET_ID, quietCheckOffs: true, keystoneName: habit.name }),
    ]);
    await deps.repo.addCheckIn(done(habit.id, '2026-03-03'));
    expect((await loadTraps(deps)).questions).toEqual([]);
  });

  it('reads only the recent window: check-ins from the Monday three weeks back, three values per outcome', async () => {
    const { deps, habit } = await quietHabit(8);
    const outcome = await saveOutcome(deps, {
      name: 'Bugs per sprint',
      unit: 'bugs',
      baseline: '40',
      target: '32',
      targetDate: '2027-03-31',
      direction: 'down',
    });
    if (!outcome.ok) throw new Error('fixture invalid');
    await saveHabit(deps, habitInput({ name: 'Deep work', outcomeId: outcome.value.id }));
    const checkIns = vi.spyOn(deps.repo, 'checkIns');
    const values = vi.spyOn(deps.repo, 'outcomeValues');
    await loadTraps(deps);
    expect(checkIns.mock.calls.map((c) => c.slice(1))).toEqual([
      ['2026-02-16', '2026-03-10'],
      ['2026-02-16', '2026-03-10'],
    ]);
    expect(checkIns.mock.calls.map((c) => c[0])).toContain(habit.id);
    expect(values.mock.calls).toEqual([[outcome.value.id, 3]]);
  });

  it('passes the coaching check-ins’ rhythm to the detector', async () => {
    const { deps, habit } = await quietHabit(8);
    await deps.repo.addCheckIn(done(habit.id, '2026-03-09'));
    expect((await loadTraps(deps, { cadenceDays: 7 })).questions).toEqual([]);
    const late = await loadTraps(deps, { cadenceDays: 7, lastCheckInAt: deps.clock.now() - 15 * DAY });
    expect(late.questions).toEqual([expect.objectContaining({ kind: 'set-and-forget', quietCheckOffs: false, daysSinceCheckIn: 15 })]);
  });

  it('asks about metric fixation from stored check-ins and outcome values', async () => {
    const deps = await testDeps(FixedClock.at('2026-02-02T15:00:00Z'));
    const outcome = await saveOutcome(deps, {
      name: 'Bugs per sprint',
      unit: 'bugs',
      baseline: '40',
      target: '32',
      targetDate: '2027-03-31',
      direction: 'down',
    });
    if (!outcome.ok) throw new Error('fixture invalid');
    const saved = await saveHabit(deps, habitInput({ outcomeId: outcome.value.id, days: [1, 2, 3, 4, 5] }));
    if (!saved.ok) throw new Error('fixture invalid');
    for (let d = Temporal.PlainDate.from('2026-02-09'); d.toString() <= '2026-03-01'; d = d.add({ days: 1 })) {
      if (d.dayOfWeek <= 5) await deps.repo.addCheckIn(done(saved.value.id, d.toString()));
    }
    for (const [localDate, value] of [
      ['2026-02-16', 38],
      ['2026-02-23', 38],
      ['2026-03-02', 38],
    ] as const) {
      await deps.repo.addOutcomeValue({ id: localDate, outcomeId: outcome.value.id, localDate, value });
    }
    deps.clock.set('2026-03-02T15:00:00Z');
    expect((await loadTraps(deps)).questions.map((q) => q.id)).toEqual([`fixation|${saved.value.id}`]);
    await deps.repo.addOutcomeValue({ id: 'better', outcomeId: outcome.value.id, localDate: '2026-03-02', value: 36 });
    expect((await loadTraps(deps)).questions).toEqual([]);
  });
});

describe('dismissals in IndexedDB', () => {
  it('starts empty, and "Not now" hides the question for exactly seven days; it comes back after if still true', async () => {
    const { deps } = await quietHabit(8);
    expect(await deps.repo.trapDismissals()).toEqual({});
    const at = deps.clock.now();
    await dismissTrap(deps, SET_AND_FORGET_ID);
    expect(await deps.repo.trapDismissals()).toEqual({ [SET_AND_FORGET_ID]: at + DISMISS_MS });
    expect((await loadTraps(deps)).questions).toEqual([]);
    deps.clock.advance(DISMISS_MS - 1);
    expect((await loadTraps(deps)).questions).toEqual([]);
    deps.clock.advance(1);
    expect((await loadTraps(deps)).questions.map((q) => q.id)).toEqual([SET_AND_FORGET_ID]);
  });

  it('keeps both of two dismissals written at once', async () => {
    const { deps } = await quietHabit(8);
    await Promise.all([dismissTrap(deps, 'a'), dismissTrap(deps, 'b')]);
    expect(Object.keys(await deps.repo.trapDismissals()).sort()).toEqual(['a', 'b']);
  });
});

describe('the huddle in one click', () => {
  it('saves a weekly 10-minute habit on the keystone’s first cue day at its time, puts the question away, and undoes', async () => {
    const { deps, habit } = await quietHabit(8);
    const saved = await scheduleHuddle(deps);
    if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
    expect(saved.value).toMatchObject({
      name: `Weekly huddle: ${habit.name}`,
      target: { kind: 'count', amount: 1, per: 'week' },
      schedule: { days: [2], startTime: '08:15', durationMinutes: 10, timeZone: 'America/New_York' },
      keystone: false,
      onDashboard: true,
      startsOn: '2026-03-10',
    });
    expect(await deps.repo.habit(habit.id)).toMatchObject({ keystone: true });
    expect((await loadTraps(deps)).questions).toEqual([]);

    await undoHuddle(deps, saved.value.id);
    expect(await deps.repo.habit(saved.value.id)).toMatchObject({ archived: true });
    expect((await loadTraps(deps)).questions).toEqual([expect.objectContaining({ id: SET_AND_FORGET_ID })]);
  });

  it('is refused, not forced, when a huddle by that name is already active', async () => {
    const { deps, habit } = await quietHabit(8);
    await saveHabit(deps, habitInput({ name: `Weekly huddle: ${habit.name}` }));
    const again = await scheduleHuddle(deps);
    expect(again.ok).toBe(false);
    expect(await deps.repo.trapDismissals()).toEqual({});
  });
});

describe('no outcome data, answered inline', () => {
  it('asks for this week’s value after four weeks without one, and a logged value answers it', async () => {
    const deps = await testDeps(FixedClock.at('2026-03-02T15:00:00Z'));
    const outcome = await saveOutcome(deps, {
      name: 'Bugs per sprint',
      unit: 'bugs',
      baseline: '40',
      target: '32',
      targetDate: '2027-03-31',
      direction: 'down',
    });
    if (!outcome.ok) throw new Error('fixture invalid');
    const saved = await saveHabit(deps, habitInput({ outcomeId: outcome.value.id }));
    if (!saved.ok) throw new Error('fixture invalid');
    deps.clock.advance(27 * DAY);
    await deps.repo.addCheckIn(done(saved.value.id, '2026-03-29'));
    expect((await loadTraps(deps)).questions).toEqual([]);
    deps.clock.advance(DAY);
    await deps.repo.addCheckIn(done(saved.value.id, '2026-03-30'));
    expect((await loadTraps(deps)).questions).toEqual([expect.objectContaining({ id: `no-outcome-data|${outcome.value.id}`, unit: 'bugs' })]);

    expect(await logTrapValue(deps, outcome.value.id, 'lots')).toEqual({ ok: false, error: 'Enter the value as a number.' });
    expect((await loadTraps(deps)).questions).toHaveLength(1);
    expect(await logTrapValue(deps, outcome.value.id, '37')).toEqual({ ok: true });
    expect(await deps.repo.outcomeValues(outcome.value.id, 3)).toEqual([expect.objectContaining({ localDate: '2026-03-30', value: 37 })]);
    expect((await loadTraps(deps)).questions).toEqual([]);
  });
});
