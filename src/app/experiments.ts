import {
  adaptedInput,
  baselineVsTrial,
  habitAfter,
  retrospectiveDue,
  trialDayOf,
  trialDays,
  validateExperiment,
  validateMeasure,
  type Decision,
  type Experiment,
  type ExperimentField,
  type ExperimentInput,
  type MeasureEntry,
} from '@/src/core/experiment';
import { sameSchedule, type Habit } from '@/src/core/habit';
import { validateHabit, type HabitField, type HabitInput } from '@/src/core/habit-input';
import type { CoachingStore } from '@/src/ports/coaching-store';
import type { Deps } from './deps';
import { todayOf } from './today-date';

type ExperimentDeps = Pick<Deps, 'repo' | 'clock' | 'provider' | 'newId'> & { coach: CoachingStore };

/** The behaviour an experiment tries: a new habit, or a change to an existing one (its edited form). */
export type TriedBehaviour = { kind: 'new'; habit: HabitInput } | { kind: 'change'; habitId: string; habit: HabitInput };

export type StartResult =
  | { ok: true; experiment: Experiment; habit: Habit }
  | { ok: false; errors: Partial<Record<ExperimentField, string>>; habitErrors: Partial<Record<HabitField, string>> };

/**
 * Start an experiment today: validate it (two at most running) and the behaviour's habit form as the habit form does,
 * then write the experiment and the habit together. A change keeps what the habit was, so "abandon" can put it back.
 */
export async function startExperiment(deps: ExperimentDeps, input: ExperimentInput, behaviour: TriedBehaviour): Promise<StartResult> {
  const { repo, coach, clock, provider, newId } = deps;
  const [experiments, habits, outcomes, { today }] = await Promise.all([coach.experiments(), repo.habits(), repo.outcomes(), todayOf(deps)]);
  const checked = validateExperiment(input, experiments.filter((e) => e.status === 'running').length);
  const now = clock.now();
  const existing = behaviour.kind === 'change' ? habits.find((h) => h.id === behaviour.habitId) : undefined;
  if (behaviour.kind === 'change' && !existing) return { ok: false, errors: { habit: 'That habit was removed elsewhere; reload the page.' }, habitErrors: {} };
  const base = existing ?? { id: newId(), createdAt: now, archived: false, startsOn: today, scheduleSince: now };
  const outcomeIds = outcomes.filter((o) => !o.archived).map((o) => o.id);
  const habit = validateHabit(behaviour.habit, base, { habits, outcomeIds });
  if (!checked.ok || !habit.ok) return { ok: false, errors: checked.ok ? {} : checked.errors, habitErrors: habit.ok ? {} : habit.errors };

  // A new schedule takes effect now, as with any edit: the calendar ends the old series and starts a new one.
  const tried = existing && !sameSchedule(existing.schedule, habit.value.schedule) ? { ...habit.value, scheduleSince: now } : habit.value;
  const days = trialDays(today, checked.value.length);
  const experiment: Experiment = {
    id: newId(),
    ...checked.value,
    habitId: tried.id,
    change: existing ? 'change' : 'new',
    ...(existing ? { before: { target: existing.target, schedule: existing.schedule, start: existing.start } } : {}),
    startsOn: days[0]!,
    endsOn: days.at(-1)!,
    status: 'running',
    createdAt: now,
  };
  await coach.putExperimentAndHabit(experiment, tried);
  await provider.syncHabit(tried);
  return { ok: true, experiment, habit: tried };
}

/** Log a day's measure (today unless said otherwise): a second log the same day replaces the first. */
export async function logMeasure(
  deps: Pick<Deps, 'repo' | 'clock'> & { coach: CoachingStore },
  experimentId: string,
  text: string,
  localDate?: string,
): Promise<{ ok: true } | { ok: false; error: string }> {
  const experiment = (await deps.coach.experiments()).find((e) => e.id === experimentId);
  if (!experiment) return { ok: false, error: 'That experiment was removed elsewhere; reload the page.' };
  const checked = validateMeasure(experiment.measure.kind, text);
  if (!checked.ok) return checked;
  const { today } = await todayOf(deps);
  const date = localDate ?? today;
  if (!trialDays(experiment.startsOn, experiment.length).includes(date) || date > today) {
    return { ok: false, error: 'That day is not one of the experiment’s days.' };
  }
  await deps.coach.putMeasure({ id: `${experimentId}|${date}`, experimentId, localDate: date, value: checked.value, at: deps.clock.now() });
  return { ok: true };
}

