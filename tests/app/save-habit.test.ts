import { describe, expect, it } from 'vitest';
import { saveHabit, setHabitArchived } from '@/src/app/save-habit';
import { saveOutcome } from '@/src/app/save-outcome';
import { habitInput } from '../fakes/habits';
import { testDeps } from '../fakes/test-deps';

describe('saveHabit', () => {
  it('stores nothing when the input is invalid', async () => {
    const deps = await testDeps();
    const result = await saveHabit(deps, habitInput({ name: '', days: [], startTime: '9am', link: 'javascript:void 0' }));
    expect(result.ok).toBe(false);
    expect(result.ok ? {} : Object.keys(result.errors).sort()).toEqual(['days', 'link', 'name', 'startTime']);
    expect(await deps.repo.habits()).toEqual([]);
  });

  it('starts a new habit today (under the day boundary) and edits keep its history', async () => {
    const deps = await testDeps();
    const created = await saveHabit(deps, habitInput());
    if (!created.ok) throw new Error('fixture invalid');
    expect(created.value).toMatchObject({ startsOn: '2026-03-02', createdAt: deps.clock.now(), archived: false });
    deps.clock.advance(86_400_000);
    const edited = await saveHabit(deps, habitInput({ name: 'Review code' }), created.value.id);
    expect(edited.ok && edited.value).toMatchObject({ id: created.value.id, startsOn: '2026-03-02', name: 'Review code' });
    expect(await deps.repo.habits()).toHaveLength(1);
  });

  it('stores a reward, and an edit that clears it removes it', async () => {
    const deps = await testDeps();
    const created = await saveHabit(deps, habitInput({ reward: ' coffee with the team ' }));
    if (!created.ok) throw new Error('fixture invalid');
    expect((await deps.repo.habit(created.value.id))?.reward).toBe('coffee with the team');
    expect((await saveHabit(deps, habitInput({ reward: '' }), created.value.id)).ok).toBe(true);
    expect((await deps.repo.habit(created.value.id))?.reward).toBeUndefined();
  });

  it('keeps a single keystone', async () => {
    const deps = await testDeps();
    const a = await saveHabit(deps, habitInput({ name: 'A', keystone: true }));
    const b = await saveHabit(deps, habitInput({ name: 'B', keystone: true }));
    if (!a.ok || !b.ok) throw new Error('fixture invalid');
    expect((await deps.repo.habits()).filter((h) => h.keystone).map((h) => h.name)).toEqual(['B']);
  });

  it('refuses to restore a sixth dashboard habit', async () => {
    const deps = await testDeps();
    const first = await saveHabit(deps, habitInput({ name: 'first' }));
    if (!first.ok) throw new Error('fixture invalid');
    await setHabitArchived(deps, first.value.id, true);
    for (const n of [1, 2, 3, 4, 5]) expect((await saveHabit(deps, habitInput({ name: `h${n}` }))).ok).toBe(true);
    const sixth = await saveHabit(deps, habitInput({ name: 'sixth' }));
    expect(sixth.ok ? '' : sixth.errors.onDashboard).toMatch(/5 habits at most/);
    const restored = await setHabitArchived(deps, first.value.id, false);
    expect(restored.ok).toBe(false);
    expect((await deps.repo.habit(first.value.id))?.archived).toBe(true);
  });

  it('refuses a second active habit with the same name, and a restore whose name is now taken', async () => {
    const deps = await testDeps();
    const first = await saveHabit(deps, habitInput({ name: 'Deep work' }));
    if (!first.ok) throw new Error('fixture invalid');
    const twin = await saveHabit(deps, habitInput({ name: ' deep WORK' }));
    const taken = 'You already have a habit called “Deep work”. Give this one a different name, or edit that one.';
    expect(twin.ok ? '' : twin.errors.name).toBe(taken);
    expect(await deps.repo.habits()).toHaveLength(1);

    expect((await setHabitArchived(deps, first.value.id, true)).ok).toBe(true);
    const second = await saveHabit(deps, habitInput({ name: 'DEEP work' }));
    if (!second.ok) throw new Error('an archived habit’s name should be free');
    const restored = await setHabitArchived(deps, first.value.id, false);
    expect(restored.ok ? '' : restored.errors.name).toBe(taken.replace('Deep work', 'DEEP work'));
    expect((await deps.repo.habit(first.value.id))?.archived).toBe(true);

    expect((await setHabitArchived(deps, second.value.id, true)).ok).toBe(true);
    expect((await setHabitArchived(deps, first.value.id, false)).ok).toBe(true);
  });

  it('links a habit to a stored outcome and refuses an unknown one', async () => {
    const deps = await testDeps();
    const outcome = await saveOutcome(deps, { name: 'Bugs', unit: 'bugs', baseline: '40', target: '32', targetDate: '2027-03-31', direction: 'down' });
    if (!outcome.ok) throw new Error('fixture invalid');
    expect((await saveHabit(deps, habitInput({ outcomeId: outcome.value.id }))).ok).toBe(true);
    expect((await saveHabit(deps, habitInput({ outcomeId: 'missing' }))).ok).toBe(false);
  });
});
