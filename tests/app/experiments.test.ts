import { describe, expect, it } from 'vitest';
import { decideExperiment, loadExperiments, logMeasure, startExperiment } from '@/src/app/experiments';
import { saveHabit } from '@/src/app/save-habit';
import { FixedClock } from '../fakes/fixed-clock';
import { habitInput } from '../fakes/habits';
import { testDeps } from '../fakes/test-deps';

const input = {
  hypothesis: 'If I block the 30 minutes after lunch for email, my afternoon focus rises',
  measureKind: 'rating',
  measureLabel: 'Afternoon focus',
  length: '14-days',
};
const emailBlock = habitInput({ name: 'Email after lunch', startTime: '13:00', targetKind: 'count', targetAmount: '1', days: [1, 2, 3, 4, 5, 6, 7] });

/** Monday 2026-03-02, 15:00 in New York. */
async function started(behaviour: 'new' | 'change' = 'new') {
  const deps = await testDeps(FixedClock.at('2026-03-02T20:00:00Z'));
  let tried;
  if (behaviour === 'change') {
    const saved = await saveHabit(deps, habitInput({ name: 'Email after lunch', startTime: '16:00' }));
    if (!saved.ok) throw new Error('fixture invalid');
    tried = { kind: 'change' as const, habitId: saved.value.id, habit: { ...emailBlock } };
  } else tried = { kind: 'new' as const, habit: emailBlock };
  const result = await startExperiment(deps, input, tried);
  if (!result.ok) throw new Error(JSON.stringify(result));
  return { deps, ...result };
}

describe('experiments', () => {
  it('start: the experiment and its habit are written together; a third at once is refused, nothing saved', async () => {
    const { deps, experiment, habit } = await started();
    expect(experiment).toMatchObject({ startsOn: '2026-03-02', endsOn: '2026-03-15', status: 'running', change: 'new', habitId: habit.id });
    expect(await deps.repo.habit(habit.id)).toMatchObject({ name: 'Email after lunch', archived: false });
    const second = await startExperiment(deps, { ...input, measureLabel: 'Calls' }, { kind: 'new', habit: habitInput({ name: 'Calls' }) });
    expect(second.ok).toBe(true);
    const third = await startExperiment(deps, input, { kind: 'new', habit: habitInput({ name: 'Third' }) });
    expect(third.ok ? '' : third.errors.hypothesis).toMatch(/Two experiments are running already/);
    expect((await deps.repo.habits()).map((h) => h.name).sort()).toEqual(['Calls', 'Email after lunch']);
  });

  it('logs the measure on three days; the retrospective opens on day 14, not before', async () => {
    const { deps, experiment } = await started();
    for (const [day, value] of [
      ['2026-03-02T20:00:00Z', '3'],
      ['2026-03-04T20:00:00Z', '4'],
      ['2026-03-09T20:00:00Z', '5'],
    ] as const) {
      deps.clock.set(day);
      expect(await logMeasure(deps, experiment.id, value)).toEqual({ ok: true });
    }
    expect(await logMeasure(deps, experiment.id, '7')).toEqual({ ok: false, error: 'A rating is from 1 to 5.' });
    const view = (await loadExperiments(deps)).views[0]!;
    expect(view).toMatchObject({ day: { day: 8, of: 14 }, due: false, todaysValue: 5, comparison: { trial: { logged: 3, days: 8, mean: 4 } } });
    expect(await decideExperiment(deps, experiment.id, 'adopt', { noticed: '', lesson: '' })).toEqual({
      ok: false,
      error: 'The retrospective opens on the experiment’s last day.',
    });
    deps.clock.set('2026-03-15T20:00:00Z');
    expect((await loadExperiments(deps)).views[0]).toMatchObject({ day: { day: 14, of: 14 }, due: true });
  });

  it('adopt: the behaviour stays a habit with its cue; the lesson is kept', async () => {
    const { deps, experiment, habit } = await started();
    deps.clock.set('2026-03-15T20:00:00Z');
    const decided = await decideExperiment(deps, experiment.id, 'adopt', { noticed: 'Calmer afternoons', lesson: 'Batching email works for me' });
    expect(decided).toMatchObject({
      ok: true,
      experiment: { status: 'adopt', retrospective: { noticed: 'Calmer afternoons', lesson: 'Batching email works for me' } },
    });
    expect(await deps.repo.habit(habit.id)).toMatchObject({ archived: false });
    expect(await decideExperiment(deps, experiment.id, 'abandon', { noticed: '', lesson: '' })).toEqual({
      ok: false,
      error: 'This experiment was already decided.',
    });
  });

  it('abandon: a habit made for it is archived; a changed habit is put back as it was', async () => {
    const made = await started('new');
    made.deps.clock.set('2026-03-15T20:00:00Z');
    await decideExperiment(made.deps, made.experiment.id, 'abandon', { noticed: 'No change', lesson: 'Focus dips for other reasons' });
    expect(await made.deps.repo.habit(made.habit.id)).toMatchObject({ archived: true, archivedAt: made.deps.clock.now() });

    const changed = await started('change');
    expect(changed.habit.schedule.startTime).toBe('13:00');
    changed.deps.clock.set('2026-03-15T20:00:00Z');
    await decideExperiment(changed.deps, changed.experiment.id, 'abandon', { noticed: '', lesson: 'Keep the 16:00 slot' });
    expect(await changed.deps.repo.habit(changed.habit.id)).toMatchObject({
      archived: false,
      schedule: expect.objectContaining({ startTime: '16:00' }),
      scheduleSince: changed.deps.clock.now(),
    });
  });

  it('adapt: the behaviour stays, and the next experiment comes pre-filled', async () => {
    const { deps, experiment, habit } = await started();
    deps.clock.set('2026-03-16T14:00:00Z');
    const decided = await decideExperiment(deps, experiment.id, 'adapt', { noticed: 'Better on quiet days', lesson: 'Try 45 minutes' });
    expect(decided).toMatchObject({ ok: true, next: input, experiment: { status: 'adapt' } });
    expect(await deps.repo.habit(habit.id)).toMatchObject({ archived: false });
    expect((await loadExperiments(deps)).views.map((v) => v.experiment.status)).toEqual(['adapt']);
  });
});
