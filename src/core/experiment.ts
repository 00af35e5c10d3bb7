import type { Habit } from './habit';
import { addDays, weekdayOf } from './local-time';
import { hasErrors, type Validated } from './result';

/**
 * A two-week micro-experiment (the guide's "two-week sprint"): a hypothesis, the behaviour it tries, a daily measure,
 * and a retrospective on the last day that adopts, adapts or abandons the behaviour. Small and manageable: two at most
 * run at once.
 */

/** 14 calendar days, or 10 workdays (Monday to Friday). */
export type ExperimentLength = '14-days' | '10-workdays';
export const EXPERIMENT_LENGTHS: readonly ExperimentLength[] = ['14-days', '10-workdays'];

/** A count, minutes, or a 1–5 rating (the guide's "afternoon focus on a scale of 1–5"). */
export type MeasureKind = 'count' | 'minutes' | 'rating';

/** The guide: small and manageable. */
export const MAX_RUNNING_EXPERIMENTS = 2;

export type Decision = 'adopt' | 'adapt' | 'abandon';

/** What the behaviour was before an experiment changed it, so "abandon" can put it back. */
export type HabitBefore = Pick<Habit, 'target' | 'schedule' | 'start'>;

export interface Experiment {
  id: string;
  hypothesis: string;
  /** The habit the experiment tries: made for it ("new"), or an existing one it changed ("change", with `before`). */
  habitId: string;
  change: 'new' | 'change';
  before?: HabitBefore;
  measure: { kind: MeasureKind; label: string };
  length: ExperimentLength;
  /** First and last local dates of the trial. */
  startsOn: string;
  endsOn: string;
  status: 'running' | Decision;
  /** The retrospective: what the person noticed, the decision, and the lesson kept whatever was decided. */
  retrospective?: { noticed: string; lesson: string; decidedAt: number };
  createdAt: number;
}

/** One day's measure. Days with no entry are "not logged", never zero. */
export interface MeasureEntry {
  /** `${experimentId}|${localDate}`: one per day, a second log replaces the first. */
  id: string;
  experimentId: string;
  localDate: string;
  value: number;
  at: number;
}

/** The local dates of a trial that starts on `startsOn` (10 workdays start on the next workday if needed). */
export function trialDays(startsOn: string, length: ExperimentLength): string[] {
  if (length === '14-days') return Array.from({ length: 14 }, (_, i) => addDays(startsOn, i));
  const days: string[] = [];
  for (let date = startsOn; days.length < 10; date = addDays(date, 1)) if (weekdayOf(date) <= 5) days.push(date);
  return days;
}

/** The same number of days just before the trial, for the baseline (as many calendar days as the trial spans). */
export function baselineDays(startsOn: string, length: ExperimentLength): string[] {
  const trial = trialDays(startsOn, length);
  const span = trial.length === 0 ? 0 : Temporal.PlainDate.from(trial.at(-1)!).since(Temporal.PlainDate.from(startsOn)).days + 1;
  return Array.from({ length: span }, (_, i) => addDays(startsOn, i - span)).filter((d) => length === '14-days' || weekdayOf(d) <= 5);
}

/** "Day 3 of 14" (by trial days); undefined before the start or after the end; weekends of a workday trial are off. */
export function trialDayOf(experiment: Pick<Experiment, 'startsOn' | 'length'>, today: string): { day: number; of: number } | undefined {
  const days = trialDays(experiment.startsOn, experiment.length);
  const index = days.indexOf(today);
  return index < 0 ? undefined : { day: index + 1, of: days.length };
}

/** The retrospective is due on the last trial day and after it, until decided. */
export function retrospectiveDue(experiment: Experiment, today: string): boolean {
  return experiment.status === 'running' && today >= experiment.endsOn;
}

/** Mean of the logged days, and how many of the window's days were logged (missed days are not zeros). */
export interface MeasureSummary {
  logged: number;
  days: number;
  mean?: number;
}

function summarize(entries: readonly MeasureEntry[], days: readonly string[]): MeasureSummary {
  const inWindow = entries.filter((e) => days.includes(e.localDate));
  const mean = inWindow.length === 0 ? undefined : inWindow.reduce((sum, e) => sum + e.value, 0) / inWindow.length;
  return { logged: inWindow.length, days: days.length, ...(mean !== undefined ? { mean } : {}) };
}

