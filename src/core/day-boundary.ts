import { zonedAt } from './local-time';

/** Where one "day" ends for the person: a check-in at 00:30 with a 04:00 boundary belongs to the day before. */
export const DEFAULT_DAY_BOUNDARY = '04:00';

/**
 * The local date ("YYYY-MM-DD") a moment counts for, in the person's current zone and under their day boundary.
 * Night owls keep their evening: anything before the boundary is filed under the previous date.
 */
export function localDateOf(epochMs: number, zone: string, dayBoundary: string = DEFAULT_DAY_BOUNDARY): string {
  const zoned = zonedAt(epochMs, zone);
  const boundary = Temporal.PlainTime.from(dayBoundary);
  const date = zoned.toPlainDate();
  return Temporal.PlainTime.compare(zoned.toPlainTime(), boundary) < 0 ? date.subtract({ days: 1 }).toString() : date.toString();
}
