import type { Habit } from '../habit';
import { addDays } from '../local-time';
import { periodOf } from '../period';
import type { DayValue } from './daily-values';
import { periodResult, scheduledDates } from './periods';

/** Share of periods met over a window, with what it counted. */
export interface Completion {
  met: number;
  counted: number;
  /** 0..1, or undefined when nothing could be counted yet (a new habit). */
  rate?: number;
}

/**
 * Completion over the last `weeks` weeks ending today: for a daily target, scheduled days met; for a weekly one,
 * weeks met. Skipped periods and days before the habit began do not count; the current period counts only once met.
 */
export function completion(habit: Habit, days: ReadonlyMap<string, DayValue>, today: string, weeks: number): Completion {
  const from = addDays(today, 1 - weeks * 7);
  let met = 0;
  let counted = 0;
  if (habit.target.per === 'day') {
    for (const date of scheduledDates(habit, { start: from, end: today })) {
      const result = periodResult(habit, days, { start: date, end: date });
      if (result === 'skipped' || (date === today && result !== 'met')) continue;
      counted++;
      if (result === 'met') met++;
    }
  } else {
    for (let period = periodOf(from, 'week'); period.start <= today; period = periodOf(addDays(period.end, 1), 'week')) {
      if (period.end < habit.startsOn) continue;
      const result = periodResult(habit, days, period);
      const current = period.end >= today;
      if (result === 'skipped' || (current && result !== 'met')) continue;
      counted++;
      if (result === 'met') met++;
    }
  }
  return { met, counted, ...(counted > 0 ? { rate: met / counted } : {}) };
}