/**
 * Baseline vs trial, side by side: the same measure over the days just before the trial (from `earlier` entries, where
 * it was logged) and over the trial's days so far (from its own entries).
 */
export function baselineVsTrial(
  experiment: Pick<Experiment, 'startsOn' | 'length'>,
  own: readonly MeasureEntry[],
  earlier: readonly MeasureEntry[],
  today: string,
): { baseline: MeasureSummary; trial: MeasureSummary } {
  const trial = trialDays(experiment.startsOn, experiment.length).filter((d) => d <= today);
  return { baseline: summarize(earlier, baselineDays(experiment.startsOn, experiment.length)), trial: summarize(own, trial) };
}

/** What the experiment form hands over. */
export interface ExperimentInput {
  hypothesis: string;
  measureKind: string;
  measureLabel: string;
  length: string;
}
export type ExperimentField = keyof ExperimentInput | 'habit';

/** Check an experiment before it starts; a third running one is refused with the guide's reason. */
export function validateExperiment(input: ExperimentInput, running: number): Validated<Pick<Experiment, 'hypothesis' | 'measure' | 'length'>, ExperimentField> {
  const errors: Partial<Record<ExperimentField, string>> = {};
  const hypothesis = input.hypothesis.trim();
  if (hypothesis === '') errors.hypothesis = 'Write the hypothesis, e.g. "If I block the 30 minutes after lunch for email, my afternoon focus rises".';
  else if (hypothesis.length > 300) errors.hypothesis = 'Keep the hypothesis under 300 characters.';
  const kind = (['count', 'minutes', 'rating'] as const).find((k) => k === input.measureKind);
  if (!kind) errors.measureKind = 'Choose how to measure it: a count, minutes, or a 1–5 rating.';
  const label = input.measureLabel.trim();
  if (label === '') errors.measureLabel = 'Name the measure, e.g. "Afternoon focus".';
  const length = EXPERIMENT_LENGTHS.find((l) => l === input.length);
  if (!length) errors.length = 'Choose 14 days or 10 workdays.';
  if (running >= MAX_RUNNING_EXPERIMENTS) {
    errors.hypothesis = 'Two experiments are running already. Small and manageable: finish one before starting another?';
  }
  if (hasErrors(errors)) return { ok: false, errors };
  return { ok: true, value: { hypothesis, measure: { kind: kind!, label }, length: length! } };
}

/** A day's measure as typed: a whole number, and 1–5 for a rating. */
export function validateMeasure(kind: MeasureKind, text: string): { ok: true; value: number } | { ok: false; error: string } {
  const value = Number(text.trim());
  if (text.trim() === '' || !Number.isInteger(value)) return { ok: false, error: 'Enter a whole number.' };
  if (kind === 'rating' && (value < 1 || value > 5)) return { ok: false, error: 'A rating is from 1 to 5.' };
  if (kind !== 'rating' && (value < 0 || value > 10_000)) return { ok: false, error: 'Enter a number from 0 to 10,000.' };
  return { ok: true, value };
}

/**
 * What a decision does to the habit: adopt keeps it (with its cue); abandon archives a habit made for the experiment,
 * or puts a changed one back as it was; adapt keeps it for the next experiment, which is pre-filled from this one.
 */
export function habitAfter(experiment: Experiment, habit: Habit, decision: Decision): Habit {
  if (decision !== 'abandon') return habit;
  if (experiment.change === 'new') return { ...habit, archived: true, keystone: false };
  return experiment.before ? { ...habit, ...experiment.before } : habit;
}

/** The next experiment an "adapt" starts from: the same hypothesis, measure and length, ready to edit. */
export function adaptedInput(experiment: Experiment): ExperimentInput {
  return { hypothesis: experiment.hypothesis, measureKind: experiment.measure.kind, measureLabel: experiment.measure.label, length: experiment.length };
}

/** Ratings are asked once, at the end of the day: the person's wall-clock time, in their zone. */
export const DAY_END_PROMPT_TIME = '21:00';

/** The running rating experiments with a trial day today and no rating logged yet: the ones to ask about tonight. */
export function ratingsToAsk(experiments: readonly Experiment[], loggedToday: ReadonlySet<string>, today: string): Experiment[] {
  return experiments.filter((e) => e.status === 'running' && e.measure.kind === 'rating' && trialDayOf(e, today) !== undefined && !loggedToday.has(e.id));
}
