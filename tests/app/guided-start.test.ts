import { describe, expect, it } from 'vitest';
import { finishGuidedStart } from '@/src/app/guided-start';
import { saveHabit } from '@/src/app/save-habit';
import { newDraft, toggleBehaviour, type GuidedDraft } from '@/src/core/guided-start';
import { LIBRARY, OUTCOME_STARTERS } from '@/src/core/library';
import { habitInput } from '../fakes/habits';
import { testDeps } from '../fakes/test-deps';

const ZONE = 'America/New_York';

function managerDraft(): GuidedDraft {
  let draft: GuidedDraft = { ...newDraft(0), outcome: OUTCOME_STARTERS.find((s) => s.kind === 'engagement')!.draft('2026-03-02'), role: 'manager' };
  for (const entry of LIBRARY.filter((e) => e.role === 'manager').slice(0, 2)) draft = toggleBehaviour(draft, entry, ZONE);
  return { ...draft, keystone: draft.behaviours[1]!.entryId, step: 'loop' };
}

describe('finishing the guided start', () => {
  it('creates the outcome and the habits together, linked, keystone first, and forgets the draft', async () => {
    const deps = await testDeps();
    const draft = managerDraft();
    await deps.coach.putGuidedDraft(draft);
    const result = await finishGuidedStart(deps, draft);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const [outcome] = await deps.repo.outcomes();
    const habits = await deps.repo.habits();
    expect(outcome).toMatchObject({ name: result.outcome!.name });
    expect(habits).toHaveLength(2);
    expect(habits.every((h) => h.outcomeId === outcome!.id && h.onDashboard && h.reward)).toBe(true);
    expect(habits.filter((h) => h.keystone).map((h) => h.name)).toEqual([draft.behaviours[1]!.input.name]);
    expect(await deps.coach.guidedDraft()).toBeUndefined();
  });

  it('refuses anything invalid and writes nothing: the draft stays to resume', async () => {
    const deps = await testDeps();
    await saveHabit(deps, habitInput({ name: LIBRARY.find((e) => e.role === 'manager')!.name }));
    const draft = managerDraft();
    const broken = { ...draft, behaviours: draft.behaviours.map((b, i) => (i === 1 ? { ...b, input: { ...b.input, startTime: '25:00' } } : b)) };
    await deps.coach.putGuidedDraft(broken);
    const result = await finishGuidedStart(deps, broken);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors.habits).sort()).toEqual(draft.behaviours.map((b) => b.entryId).sort());
    expect(result.errors.habits[draft.behaviours[0]!.entryId]!.name).toMatch(/already have a habit called/);
    expect(result.errors.habits[draft.behaviours[1]!.entryId]!.startTime).toBeDefined();
    expect(await deps.repo.outcomes()).toEqual([]);
    expect(await deps.repo.habits()).toHaveLength(1);
    expect(await deps.coach.guidedDraft()).toEqual(broken);
  });

  it('resumes where the person left: the draft read back is the one kept after the last completed step', async () => {
    const deps = await testDeps();
    const draft = { ...managerDraft(), step: 'keystone' as const };
    await deps.coach.putGuidedDraft(draft);
    expect(await deps.coach.guidedDraft()).toEqual(draft);
    await deps.coach.clearGuidedDraft();
    expect(await deps.coach.guidedDraft()).toBeUndefined();
  });

  it('a run with no outcome still creates the habits; beyond the dashboard’s room they run off it', async () => {
    const deps = await testDeps();
    for (const name of ['One', 'Two', 'Three', 'Four']) await saveHabit(deps, habitInput({ name }));
    let draft: GuidedDraft = { ...newDraft(0), role: 'ic' };
    for (const entry of LIBRARY.filter((e) => e.role === 'ic').slice(0, 2)) draft = toggleBehaviour(draft, entry, ZONE);
    const result = await finishGuidedStart(deps, draft);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.habits.map((h) => h.onDashboard)).toEqual([true, false]);
    expect(await deps.repo.outcomes()).toEqual([]);
  });
});
