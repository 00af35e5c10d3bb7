/** Local wall-clock helpers shared by schedules and the day boundary. All inputs are explicit: no clock here. */

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** True for a 24-hour "HH:MM" string such as "07:05" or "14:00". */
export function isHhMm(value: string): boolean {
  return HHMM.test(value);
}

/** True when the runtime knows this IANA zone name (e.g. "Europe/Berlin"). */
export function isTimeZone(zone: string): boolean {
  if (zone.trim() === '') return false;
  try {
    // Constructing a ZonedDateTime is the cheapest check that Temporal accepts the identifier.
    new Temporal.ZonedDateTime(0n, zone);
    return true;
  } catch {
    return false;
  }
}

/** The zoned date-time of an instant given in epoch milliseconds. */
export function zonedAt(epochMs: number, zone: string): Temporal.ZonedDateTime {
  return Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(zone);
}

/** Milliseconds since the epoch of a local date and wall time in a zone (DST gaps resolve forward, folds to the earlier instant). */
export function instantOf(localDate: string, time: string, zone: string): number {
  return Temporal.PlainDate.from(localDate).toZonedDateTime({ timeZone: zone, plainTime: Temporal.PlainTime.from(time) }).epochMilliseconds;
}

/** "YYYY-MM-DD" shifted by a number of days. */
export function addDays(localDate: string, days: number): string {
  return Temporal.PlainDate.from(localDate).add({ days }).toString();
}

/** ISO weekday of a local date: 1 = Monday … 7 = Sunday. */
export function weekdayOf(localDate: string): number {
  return Temporal.PlainDate.from(localDate).dayOfWeek;
}

/** The wall-clock time "HH:MM" of an instant in a zone. */
export function formatWallTime(epochMs: number, zone: string): string {
  return zonedAt(epochMs, zone).toPlainTime().toString({ smallestUnit: 'minute' });
}
