import type { CalendarInstance } from '@/src/core/calendar-sync';
import type { CueInstance } from '@/src/core/cue-plan';
import { zonedAt } from '@/src/core/local-time';
import type { AllDay, Busy } from '@/src/core/slot-finder';

// What one calendarView read holds for Cueboard, read from Graph's items without ever trusting their shape: an item
// that is not what Graph documents is left out, never thrown over.

/** The poll's read while no flexible habit exists: Cueboard's own occurrences are all it needs. */
export const CUE_SELECT = ['id', 'subject', 'start', 'end', 'seriesMasterId', 'type', 'isCancelled', 'originalStart'];

/**
 * The same read while a flexible habit exists (issue 12): times, whether the time is busy, all-day or cancelled, the
 * person's answer, and what ties an occurrence to its series and marks its version. No titles — `subject` only while
 * skip words are on, because Graph cannot select a property for all-day events alone; the titles of timed events
 * are then dropped as each page arrives (`withoutTimedTitle`), never stored or logged. Cueboard's own events are
 * recognised, as in the plain read, by `seriesMasterId` against the series ids it recorded.
 */
export function schedulingSelect(titles: boolean): string[] {
  return [
    'id',
    'start',
    'end',
    'showAs',
    'isAllDay',
    'isCancelled',
    'type',
    'seriesMasterId',
    'originalStart',
    'responseStatus',
    'changeKey',
    ...(titles ? ['subject'] : []),
  ];
}

type Item = Record<string, unknown>;

const isItem = (value: unknown): value is Item => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/**
 * An item as it may be kept for the rest of the read: a timed event's title is removed here, the moment its page
 * arrives, so it never reaches a snapshot, a log line or an error. All-day titles stay, for the skip words.
 */
export function withoutTimedTitle(item: unknown): unknown {
  if (!isItem(item) || item.isAllDay === true || !('subject' in item)) return item;
  const { subject: _dropped, ...rest } = item;
  return rest;
}

/** Graph's local form: "2026-03-10T18:00:00.0000000" (seconds and fraction optional), no offset. */
const LOCAL = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?$/;

/**
 * A `dateTimeTimeZone` as calendarView sends it without a Prefer header — UTC, no offset in the string — to epoch
 * ms; NaN for anything else (another zone, another form, not a string).
 */
export function graphUtcMs(value: unknown): number {
  if (!isItem(value) || value.timeZone !== 'UTC' || typeof value.dateTime !== 'string') return Number.NaN;
  const m = LOCAL.exec(value.dateTime);
  if (!m) return Number.NaN;
  const [, date, hh, mm, ss = '00', fraction = ''] = m;
  return Date.parse(`${date}T${hh}:${mm}:${ss}.${fraction.padEnd(3, '0').slice(0, 3)}Z`);
}

/** A DateTimeOffset (`originalStart`: "2026-03-03T19:00:00Z", any fraction, Z or an offset) to epoch ms, or NaN. */
export function offsetMs(value: unknown): number {
  if (typeof value !== 'string') return Number.NaN;
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?)(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})$/.exec(value);
  if (!m) return Number.NaN;
  const [, base, fraction = '', offset] = m;
  return Date.parse(`${base}${fraction ? `.${fraction.padEnd(3, '0').slice(0, 3)}` : ''}${offset}`);
}

/** A real calendar date "YYYY-MM-DD" (not 2026-02-30), or undefined. */
function plainDate(date: string): string | undefined {
  try {
    return Temporal.PlainDate.from(date, { overflow: 'reject' }).toString();
  } catch {
    return undefined;
  }
}

/**
 * The local date of an all-day event's start or (exclusive) end. Graph lists an all-day event as midnight on its own
 * dates whatever zone the answer is in ("2026-03-05T00:00:00.0000000", timeZone "UTC" without a Prefer header):
 * those dates are the event's dates, and must not be read as UTC instants and moved into another zone (an all-day
 * event in New York would start the day before when seen from UTC−5). Should Graph ever send a time other than
 * midnight, the UTC instant is taken into the person's zone instead, an end that is not midnight there covering
 * its whole day.
 */
export function allDayDate(value: unknown, zone: string | undefined, isEnd: boolean): string | undefined {
  if (!isItem(value) || typeof value.dateTime !== 'string') return undefined;
  const m = LOCAL.exec(value.dateTime);
  if (!m) return undefined;
  const [, date, hh, mm, ss = '00', fraction = ''] = m;
  if (hh === '00' && mm === '00' && ss === '00' && /^0*$/.test(fraction)) return plainDate(date!);
  const at = graphUtcMs(value);
  if (!zone || Number.isNaN(at)) return undefined;
  try {
    const local = zonedAt(at, zone);
    const day = local.toPlainDate();
    const midnight = local.hour === 0 && local.minute === 0 && local.second === 0 && local.millisecond === 0;
    return (isEnd && !midnight ? day.add({ days: 1 }) : day).toString();
  } catch {
    return undefined;
  }
}

