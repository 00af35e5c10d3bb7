import type { Habit } from '../habit';
import { addDays, weekdayOf } from '../local-time';
import { periodOf, type Period } from '../period';
import type { DayValue } from './daily-values';

/** A completed or current period's result. "skipped": every scheduled day in it was skipped, or none was scheduled (it neither counts nor breaks). */
export type PeriodResult = 'met' | 'not-met' | 'skipped';

/** Done amount within a period. */
export function periodDone(days: ReadonlyMap<string, DayValue>, period: Period): number {
  let sum = 0;
  for (let d = period.start; d <= period.end; d = addDays(d, 1)) sum += days.get(d)?.done ?? 0;
  return sum;
}

/** Scheduled dates of the habit within a period (from its start date). */
export function scheduledDates(habit: Habit, period: Period): string[] {
  const out: string[] = [];
  for (let d = period.start; d <= period.end; d = addDays(d, 1)) {
    if (d >= habit.startsOn && habit.schedule.days.includes(weekdayOf(d))) out.push(d);
  }
  return out;
}

/** Whether the period met the target, or was skipped throughout. */
export function periodResult(habit: Habit, days: ReadonlyMap<string, DayValue>, period: Period): PeriodResult {
  if (periodDone(days, period) >= habit.target.amount) return 'met';
  const scheduled = scheduledDates(habit, period);
  // A period with nothing scheduled (a weekend for a weekday habit) asked for nothing: it neither counts nor breaks.
  return scheduled.every((d) => days.get(d)?.skipped) ? 'skipped' : 'not-met';
}

/** The period before the one holding `date`. */
export function previousPeriod(habit: Habit, date: string): Period {
  return periodOf(addDays(periodOf(date, habit.target.per).start, -1), habit.target.per);
}

/** The last `count` periods ending with the one that holds `today`, oldest first. */
export function lastPeriods(habit: Habit, today: string, count: number): Period[] {
  const periods = [periodOf(today, habit.target.per)];
  while (periods.length < count) periods.unshift(previousPeriod(habit, periods[0]!.start));
  return periods;
}
