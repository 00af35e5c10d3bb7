import type { FlexWindow } from './flex-window';

// The form's rules (scheduleErrors) live in schedule-errors.ts, so the glance pages, which only expand schedules, never
// load their messages.
export { scheduleErrors } from './schedule-errors';

/** A weekly wall-clock cue schedule anchored in an IANA zone, so DST and travel never move it. */
export interface Schedule {
  /** ISO weekdays the cue fires on: 1 = Monday … 7 = Sunday. */
  days: number[];
  /** Local start time, 24-hour "HH:MM". */
  startTime: string;
  /** How long the block lasts in the calendar, in minutes. */
  durationMinutes: number;
  /** IANA zone the wall-clock time belongs to, e.g. "America/New_York". */
  timeZone: string;
  /** 2 for every other week, counted from the week of the first cue (see expandSchedule); absent = every week. */
  everyWeeks?: 2;
  /**
   * Set for a flexible habit: the window its block may move within. `startTime` is then the ideal time, where the
   * recurring series stays; the slot finder (slot-finder.ts) places each day's block.
   */
  window?: FlexWindow;
}

/** One concrete occurrence of a schedule. */
export interface ScheduledInstant {
  /** The instant, epoch milliseconds. */
  at: number;
  /** The schedule's local date of that occurrence, "YYYY-MM-DD". */
  localDate: string;
}

/**
 * Every occurrence of the schedule whose instant lies in [fromMs, toMs), in order.
 * Each occurrence is the wall time on its local date in the schedule's zone, converted on its own day, so
 * a DST change moves the UTC instant and never the local time.
 * One rule for wall times a clock change makes ambiguous (Temporal's 'compatible' disambiguation, as RFC 5545 reads
 * a DTSTART): a time that does not exist (in a spring-forward gap) is read with the offset in force before the gap,
 * so it fires later by the gap's length (02:30 on a night that jumps from 02:00 to 03:00 fires at 03:30; on Lord
 * Howe's 30-minute jump, 02:10 fires at 02:40), keeping its own local date; a time that happens twice (in an autumn
 * fold) fires once, at the earlier instant. tests/core/schedule-zones.property.test.ts checks this in 72 zones.
 * `startsOn` (a local date) holds back occurrences before the habit began.
 * Every two weeks: only ISO weeks an even number of weeks from the anchor week are kept. The anchor week holds the
 * first weekly occurrence at or after `sinceMs` (the habit's scheduleSince; `fromMs` when absent) and on or after
 * `startsOn`: the series' first cue, which Google's DTSTART (INTERVAL=2, WKST=MO) and Graph's range.startDate
 * (interval 2, firstDayOfWeek monday) count their weeks from, so all three agree.
 */
export function expandSchedule(schedule: Schedule, fromMs: number, toMs: number, startsOn?: string, sinceMs = fromMs): ScheduledInstant[] {
  if (toMs <= fromMs || schedule.days.length === 0) return [];
  const zone = schedule.timeZone;
  const days = new Set(schedule.days);
  const time = Temporal.PlainTime.from(schedule.startTime);
  // Pad a day either side: the window's local dates may differ from the occurrences' own. Every two weeks starts
  // from `sinceMs` instead, to find the anchor.
  const first = Temporal.Instant.fromEpochMilliseconds(schedule.everyWeeks ? sinceMs : fromMs)
    .toZonedDateTimeISO(zone)
    .toPlainDate()
    .subtract({ days: 1 });
  const last = Temporal.Instant.fromEpochMilliseconds(toMs).toZonedDateTimeISO(zone).toPlainDate().add({ days: 1 });
  const floor = startsOn ? Temporal.PlainDate.from(startsOn) : undefined;
  const out: ScheduledInstant[] = [];
  let anchor: Temporal.PlainDate | undefined;
  for (let date = first; Temporal.PlainDate.compare(date, last) <= 0; date = date.add({ days: 1 })) {
    if (!days.has(date.dayOfWeek)) continue;
    if (floor && Temporal.PlainDate.compare(date, floor) < 0) continue;
    const at = date.toPlainDateTime(time).toZonedDateTime(zone, { disambiguation: 'compatible' }).epochMilliseconds;
    if (at < sinceMs) continue;
    // The first occurrence is the anchor; every two weeks skips the odd ISO weeks from its week.
    anchor ??= date;
    if (schedule.everyWeeks && ((date.since(anchor).days + anchor.dayOfWeek - 1) / 7) & 1) continue;
    if (at >= fromMs && at < toMs) out.push({ at, localDate: date.toString() });
  }
  return out;
}
