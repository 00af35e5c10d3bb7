import { CALENDAR_NAMES, type CalendarErrorKind, type CalendarKind, type RemoteKind } from '@/src/core/calendar-sync';
import type { CalendarStore } from '@/src/ports/calendar-store';
import type { Repository } from '@/src/ports/repository';

/** What the options page says about the calendar. */
export interface CalendarStatus {
  calendar: CalendarKind;
  connected: boolean;
  needsReconnect: boolean;
  /** Habits whose changes still wait to be written. */
  pending: number;
  /** The raw detail of the last failed try, for the "Details" line only. */
  lastError?: string;
  /** What kind of failure that was: it picks the sentence the person reads. */
  lastErrorKind?: CalendarErrorKind;
  /** Habits whose series the person deleted in their calendar; each offers a repair. */
  missing: string[];
  /** Cue events still to be removed from a calendar the person disconnected with "remove" (its sign-in is kept until then). */
  removing?: Removing;
}

/** What is left of a "disconnect and remove". */
export interface Removing {
  calendar: RemoteKind;
  /** Habits whose series are still in that calendar. */
  left: number;
  lastError?: string;
  lastErrorKind?: CalendarErrorKind;
}

const REMOTE_KINDS: readonly RemoteKind[] = ['google', 'outlook'];

/** The first calendar with removals waiting, if any. */
async function removingFrom(store: CalendarStore): Promise<Removing | undefined> {
  for (const calendar of REMOTE_KINDS) {
    const removals = (await store.outbox(calendar)).filter((e) => e.action === 'remove');
    if (removals.length === 0) continue;
    const failed = removals.find((e) => e.lastError);
    return {
      calendar,
      left: removals.length,
      ...(failed?.lastError ? { lastError: failed.lastError, lastErrorKind: failed.lastErrorKind ?? 'unexpected' } : {}),
    };
  }
  return undefined;
}

/** Read the calendar's state from this machine's records (no network). */
export async function calendarStatus(repo: Repository, store: CalendarStore): Promise<CalendarStatus> {
  const { calendar } = await repo.settings();
  const removing = await removingFrom(store);
  const also = removing ? { removing } : {};
  if (calendar === 'local') return { calendar, connected: false, needsReconnect: false, pending: 0, missing: [], ...also };
  const [auth, queued, series] = await Promise.all([store.auth(calendar), store.outbox(calendar), store.allSeries(calendar)]);
  const outbox = queued.filter((e) => e.action !== 'remove');
  const failed = outbox.find((e) => e.lastError);
  return {
    ...also,
    calendar,
    connected: auth !== undefined,
    needsReconnect: auth?.needsReconnect === true || auth === undefined,
    pending: outbox.length,
    ...(failed?.lastError ? { lastError: failed.lastError, lastErrorKind: failed.lastErrorKind ?? 'unexpected' } : {}),
    missing: [...new Set(series.filter((s) => s.state === 'missing').map((s) => s.habitId))],
  };
}

/** The card's words: a headline, what went wrong (if anything) in a plain sentence, and the raw detail apart. */
export interface CalendarWords {
  state: string;
  problem?: string;
  details?: string;
  missing?: string;
}

/** "1 change", "3 changes". */
export function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** What a failure of each kind means, in words a person can act on; never the server's own text. */
export function problemSentence(kind: CalendarErrorKind, calendar: RemoteKind): string {
  const name = CALENDAR_NAMES[calendar];
  switch (kind) {
    case 'offline':
      return `Cueboard could not reach ${name}: this computer may be offline, or the connection dropped. It will try again.`;
    case 'busy':
      return `${name} is busy and asked Cueboard to wait a little. It will try again.`;
    case 'server':
      return `${name} had a problem on its side. Cueboard will try again.`;
    case 'signin':
      return `${name} needs you to sign in again.`;
    case 'forbidden':
      return `${name} refused the change: Cueboard does not have permission. Disconnect and connect again to grant it.`;
    case 'unexpected':
      return `${name} answered in a way Cueboard did not expect. It will try again.`;
  }
}

/** "1 habit’s cue is missing … repair it below." with the plural right. */
export function missingSentence(n: number, calendar: RemoteKind): string {
  const name = CALENDAR_NAMES[calendar];
  return n === 1 ? `1 habit’s cue is missing from ${name} — repair it below.` : `${n} habits’ cues are missing from ${name} — repair them below.`;
}

/**
 * The card's words for a connected calendar. "Everything is written." only when nothing waits and nothing is
 * missing; a failure is told by its kind, with the server's own text kept for the "Details" line.
 */
export function calendarWords(status: CalendarStatus): CalendarWords {
  const kind = status.calendar;
  if (kind === 'local') return { state: 'Cues live in Cueboard’s own calendar on this machine. No account needed.' };
  const name = CALENDAR_NAMES[kind];
  const missing = status.missing.length > 0 ? { missing: missingSentence(status.missing.length, kind) } : {};
  if (status.needsReconnect) {
    return { state: `${name} asks you to sign in again. Nothing is lost: changes wait here until you reconnect.`, ...missing };
  }
  const waiting =
    status.pending > 0
      ? `${count(status.pending, 'change is', 'changes are')} waiting to be written.`
      : status.missing.length === 0
        ? 'Everything is written.'
        : '';
  const failed = status.pending > 0 && status.lastError !== undefined;
  return {
    state: `Cues are recurring events in your ${name}.${waiting ? ` ${waiting}` : ''}`,
    ...(failed ? { problem: problemSentence(status.lastErrorKind ?? 'unexpected', kind), details: status.lastError } : {}),
    ...missing,
  };
}

/**
 * The words for a "disconnect and remove" that is not finished: how many habits' events are left, why (by kind),
 * the raw detail apart. The person can try again or leave them.
 */
export function removalWords(removing: Removing): CalendarWords {
  const name = CALENDAR_NAMES[removing.calendar];
  const state = `The cue events of ${count(removing.left, 'habit', 'habits')} are still in your ${name}. Cueboard keeps trying to remove them, and forgets the sign-in once they are gone.`;
  if (removing.lastError === undefined) return { state };
  const kind = removing.lastErrorKind ?? 'unexpected';
  const problem =
    kind === 'signin' ? `${name} needs you to sign in again to remove them: press “Try removing again”.` : problemSentence(kind, removing.calendar);
  return { state, problem, details: removing.lastError };
}
