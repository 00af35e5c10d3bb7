import type { Schedule } from './schedule';
import type { AllDay, Busy } from './slot-finder';

/** Which calendar holds the cues. "local" needs no account and is the default. */
export type CalendarKind = 'local' | 'google' | 'outlook';

/** The calendars that live on a server and need an account. */
export type RemoteKind = Exclude<CalendarKind, 'local'>;

/** How each remote calendar is named to the person. */
export const CALENDAR_NAMES: Record<RemoteKind, string> = { google: 'Google Calendar', outlook: 'Outlook' };

/**
 * Why a calendar write failed, in the terms the person is told: could not reach it (offline, dropped, timed out),
 * it asked Cueboard to slow down (rate limit), it had a problem of its own (5xx), it wants a new sign-in, it refused
 * permission, or it answered something Cueboard did not expect.
 */
export type CalendarErrorKind = 'offline' | 'busy' | 'server' | 'signin' | 'forbidden' | 'unexpected';

/** A habit whose calendar series must be brought to the wanted state, waiting in the persistent outbox. */
export interface OutboxEntry {
  /** `${provider}|${habitId}`: one entry per habit and provider, so repeated edits coalesce into one sync. */
  id: string;
  provider: Exclude<CalendarKind, 'local'>;
  habitId: string;
  queuedAt: number;
  attempts: number;
  /** Not before this instant (epoch ms): backoff after a failure, or later when the calendar asked to wait. */
  nextAttemptAt: number;
  /** The last failure's raw detail, for a "Details" line; never the headline the person reads. */
  lastError?: string;
  /** The last failure's kind, which picks the sentence the person reads. */
  lastErrorKind?: CalendarErrorKind;
  /**
   * "remove": delete every series of this habit from the calendar (the person disconnected and asked to remove
   * Cueboard's events). Absent: bring the series to the habit's wanted state.
   */
  action?: 'remove';
}

/** A recurring event Cueboard wrote, as far as this machine knows. */
export interface SeriesRecord {
  /** `${provider}|${eventId}`. */
  id: string;
  provider: Exclude<CalendarKind, 'local'>;
  habitId: string;
  eventId: string;
  /** The habit's scheduleSince this series was made for. */
  since: number;
  /** Set once the series has been ended (schedule change or archive). */
  until?: number;
  /**
   * "pending" while a create is in flight (written ahead, so a crash is followed by a look-up, not a second
   * create); "missing" when the person deleted it in their calendar, and the habit offers a repair; "removed" when
   * Cueboard deleted it because the person disconnected and asked to remove its events (connecting again writes the
   * current series afresh).
   */
  state: 'pending' | 'active' | 'ended' | 'missing' | 'removed';
  /** Fingerprint of the body last written, so an unchanged habit costs no request. */
  bodyHash: string;
  /** The recurrence as written (without an end), so ending the series needs no read first. */
  recurrence: string[];
  /** The schedule the series was written with (Outlook ends a series by local date, so it must know the days). */
  schedule?: Schedule;
  /** How often the person repaired this series; each repair creates it afresh under a new transactionId. */
  repairs?: number;
}

/** The last cue instances read from a calendar, for pages that must paint without the network. */
export interface CueSnapshot {
  provider: Exclude<CalendarKind, 'local'>;
  from: number;
  to: number;
  fetchedAt: number;
  cues: { habitId: string; at: number }[];
  /**
   * Read in the same poll only while a flexible habit exists (issue 12): the person's busy time (timed events that
   * are opaque, not cancelled, not declined, not Cueboard's), all-day events (titles only while skip words are on),
   * and Cueboard's own instances with what it takes to move one.
   */
  busy?: Busy[];
  allDay?: AllDay[];
  instances?: CalendarInstance[];
}

/** One instance of a habit's series as the calendar holds it, with what it takes to move that instance alone. */
export interface CalendarInstance {
  habitId: string;
  /** Where it starts and ends now, epoch ms. */
  at: number;
  end: number;
  /** Where the series puts it (Google's originalStartTime, Graph's originalStart): `at` differs once it was moved. */
  originalAt: number;
  /** The provider's id for this one instance (Google "<eventId>_<start>", a Graph occurrence id). */
  instanceId: string;
  /** Google's etag or Graph's changeKey, so a move never overwrites one the person made meanwhile. */
  version?: string;
}

/** The outbox key of a habit's sync. */
export function outboxId(provider: OutboxEntry['provider'], habitId: string): string {
  return `${provider}|${habitId}`;
}

/** Exponential backoff with full jitter for outbox retries: 30 s, 1 min, 2 min … capped at 1 h. */
export function outboxDelayMs(attempts: number, random: number): number {
  const cap = Math.min(60 * 60_000, 30_000 * 2 ** Math.max(0, attempts - 1));
  return Math.round(cap / 2 + (cap / 2) * random);
}
