import { durationAdjective, durationWords, type FlexWindow } from './flex-window';
import { DEFAULT_SETTINGS } from './settings';

// Where each flexible habit's block goes on one day. Pure and deterministic: the calendar's busy times, the day, the
// settings and `now` all come in as arguments, so a poll, a test and a replay of the same data agree.

const MINUTE = 60_000;

/** A busy time span in epoch milliseconds, half-open: [start, end). */
export interface Busy {
  start: number;
  end: number;
}

/** An all-day event: local dates "YYYY-MM-DD", the end exclusive (as Google and Graph give them). */
export interface AllDay {
  startDate: string;
  endDate: string;
  /** Read only to match skip words; absent when titles were not read. */
  title?: string;
}

/** One flexible habit asking for a block on the day. */
export interface FlexRequest {
  habitId: string;
  keystone: boolean;
  /** Blocks this habit already got this week; fewer goes first, so one habit cannot take every afternoon. */
  placementsThisWeek: number;
  window: FlexWindow;
  /** The ideal start, "HH:MM" wall clock in `timeZone` (the schedule's start time). */
  ideal: string;
  durationMinutes: number;
  timeZone: string;
}

/** Everything planDay needs to know about one day. */
export interface DayPlanInput {
  /** The local date "YYYY-MM-DD" the windows are read on, in each request's own zone. */
  date: string;
  requests: FlexRequest[];
  /** Other people's meetings and the person's own busy time. Cueboard's own cues must not be in here. */
  busy: Busy[];
  /** Cue blocks already fixed that day (fixed habits, and flexible blocks already started): avoided, and counted in the cap. */
  fixedBlocks: Busy[];
  allDay: AllDay[];
  /** Words or phrases that make an all-day event a day off; empty turns days off off. */
  skipWords: string[];
  /** The most minutes of cue blocks the day may hold, fixed blocks included. */
  capMinutes: number;
  /** Slots starting before this instant (rounded up to the minute) are not offered; absent plans the whole day. */
  now?: number;
}

/** A block placed in free time; `moved` when it does not start at the ideal time. */
export interface PlacedBlock {
  habitId: string;
  start: number;
  end: number;
  moved: boolean;
}

/** Why a habit gets no block today. */
export type UnplacedKind = 'no-free-time' | 'day-off' | 'cap' | 'passed';

/** A habit left without a block, with the reason in words for the popup. */
export interface UnplacedBlock {
  habitId: string;
  reason: string;
  kind: UnplacedKind;
}

/** What planDay decided for one habit. */
export type Placement = PlacedBlock | UnplacedBlock;

/**
 * Place the day's flexible blocks, one per habit (a repeated habit id after the first is dropped), in the order they
 * were considered: keystone first, then fewer placements this week, then habit id. Each block goes in the free slot
 * nearest its ideal start (a tie goes to the earlier one) that lies inside its window, overlaps no busy time, fixed
 * block or block placed before it, and starts at least the window's buffer after any meeting that ended before it.
 * Busy times that are not finite or end before they start are ignored: calendar data is never trusted to be tidy.
 */
export function planDay(input: DayPlanInput): Placement[] {
  const requests = fairOrder(firstPerHabit(input.requests));
  const dayOff = dayOffWord(input.date, input.allDay, input.skipWords);
  if (dayOff !== undefined) {
    return requests.map(({ habitId }) => ({ habitId, kind: 'day-off', reason: `A day off (“${dayOff}”): no cue blocks today.` }));
  }

  const busy = merged(tidy(input.busy));
  const fixed = tidy(input.fixedBlocks);
  const cap = Number.isFinite(input.capMinutes) && input.capMinutes >= 0 ? input.capMinutes : DEFAULT_SETTINGS.dailyCapMinutes;
  let used = fixed.reduce((sum, b) => sum + (b.end - b.start) / MINUTE, 0);
  // A calendar event starts on a whole minute, so the first slot left today does too.
  const earliest = input.now !== undefined && Number.isFinite(input.now) ? Math.ceil(input.now / MINUTE) * MINUTE : -Infinity;
  const placed: Busy[] = [];

  return requests.map((request): Placement => {
    const { habitId, window } = request;
    const minutes = request.durationMinutes;
    const bounds = windowOn(input.date, request);
    if (!bounds || !Number.isInteger(minutes) || minutes < 1) {
      return {
        habitId,
        kind: 'no-free-time',
        reason: `This habit’s window (${window.from}–${window.to}) or length cannot be read; edit the habit to place its block.`,
      };
    }
    const length = minutes * MINUTE;
    const latest = bounds.to - length;
    const first = Math.max(bounds.from, earliest);
    // A window too short for the block on this day (a spring-forward night) has not passed: it never had room.
    if (first > latest && latest >= bounds.from) {
      return { habitId, kind: 'passed', reason: `Too late today: a ${durationAdjective(minutes)} block no longer fits before ${window.to}.` };
    }
    if (used + minutes > cap) {
      const reason =
        used >= cap
          ? `Today’s cue blocks already fill your ${durationAdjective(cap)} cap.`
          : `A ${durationAdjective(minutes)} block would take today’s cue blocks past your ${durationAdjective(cap)} cap.`;
      return { habitId, kind: 'cap', reason };
    }
    const buffer = Number.isFinite(window.bufferMinutes) && window.bufferMinutes > 0 ? window.bufferMinutes * MINUTE : 0;
    const start = nearestFreeStart(bounds.ideal, first, latest, [
      ...busy.map((b) => ({ after: b.start - length, before: b.end + buffer })),
      ...[...fixed, ...placed].map((b) => ({ after: b.start - length, before: b.end })),
    ]);
    if (start === undefined) {
      return { habitId, kind: 'no-free-time', reason: `No free ${durationWords(minutes)} between ${window.from} and ${window.to} today.` };
    }
    placed.push({ start, end: start + length });
    used += minutes;
    return { habitId, start, end: start + length, moved: start !== bounds.ideal };
  });
}

