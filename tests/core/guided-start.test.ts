import { describe, expect, it } from 'vitest';
import {
  editBehaviour,
  habitsToCreate,
  KEYSTONE_QUESTION,
  MAX_BEHAVIOURS,
  newDraft,
  rolesOf,
  stepAfter,
  stepLabel,
  stepProblem,
  toggleBehaviour,
} from '@/src/core/guided-start';
import { LIBRARY } from '@/src/core/library';

const ZONE = 'America/New_York';
const ic = LIBRARY.filter((e) => e.role === 'ic');

describe('the guided start', () => {
  it('walks five steps, shown as "Step n of 5"', () => {
    expect(stepLabel('outcome')).toBe('Step 1 of 5');
    expect(stepLabel('loop')).toBe('Step 5 of 5');
    expect(stepAfter('outcome', 1)).toBe('role');
    expect(stepAfter('outcome', -1)).toBeUndefined();
    expect(stepAfter('loop', 1)).toBeUndefined();
    expect(rolesOf('both')).toEqual(['ic', 'manager']);
  });

  it('picks behaviours from the library as editable drafts, never more than five', () => {
    let draft = newDraft(0);
    for (const entry of LIBRARY.slice(0, 7)) draft = toggleBehaviour(draft, entry, ZONE);
    expect(draft.behaviours).toHaveLength(MAX_BEHAVIOURS);
    expect(draft.behaviours[0]!.input).toMatchObject({ name: LIBRARY[0]!.name, timeZone: ZONE, reward: LIBRARY[0]!.reward });
    draft = toggleBehaviour(draft, LIBRARY[0]!, ZONE);
    expect(draft.behaviours.map((b) => b.entryId)).not.toContain(LIBRARY[0]!.id);
    draft = editBehaviour(draft, LIBRARY[1]!.id, { startTime: '15:30' });
    expect(draft.behaviours.find((b) => b.entryId === LIBRARY[1]!.id)!.input.startTime).toBe('15:30');
  });

  it('asks the guide’s keystone question, and the answer leads: marked, first, on the dashboard', () => {
    expect(KEYSTONE_QUESTION).toBe('What is the one activity that, if you did it consistently, would make everything else easier?');
    let draft = newDraft(0);
    for (const entry of ic.slice(0, 3)) draft = toggleBehaviour(draft, entry, ZONE);
    expect(stepProblem(draft, 'keystone')).toMatch(/Pick the one/);
    draft = { ...draft, keystone: ic[2]!.id };
    expect(stepProblem(draft, 'keystone')).toBeUndefined();
    const habits = habitsToCreate(draft, 'o1', 2);
    expect(habits.map((h) => [h.entryId, h.input.keystone, h.input.onDashboard, h.input.outcomeId])).toEqual([
      [ic[2]!.id, true, true, 'o1'],
      [ic[0]!.id, false, true, 'o1'],
      [ic[1]!.id, false, false, 'o1'],
    ]);
    // Taking the keystone away unsets it.
    expect(toggleBehaviour(draft, ic[2]!, ZONE).keystone).toBeUndefined();
  });

  it('says what a step still needs', () => {
    const draft = newDraft(0);
    expect(stepProblem(draft, 'outcome')).toBeUndefined();
    expect(stepProblem(draft, 'role')).toMatch(/role/);
    expect(stepProblem({ ...draft, role: 'manager' }, 'role')).toBeUndefined();
    expect(stepProblem(draft, 'behaviours')).toMatch(/at least one/);
  });
});
