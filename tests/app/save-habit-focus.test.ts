import { describe, expect, it } from 'vitest';
import { saveHabit } from '@/src/app/save-habit';
import { habitInput } from '../fakes/habits';
import { testDeps } from '../fakes/test-deps';

const untitled = habitInput({ name: 'Deep work', focus: { minutes: '90', intention: ' ' } });
const prefs = (intentionRequired: boolean) => ({ prefs: async () => ({ sites: [], intentionRequired }) });

describe('saveHabit for a focus block', () => {
  it('stores a focus block without an intention while the focus settings do not ask for one', async () => {
    const deps = await testDeps();
    const saved = await saveHabit({ ...deps, focus: prefs(false) }, untitled);
    expect(saved.ok && saved.value).toMatchObject({ kind: 'focus', focus: { minutes: 90, intention: '' } });
    // Without the focus store (the guided start, the coaching check-in) an intention is never required.
    expect((await saveHabit(deps, { ...untitled, name: 'Deep work 2' })).ok).toBe(true);
  });

  it('refuses it, storing nothing, when the focus settings ask every block to name its intention', async () => {
    const deps = await testDeps();
    const refused = await saveHabit({ ...deps, focus: prefs(true) }, untitled);
    expect(refused.ok ? {} : Object.keys(refused.errors)).toEqual(['focus.intention']);
    expect(await deps.repo.habits()).toEqual([]);
  });
});
