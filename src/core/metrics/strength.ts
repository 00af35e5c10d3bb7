import type { Habit } from '../habit';
import { addDays, weekdayOf } from '../local-time';
import type { DayValue } from './daily-values';

/** One line on how the strength number is made, shown beside it. */
export const STRENGTH_EXPLAINED =
  'Strength rises a little each day the target is met and fades slowly when it is not (a daily habit halves in about 13 days); skipped and unscheduled days pause it. The method of Loop Habit Tracker.';

/** Bumped whenever the strength formula changes, so scores carried forward under the old one start over. */
export const STRENGTH_FORMULA = 2;

/**
 * Loop Habit Tracker's frequency f: target repetitions per day, from the target, never from the schedule (the days
 * only say when cues come). A daily target is 1 (Loop's "every day", for yes/no and measurable habits alike);
 * "N times per week" is N/7 (Loop's yes/no "N times per week"; capped at 1, as Loop counts a day at most once);
 * "N minutes per week" is 1/7, as Loop's measurable habit "every week" with N as its target value.
 */
export function frequency(habit: Habit): number {
  if (habit.target.per === 'day') return 1;
  return habit.target.kind === 'count' ? Math.min(1, habit.target.amount / 7) : 1 / 7;
}

/** The daily multiplier: 0.5^(√f / 13), so a daily habit's score halves in 13 days without practice. */
export function multiplier(habit: Habit): number {
  return 0.5 ** (Math.sqrt(frequency(habit)) / 13);
}

/** How much of the target the recent window met on `date`: the day itself, or the trailing 7 days for weekly targets. */
function met(habit: Habit, days: ReadonlyMap<string, DayValue>, date: string): number {
  if (habit.target.per === 'day') return Math.min(1, (days.get(date)?.done ?? 0) / habit.target.amount);
  let sum = 0;
  for (let i = 0; i < 7; i++) sum += days.get(addDays(date, -i))?.done ?? 0;
  return Math.min(1, sum / habit.target.amount);
}

/** A score carried to the end of `through` (inclusive). */
export interface StrengthState {
  through: string;
  score: number;
}

/**
 * Advance a strength score day by day from the day after `state.through` to `to` (inclusive). `days` must hold the
 * check-ins from six days before the first new day (weekly windows look back a week). A skipped day leaves it as is.
 */
export function advanceStrength(habit: Habit, state: StrengthState, days: ReadonlyMap<string, DayValue>, to: string): StrengthState {
  const m = multiplier(habit);
  let score = state.score;
  let date = state.through;
  while (date < to) {
    date = addDays(date, 1);
    if (date < habit.startsOn || days.get(date)?.skipped) continue;
    // A daily target asks nothing on unscheduled days (the weekend of a weekday habit): they pause it too.
    if (habit.target.per === 'day' && !habit.schedule.days.includes(weekdayOf(date)) && !days.get(date)?.done) continue;
    score = score * m + met(habit, days, date) * (1 - m);
  }
  return { through: date > state.through ? date : state.through, score };
}

/** The state before a habit's first day. */
export function strengthStart(habit: Habit): StrengthState {
  return { through: addDays(habit.startsOn, -1), score: 0 };
}