/** Who the read's series belong to, from the records this machine keeps. */
export interface ViewOwners {
  /** Series id → habit id of each active series: their occurrences are cues (as before issue 12). */
  active: ReadonlyMap<string, string>;
  /** Series id → habit id of each habit's current series (the one for its present schedule): its instances. */
  current: ReadonlyMap<string, string>;
  /** Every series id Cueboard recorded, ended ones too: never anyone's busy time. */
  own: ReadonlySet<string>;
}

/** Cueboard's cues: live occurrences of active series of active habits, starting in [from, to). */
export function readCues(items: readonly unknown[], owners: ViewOwners, activeHabits: ReadonlySet<string>, fromMs: number, toMs: number): CueInstance[] {
  return items.flatMap((item): CueInstance[] => {
    if (!isItem(item)) return [];
    const master = text(item.seriesMasterId);
    const habitId = master ? owners.active.get(master) : undefined;
    // calendarView answers in UTC with no offset in the string: read it as UTC.
    const at = graphUtcMs(item.start);
    if (!habitId || !activeHabits.has(habitId) || item.isCancelled === true || Number.isNaN(at) || at < fromMs || at >= toMs) return [];
    return [{ habitId, at }];
  });
}

/** What a flexible habit's placement needs from the same read. */
export interface SchedulingView {
  busy: Busy[];
  allDay: AllDay[];
  instances: CalendarInstance[];
}

/** Time that does not keep the person from a cue block: shown as free, or working elsewhere (still working). */
const NOT_BUSY = new Set(['free', 'workingElsewhere']);

/**
 * Split the items into the person's busy time (timed events that are not Cueboard's, not cancelled, not shown as
 * free or working elsewhere, not declined), all-day events (not cancelled or declined; the title only when `titles`)
 * and the instances of Cueboard's current series with their ids and versions. `zone` is the person's zone, used only
 * when an all-day event does not come back at midnight.
 */
export function readScheduling(items: readonly unknown[], owners: ViewOwners, options: { titles: boolean; zone?: string }): SchedulingView {
  const view: SchedulingView = { busy: [], allDay: [], instances: [] };
  for (const item of items) {
    if (!isItem(item)) continue;
    const master = text(item.seriesMasterId);
    const id = text(item.id);
    if ((master && owners.own.has(master)) || (id && owners.own.has(id))) {
      const habitId = master ? owners.current.get(master) : undefined;
      const instance = habitId ? readInstance(item, habitId) : undefined;
      if (instance) view.instances.push(instance);
      continue;
    }
    const responseStatus = isItem(item.responseStatus) ? item.responseStatus : undefined;
    if (item.isCancelled === true || responseStatus?.response === 'declined') continue;
    if (item.isAllDay === true) {
      const startDate = allDayDate(item.start, options.zone, false);
      const endDate = allDayDate(item.end, options.zone, true);
      if (!startDate || !endDate || endDate <= startDate) continue;
      const title = options.titles ? text(item.subject) : undefined;
      view.allDay.push({ startDate, endDate, ...(title !== undefined ? { title } : {}) });
      continue;
    }
    if (typeof item.showAs === 'string' && NOT_BUSY.has(item.showAs)) continue;
    const start = graphUtcMs(item.start);
    const end = graphUtcMs(item.end);
    if (Number.isFinite(start) && Number.isFinite(end) && end > start) view.busy.push({ start, end });
  }
  return view;
}

/** One live occurrence or exception of a current series, or undefined when it cannot be moved safely. */
function readInstance(item: Item, habitId: string): CalendarInstance | undefined {
  const instanceId = text(item.id);
  const at = graphUtcMs(item.start);
  const end = graphUtcMs(item.end);
  const originalAt = offsetMs(item.originalStart);
  if (!instanceId || item.isCancelled === true || !Number.isFinite(at) || !Number.isFinite(end) || end < at || !Number.isFinite(originalAt)) return undefined;
  const changeKey = text(item.changeKey);
  // Graph's @odata.etag is W/"<changeKey>", what If-Match takes; the changeKey alone is the fallback.
  const version = text(item['@odata.etag']) ?? (changeKey ? `W/"${changeKey}"` : undefined);
  return { habitId, at, end, originalAt, instanceId, ...(version ? { version } : {}) };
}
