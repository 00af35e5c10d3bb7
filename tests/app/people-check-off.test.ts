import { describe, expect, it } from 'vitest';
import { checkOff, undoCheckIn } from '@/src/app/check-off';
import { loadDashboard } from '@/src/app/load-dashboard';
import { saveHabit } from '@/src/app/save-habit';
import { habitToInput } from '@/src/core/habit-input';
import { progressText } from '@/src/ui/format';
import { FixedClock } from '../fakes/fixed-clock';
import { habitInput } from '../fakes/habits';
import { testDeps } from '../fakes/test-deps';

/** Monday 2026-03-02, 10:00 in New York; the habit's cue is at 14:00 every day (19:00Z). */
const MONDAY = '2026-03-02T15:00:00Z';
const CUE = Temporal.Instant.from('2026-03-02T19:00:00Z').epochMilliseconds;

const oneOnOnes = (people = ['Ana', 'Ben', 'Cara']) =>
  habitInput({ name: '1-on-1 with each direct report', targetPer: 'week', days: [1, 2, 3, 4, 5, 6, 7], people });

async function perPersonHabit(clock = FixedClock.at(MONDAY)) {
  const deps = await testDeps(clock);
  const saved = await saveHabit(deps, oneOnOnes());
  if (!saved.ok) throw new Error('fixture invalid');
  const row = async () => (await loadDashboard(deps)).items[0]!;
  return { deps, habit: saved.value, row };
}

describe('saving a habit counted per person', () => {
  it.each([
    ['an empty name', ['Ana', ' ', 'Cara'], 'people.1'],
    ['a duplicate name', ['Ana', 'Ben', ' ben'], 'people.2'],
    ['no one at all', [], 'people'],
  ])('refuses %s with a message beside the field and saves nothing', async (_what, people, field) => {
    const deps = await testDeps(FixedClock.at(MONDAY));
    const result = await saveHabit(deps, oneOnOnes(people));
    expect(result.ok).toBe(false);
    expect(!result.ok && Object.keys(result.errors)).toEqual([field]);
    expect(await deps.repo.habits()).toEqual([]);
  });

  it('stores the list with a target of each person once a week', async () => {
    const { deps, habit } = await perPersonHabit();
    expect(await deps.repo.habit(habit.id)).toMatchObject({ people: ['Ana', 'Ben', 'Cara'], target: { kind: 'count', amount: 3, per: 'week' } });
  });
});

describe('checking off a 1-on-1 for one person', () => {
  it('records who it was with, answers today’s open cue as any check-off does, and reads "1 of 3 this week"', async () => {
    const { deps, habit, row } = await perPersonHabit();
    const c = await checkOff(deps, { habitId: habit.id, source: 'popup', person: 'Ana' });
    expect(c).toMatchObject({ person: 'Ana', value: 1, cueAt: CUE, localDate: '2026-03-02' });
    expect(await deps.repo.cueEvent(`${habit.id}|${CUE}`)).toMatchObject({ doneAt: deps.clock.now() });
    const item = await row();
    expect(item.progress).toMatchObject({ done: 1, target: 3, notYet: ['Ben', 'Cara'] });
    expect(progressText(item.progress)).toBe('1 of 3 this week');
  });

  it('counts a second 1-on-1 with the same person once, and a check-off for another person once more', async () => {
    const { deps, habit, row } = await perPersonHabit();
    await checkOff(deps, { habitId: habit.id, source: 'popup', person: 'Ana' });
    deps.clock.set('2026-03-04T15:00:00Z');
    const again = await checkOff(deps, { habitId: habit.id, source: 'newtab', person: 'Ana' });
    expect(again).toMatchObject({ person: 'Ana', localDate: '2026-03-04' });
    expect((await row()).progress).toMatchObject({ done: 1, notYet: ['Ben', 'Cara'] });
    await checkOff(deps, { habitId: habit.id, source: 'popup', person: 'Ben' });
    expect((await row()).progress).toMatchObject({ done: 2, notYet: ['Cara'] });
    // The strength, streak and sparkline count the week the same way.
    expect((await loadDashboard(deps)).metrics[0]!.sparkline.at(-1)).toBe(2);
  });

  it('takes it back on undo: the person is "not yet" again and the cue is open again', async () => {
    const { deps, habit, row } = await perPersonHabit();
    const c = await checkOff(deps, { habitId: habit.id, source: 'popup', person: 'Cara' });
    await undoCheckIn(deps, c.id);
    expect((await row()).progress).toMatchObject({ done: 0, notYet: ['Ana', 'Ben', 'Cara'] });
    expect(await deps.repo.cueEvent(`${habit.id}|${CUE}`)).not.toHaveProperty('doneAt');
  });

  it('starts a new round on Monday', async () => {
    const { deps, habit, row } = await perPersonHabit();
    await checkOff(deps, { habitId: habit.id, source: 'popup', person: 'Ana' });
    deps.clock.set('2026-03-08T23:00:00Z'); // Sunday 19:00 in New York: still the same week.
    await checkOff(deps, { habitId: habit.id, source: 'popup', person: 'Ben' });
    expect((await row()).progress).toMatchObject({ done: 2, notYet: ['Cara'] });
    deps.clock.set('2026-03-09T15:00:00Z');
    expect((await row()).progress).toMatchObject({ done: 0, notYet: ['Ana', 'Ben', 'Cara'] });
  });

  it('drops a person taken off the list from this week’s count, and keeps their check-in', async () => {
    const { deps, habit, row } = await perPersonHabit();
    await checkOff(deps, { habitId: habit.id, source: 'popup', person: 'Ana' });
    const cara = await checkOff(deps, { habitId: habit.id, source: 'popup', person: 'Cara' });
    expect((await row()).progress).toMatchObject({ done: 2, target: 3 });
    const edited = await saveHabit(deps, { ...habitToInput(habit), people: ['Ana', 'Ben'] }, habit.id);
    expect(edited.ok && edited.value.target.amount).toBe(2);
    const item = await row();
    expect(item.progress).toMatchObject({ done: 1, target: 2, notYet: ['Ben'] });
    expect(progressText(item.progress)).toBe('1 of 2 this week');
    expect(await deps.repo.checkIns(habit.id, '2026-03-02', '2026-03-02')).toContainEqual(cara);
  });
});
