import { addDays, instantOf, weekdayOf, zonedAt } from './local-time';

/** A target period: a single day, or an ISO week from Monday to Sunday. */
export interface Period {
  /** First local date, "YYYY-MM-DD". */
  start: string;
  /** Last local date, inclusive. */
  end: string;
}

/** The period that holds a local date. */
export function periodOf(localDate: string, per: 'day' | 'week'): Period {
  if (per === 'day') return { start: localDate, end: localDate };
  const start = addDays(localDate, 1 - weekdayOf(localDate));
  return { start, end: addDays(start, 6) };
}

/** The instant the ISO week holding `now` began: Monday 00:00 in the zone (a DST change that week does not move it). */
export function weekStartInstant(now: number, zone: string): number {
  return instantOf(periodOf(zonedAt(now, zone).toPlainDate().toString(), 'week').start, '00:00', zone);
}
