import type { calendar_v3 } from '@googleapis/calendar';
import type { CalendarInstance } from '@/src/core/calendar-sync';
import type { CueInstance } from '@/src/core/cue-plan';
import type { AllDay, Busy } from '@/src/core/slot-finder';
import { APP_PROPERTY } from './event-body';

// What one events.list answer holds for Cueboard: its own cues always; while a flexible habit exists (issue 12) also
// the person's busy time, their all-day events and Cueboard's instances with what it takes to move one. Calendar data
// is never trusted to be tidy: an item that cannot be read is skipped, never guessed at, and nothing here throws.

/**
 * The partial response asked for while a flexible habit exists, when the Cueboard-only filter is dropped: times,
 * status, transparency, the person's own answer, what identifies Cueboard's instances, and their etags. `summary`
 * only while skip words are on — Google cannot select a field per event type, so the titles of timed events then
 * cross the wire as well; `withoutForeignTitle` drops them as each page arrives.
 */
export function flexibleListFields(titles: boolean): string {
  const item = [
    'id',
    'status',
    'start',
    'end',
    'transparency',
    'attendees(self,responseStatus)',
    'recurringEventId',
    'originalStartTime',
    'extendedProperties/private',
    'etag',
    ...(titles ? ['summary'] : []),
  ];
  return `items(${item.join(',')}),nextPageToken`;
}

/**
 * The item without its title, unless it is an all-day event and titles are read (for skip words, matched on the
 * device). The titles of timed events — other people's meetings — are dropped here, the moment a page arrives:
 * never stored, never logged, never passed on.
 */
export function withoutForeignTitle(item: calendar_v3.Schema$Event, titles: boolean): calendar_v3.Schema$Event {
  if (!item || typeof item !== 'object') return item;
  if (titles && typeof item.start?.date === 'string') return item;
  const { summary: _dropped, ...rest } = item;
  return rest;
}

export interface ReadItems {
  cues: CueInstance[];
  instances: CalendarInstance[];
  busy: Busy[];
  allDay: AllDay[];
}

export interface ReadContext {
  /** Each active habit's current series id → its habit id: only those series' instances are cues. */
  current: ReadonlyMap<string, string>;
  fromMs: number;
  toMs: number;
  /** Whether all-day titles were read (skip words on). */
  titles: boolean;
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Epoch ms of an RFC 3339 time with its offset (as events.list gives them); NaN for anything else. */
export function instantOf(text: unknown): number {
  return typeof text === 'string' && RFC3339.test(text) ? Date.parse(text) : Number.NaN;
}

/** A real calendar date "YYYY-MM-DD" (no 30 February), or undefined. */
function dateOf(text: unknown): string | undefined {
  if (typeof text !== 'string' || !DATE.test(text)) return undefined;
  try {
    return Temporal.PlainDate.from(text, { overflow: 'reject' }).toString();
  } catch {
    return undefined;
  }
}

function privateProps(item: calendar_v3.Schema$Event): Record<string, string> {
  const props = item.extendedProperties?.private;
  return props && typeof props === 'object' ? props : {};
}

/** Cueboard wrote it: it carries Cueboard's private marks. Never busy time, whatever series it belongs to. */
function isCueboards(item: calendar_v3.Schema$Event): boolean {
  const props = privateProps(item);
  return typeof props.habitId === 'string' || props[APP_PROPERTY.key] === APP_PROPERTY.value;
}

function declinedBySelf(item: calendar_v3.Schema$Event): boolean {
  return Array.isArray(item.attendees) && item.attendees.some((a) => a && typeof a === 'object' && a.self === true && a.responseStatus === 'declined');
}

/** The habit a current-series cue instance belongs to, or undefined (not a cue: cancelled, stray, someone else's). */
function cueHabit(item: calendar_v3.Schema$Event, current: ReadonlyMap<string, string>): string | undefined {
  const props = privateProps(item);
  const habitId = props.habitId;
  if (item.status === 'cancelled' || typeof habitId !== 'string' || props[APP_PROPERTY.key] !== APP_PROPERTY.value) return undefined;
  // Only instances of each habit's current series are cues: an ended or stray series never fires.
  return current.get(item.recurringEventId ?? '') === habitId ? habitId : undefined;
}

/** Cueboard's cues only, exactly as the filtered poll reads them. */
export function readCues(items: readonly calendar_v3.Schema$Event[], context: Omit<ReadContext, 'titles'>): CueInstance[] {
  return items.flatMap((item): CueInstance[] => {
    if (!item || typeof item !== 'object') return [];
    const habitId = cueHabit(item, context.current);
    const at = Date.parse(item.start?.dateTime ?? '');
    // Malformed items are skipped, never guessed at.
    if (habitId === undefined || Number.isNaN(at)) return [];
    return at >= context.fromMs && at < context.toMs ? [{ habitId, at }] : [];
  });
}

/** Everything an unfiltered list holds for auto-scheduling: cues, Cueboard's instances, busy time, all-day events. */
export function readItems(items: readonly calendar_v3.Schema$Event[], context: ReadContext): ReadItems {
  const cues = readCues(items, context);
  const instances: CalendarInstance[] = [];
  const busy: Busy[] = [];
  const allDay: AllDay[] = [];
  for (const item of items) {
    if (!item || typeof item !== 'object' || item.status === 'cancelled') continue;
    const habitId = cueHabit(item, context.current);
    if (habitId !== undefined) {
      const at = instantOf(item.start?.dateTime);
      const end = instantOf(item.end?.dateTime);
      const originalAt = instantOf(item.originalStartTime?.dateTime);
      if (typeof item.id !== 'string' || !item.id || !(end > at) || Number.isNaN(originalAt) || !(at >= context.fromMs && at < context.toMs)) continue;
      instances.push({ habitId, at, end, originalAt, instanceId: item.id, ...(typeof item.etag === 'string' ? { version: item.etag } : {}) });
      continue;
    }
    if (isCueboards(item) || declinedBySelf(item)) continue;
    if (item.start?.date !== undefined && item.start.date !== null) {
      const startDate = dateOf(item.start.date);
      const endDate = dateOf(item.end?.date);
      if (!startDate || !endDate || endDate <= startDate) continue;
      const title = context.titles && typeof item.summary === 'string' ? item.summary : undefined;
      allDay.push({ startDate, endDate, ...(title === undefined ? {} : { title }) });
      continue;
    }
    // Free (transparent) time is not busy. (All-day events are never busy time: they can only make a day off.)
    if (item.transparency === 'transparent') continue;
    const start = instantOf(item.start?.dateTime);
    const end = instantOf(item.end?.dateTime);
    if (!(end > start)) continue;
    busy.push({ start, end });
  }
  return { cues, instances, busy, allDay };
}
