import type { Habit } from '../habit';
import { addDays } from '../local-time';
import { periodOf } from '../period';
import type { DayValue } from './daily-values';
import { periodResult, previousPeriod } from './periods';

/** A streak carried to the end of a completed period. */
export interface StreakState {
  /** Last day of the last completed period counted. */
  through: string;
  /** Consecutive met periods ending there (skipped ones in between neither count nor break). */
  count: number;
}

/**
 * Advance a streak over the completed periods after `state.through`, up to (not including) the period holding
 * `today`. `days` must cover those periods.
 */
export function advanceStreak(habit: Habit, state: StreakState, days: ReadonlyMap<string, DayValue>, today: string): StreakState {
  const current = periodOf(today, habit.target.per);
  let { count, through } = state;
  let period = periodOf(state.through, habit.target.per);
  // Walk forward one period at a time from the one after `through`.
  for (;;) {
    const next = periodOf(addDays(period.end, 1), habit.target.per);
    if (next.start >= current.start) break;
    period = next;
    if (period.end < habit.startsOn) continue;
    const result = periodResult(habit, days, period);
    if (result === 'met') count++;
    else if (result === 'not-met') count = 0;
    through = period.end;
  }
  return { through, count };
}

/** The streak shown today: completed periods, plus the current one once it is met (it cannot break until it ends). */
export function currentStreak(habit: Habit, state: StreakState, days: ReadonlyMap<string, DayValue>, today: string): number {
  return state.count + (periodResult(habit, days, periodOf(today, habit.target.per)) === 'met' ? 1 : 0);
}

/** The state before a habit's first period. */
export function streakStart(habit: Habit): StreakState {
  return { through: previousPeriod(habit, habit.startsOn).end, count: 0 };
}