/**
 * The skip word (as the person wrote it) that the first matching all-day event covering `date` holds, if any. A word
 * matches a whole word or phrase in the title, ignoring case and spacing: "OOO" matches "OOO - conference", never
 * "Zoooology".
 */
export function dayOffWord(date: string, allDay: readonly AllDay[], skipWords: readonly string[]): string | undefined {
  const words = skipWords.map((w) => w.trim()).filter((w) => w !== '');
  if (words.length === 0 || !isDate(date)) return undefined;
  for (const event of allDay) {
    if (typeof event.title !== 'string' || !covers(event, date)) continue;
    const word = words.find((w) => phrasePattern(w).test(event.title!.normalize('NFC')));
    if (word !== undefined) return word;
  }
  return undefined;
}

/** A skip word as a pattern: letters and digits may not touch it on either side, and any run of spaces matches one. */
function phrasePattern(word: string): RegExp {
  const body = word
    .normalize('NFC')
    .split(/\s+/u)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'))
    .join('\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'iu');
}

/** True when an all-day event covers the date; an end that is missing or not after the start reads as one day. */
function covers(event: AllDay, date: string): boolean {
  if (!isDate(event.startDate)) return false;
  const end = isDate(event.endDate) && event.endDate > event.startDate ? event.endDate : undefined;
  return end === undefined ? date === event.startDate : event.startDate <= date && date < end;
}

function isDate(text: unknown): text is string {
  return typeof text === 'string' && /^\d{4}-\d{2}-\d{2}$/u.test(text);
}

/** The window's bounds and the ideal start on the date, as instants; undefined when the zone or a time cannot be read. */
function windowOn(date: string, request: FlexRequest): { from: number; to: number; ideal: number } | undefined {
  try {
    const day = Temporal.PlainDate.from(date);
    // 'compatible' as expandSchedule reads wall times: a time in a spring-forward gap moves later by the gap, a time
    // in an autumn fold is the earlier instant. So a 01:00–04:00 window is two hours long on the spring-forward night.
    const at = (time: string) =>
      day.toPlainDateTime(Temporal.PlainTime.from(time)).toZonedDateTime(request.timeZone, { disambiguation: 'compatible' }).epochMilliseconds;
    return { from: at(request.window.from), to: at(request.window.to), ideal: at(request.ideal) };
  } catch {
    return undefined;
  }
}

/**
 * The allowed start in [lo, hi] nearest `ideal` (the earlier on a tie), or undefined. Each obstacle forbids the
 * starts strictly between `after` and `before`, so a block may end exactly as a meeting starts and start exactly
 * when an obstacle (plus its buffer) ends.
 */
function nearestFreeStart(ideal: number, lo: number, hi: number, obstacles: { after: number; before: number }[]): number | undefined {
  if (lo > hi) return undefined;
  const inReach = obstacles.filter((o) => o.before > lo && o.after < hi).sort((a, b) => a.after - b.after);
  let best: number | undefined;
  const consider = (from: number, to: number) => {
    if (from > to) return;
    const candidate = Math.min(Math.max(ideal, from), to);
    if (best === undefined || Math.abs(candidate - ideal) < Math.abs(best - ideal)) best = candidate;
  };
  // Sweep left to right: `cursor` is the first start no obstacle seen so far forbids.
  let cursor = lo;
  for (const o of inReach) {
    if (o.after >= cursor) consider(cursor, Math.min(o.after, hi));
    cursor = Math.max(cursor, o.before);
  }
  consider(cursor, hi);
  return best;
}

/** The well-formed spans only: finite numbers, ending after they start. */
function tidy(spans: readonly Busy[]): Busy[] {
  return spans.filter((b) => b && Number.isFinite(b.start) && Number.isFinite(b.end) && b.end > b.start);
}

/** Overlapping or touching spans joined, in order; one sort keeps hundreds of overlapping events cheap. */
function merged(spans: readonly Busy[]): Busy[] {
  const out: Busy[] = [];
  for (const b of [...spans].sort((x, y) => x.start - y.start)) {
    const last = out[out.length - 1];
    if (last && b.start <= last.end) last.end = Math.max(last.end, b.end);
    else out.push({ start: b.start, end: b.end });
  }
  return out;
}

/** Each habit's first request only: one block per habit per day. */
function firstPerHabit(requests: readonly FlexRequest[]): FlexRequest[] {
  const seen = new Set<string>();
  return requests.filter((r) => {
    if (seen.has(r.habitId)) return false;
    seen.add(r.habitId);
    return true;
  });
}

/** Keystone first, then the habit with fewer blocks this week, then by id so the order never depends on the input's. */
function fairOrder(requests: readonly FlexRequest[]): FlexRequest[] {
  const count = (r: FlexRequest) => (Number.isFinite(r.placementsThisWeek) ? r.placementsThisWeek : 0);
  return [...requests].sort(
    (a, b) => Number(b.keystone) - Number(a.keystone) || count(a) - count(b) || (a.habitId < b.habitId ? -1 : a.habitId > b.habitId ? 1 : 0),
  );
}