export type DecideResult = { ok: true; experiment: Experiment; habit?: Habit; next?: ExperimentInput } | { ok: false; error: string };

/**
 * The retrospective, on the last day or after: what the person noticed and the lesson are kept whatever the decision.
 * Adopt keeps the behaviour as a habit with its cue; abandon archives a habit made for the experiment or puts a changed
 * one back; adapt keeps it and hands back the next experiment pre-filled.
 */
export async function decideExperiment(
  deps: ExperimentDeps,
  id: string,
  decision: Decision,
  words: { noticed: string; lesson: string },
): Promise<DecideResult> {
  const { repo, coach, clock, provider } = deps;
  const experiment = (await coach.experiments()).find((e) => e.id === id);
  if (!experiment) return { ok: false, error: 'That experiment was removed elsewhere; reload the page.' };
  const { today } = await todayOf(deps);
  if (!retrospectiveDue(experiment, today)) {
    return {
      ok: false,
      error: experiment.status === 'running' ? 'The retrospective opens on the experiment’s last day.' : 'This experiment was already decided.',
    };
  }
  const now = clock.now();
  const decided: Experiment = {
    ...experiment,
    status: decision,
    retrospective: { noticed: words.noticed.trim(), lesson: words.lesson.trim(), decidedAt: now },
  };
  const habit = await repo.habit(experiment.habitId);
  if (!habit) {
    await coach.putExperiment(decided);
    return { ok: true, experiment: decided };
  }
  const after = habitAfter(experiment, habit, decision);
  const moved = !sameSchedule(after.schedule, habit.schedule) || after.archived !== habit.archived;
  const written: Habit = moved ? { ...after, ...(after.archived ? { archivedAt: now } : { scheduleSince: now }) } : after;
  await coach.putExperimentAndHabit(decided, written);
  if (moved) await provider.syncHabit(written);
  return { ok: true, experiment: decided, habit: written, ...(decision === 'adapt' ? { next: adaptedInput(experiment) } : {}) };
}

/** An experiment as the page shows it. */
export interface ExperimentView {
  experiment: Experiment;
  habitName: string;
  day?: { day: number; of: number };
  due: boolean;
  todaysValue?: number;
  comparison: ReturnType<typeof baselineVsTrial>;
}

/** Running experiments first (with today's trial day and the side-by-side), then the history, newest first. */
export async function loadExperiments(deps: Pick<Deps, 'repo' | 'clock'> & { coach: CoachingStore }): Promise<{ today: string; views: ExperimentView[] }> {
  const [experiments, habits, { today }] = await Promise.all([deps.coach.experiments(), deps.repo.habits(), todayOf(deps)]);
  const measures = new Map<string, MeasureEntry[]>(await Promise.all(experiments.map(async (e) => [e.id, await deps.coach.measures(e.id)] as const)));
  const views = experiments.map((experiment): ExperimentView => {
    // The baseline is the same measure (by name) logged in other experiments before this one, where it exists.
    const same = experiments.filter((e) => e.id !== experiment.id && e.measure.label.toLowerCase() === experiment.measure.label.toLowerCase());
    const earlier = same.flatMap((e) => measures.get(e.id) ?? []);
    const day = trialDayOf(experiment, today);
    const todays = (measures.get(experiment.id) ?? []).find((m) => m.localDate === today);
    return {
      experiment,
      habitName: habits.find((h) => h.id === experiment.habitId)?.name ?? 'A removed habit',
      ...(day ? { day } : {}),
      due: retrospectiveDue(experiment, today),
      ...(todays ? { todaysValue: todays.value } : {}),
      comparison: baselineVsTrial(experiment, measures.get(experiment.id) ?? [], earlier, today),
    };
  });
  const order = (v: ExperimentView) => (v.experiment.status === 'running' ? 0 : 1);
  return { today, views: views.sort((a, b) => order(a) - order(b) || b.experiment.createdAt - a.experiment.createdAt) };
}
