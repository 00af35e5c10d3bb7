/**
 * A deep-work focus block, as a state machine over explicit instants (no clock here):
 *
 *   pending (the two-minute start: the work is open, the timer not yet) → running ⇄ paused → ended
 *
 * It ends when its time is up, when the person ends it early, or, paused and never resumed, abandoned. Time focused
 * counts running time only: pauses stop the countdown, one-minute passes to a held-back site do not, but neither
 * counts as focus. Every function returns a new session and is idempotent for an instant already applied.
 */

/** How long the timer waits after "Start in 2 minutes" (the two-minute rule: just open the document). */
export const START_DELAY_MS = 2 * 60_000;
/** A pause this long with no resume ends the block as abandoned, at the moment it was paused. */
export const ABANDON_AFTER_MS = 2 * 60 * 60_000;
/** "+15 min". */
export const EXTEND_MS = 15 * 60_000;
/** A pass lets one held-back site through for this long. */
export const PASS_MS = 60_000;
// The lengths a block may have live apart, so the forms that check them do not load the state machine.
export { FOCUS_MINUTES } from './focus-limits';

export type FocusState = 'pending' | 'running' | 'paused' | 'ended';
export type FocusEnd = 'time-up' | 'ended-early' | 'abandoned';

/** A one-minute pass to a held-back site: recorded with the session, never hidden. */
export interface FocusPass {
  host: string;
  at: number;
  until: number;
}

export interface FocusSession {
  id: string;
  habitId: string;
  /** The cue instance it answers, when it came from one. */
  cueAt?: number;
  intention: string;
  /** The planned length plus every "+15 min", in ms of focus. */
  budgetMs: number;
  createdAt: number;
  state: FocusState;
  /** When the timer starts (pending) or started. */
  startsAt: number;
  /** Running time banked before the current running stretch. */
  runMs: number;
  /** Start of the current running stretch (running only). */
  runningSince?: number;
  /** When the current pause began (paused only). */
  pausedAt?: number;
  /** Total time paused, for the record. */
  pausedMs: number;
  passes: FocusPass[];
  /** Focus cues of any habit that fired during the block: recorded, not prompted. */
  heldCues: { habitId: string; cueAt: number }[];
  endedAt?: number;
  end?: FocusEnd;
}

/** A focus block as stored: the session and, once it ended, its record and the person's rating. */
export interface FocusRecord extends FocusSession {
  /** The check-in that recorded its minutes (absent when no minute was focused). */
  checkInId?: string;
  /** Focus 1–5 and "What did you move forward?", once the person answered. */
  rating?: number;
  note?: string;
}

export interface FocusStart {
  id: string;
  habitId: string;
  cueAt?: number;
  intention: string;
  minutes: number;
  now: number;
  /** "Start in 2 minutes": the timer begins START_DELAY_MS from now unless begun sooner. */
  delayed?: boolean;
}

export function startFocus(start: FocusStart): FocusSession {
  const base = {
    id: start.id,
    habitId: start.habitId,
    ...(start.cueAt !== undefined ? { cueAt: start.cueAt } : {}),
    intention: start.intention.trim(),
    budgetMs: start.minutes * 60_000,
    createdAt: start.now,
    runMs: 0,
    pausedMs: 0,
    passes: [],
    heldCues: [],
  };
  return start.delayed
    ? { ...base, state: 'pending', startsAt: start.now + START_DELAY_MS }
    : { ...base, state: 'running', startsAt: start.now, runningSince: start.now };
}

/** Whether the block still holds the person's attention (not ended). */
export function isLive<T extends FocusSession>(session: T | undefined): session is T {
  return session !== undefined && session.state !== 'ended';
}

/** The instant a running block's time is up (pending: as if it began on time); undefined when paused or ended. */
export function endsAt(session: FocusSession): number | undefined {
  if (session.state === 'running') return session.runningSince! + session.budgetMs - session.runMs;
  if (session.state === 'pending') return session.startsAt + session.budgetMs;
  return undefined;
}

/** Running time up to `now` (capped at the budget). */
function ranMs(session: FocusSession, now: number): number {
  const stretch = session.state === 'running' ? Math.max(0, now - session.runningSince!) : 0;
  return Math.min(session.budgetMs, session.runMs + stretch);
}

/** Focus still to come, in ms, at `now`. */
export function remainingMs(session: FocusSession, now: number): number {
  if (session.state === 'ended') return 0;
  return session.budgetMs - ranMs(session, now);
}

/** Minutes left, rounded up, for the badge and the countdown ("1" until the very end). */
export function minutesLeft(session: FocusSession, now: number): number {
  return Math.ceil(remainingMs(session, now) / 60_000);
}

function ended(session: FocusSession, at: number, end: FocusEnd): FocusSession {
  const { runningSince: _r, pausedAt: _p, ...rest } = session;
  return { ...rest, state: 'ended', runMs: ranMs(session, at), endedAt: at, end };
}

/**
 * Bring a session up to `now`: a pending block whose start has come is running since its start; a running block
 * whose time is up ended then (even if that was hours ago, while the browser was closed); a pause left past
 * ABANDON_AFTER_MS is abandoned as of the pause. Applying it twice changes nothing.
 */
export function settle(session: FocusSession, now: number): FocusSession {
  let s = session;
  if (s.state === 'pending' && now >= s.startsAt) s = { ...s, state: 'running', runningSince: s.startsAt };
  if (s.state === 'running') {
    const end = endsAt(s)!;
    if (now >= end) return ended(s, end, 'time-up');
  }
  if (s.state === 'paused' && now - s.pausedAt! >= ABANDON_AFTER_MS) {
    return { ...ended(s, s.pausedAt!, 'abandoned'), pausedMs: s.pausedMs + ABANDON_AFTER_MS };
  }
  return s;
}

/** Begin a pending block now instead of in two minutes. */
export function beginNow(session: FocusSession, now: number): FocusSession {
  const s = settle(session, now);
  return s.state === 'pending' ? { ...s, state: 'running', startsAt: now, runningSince: now } : s;
}

export function pause(session: FocusSession, now: number): FocusSession {
  const s = settle(session, now);
  if (s.state !== 'running') return s;
  const { runningSince: _r, ...rest } = s;
  return { ...rest, state: 'paused', runMs: ranMs(s, now), pausedAt: now };
}

export function resume(session: FocusSession, now: number): FocusSession {
  const s = settle(session, now);
  if (s.state !== 'paused') return s;
  const { pausedAt, ...rest } = s;
  return { ...rest, state: 'running', runningSince: now, pausedMs: s.pausedMs + (now - pausedAt!) };
}

/** "+15 min": more focus still to come (a block that has ended stays ended). */
export function extend(session: FocusSession, now: number): FocusSession {
  const s = settle(session, now);
  return s.state === 'ended' ? s : { ...s, budgetMs: s.budgetMs + EXTEND_MS };
}

/** The person ends the block before its time: ended early (a block not yet begun counts no focus). */
export function endEarly(session: FocusSession, now: number): FocusSession {
  const s = settle(session, now);
  return s.state === 'ended' ? s : ended(s, now, 'ended-early');
}

/** A one-minute pass to a held-back site, from `now`. A pass already open for that site is kept, not doubled. */
export function addPass(session: FocusSession, host: string, now: number): FocusSession {
  const s = settle(session, now);
  if (s.state === 'ended' || s.passes.some((p) => p.host === host && p.until > now)) return s;
  return { ...s, passes: [...s.passes, { host, at: now, until: now + PASS_MS }] };
}

/** A focus cue that fired during the block: kept with it, once. */
export function holdCue(session: FocusSession, habitId: string, cueAt: number): FocusSession {
  if (session.heldCues.some((c) => c.habitId === habitId && c.cueAt === cueAt)) return session;
  return { ...session, heldCues: [...session.heldCues, { habitId, cueAt }] };
}

/** Time on passes that fell inside running stretches cannot be told apart after the fact; count every pass whole. */
function passMs(session: FocusSession, until: number): number {
  return session.passes.reduce((sum, p) => sum + Math.max(0, Math.min(p.until, until) - p.at), 0);
}

/** Minutes actually focused by `now` (pauses and passes excluded), whole minutes, never negative. */
export function focusedMinutes(session: FocusSession, now: number): number {
  const at = session.endedAt ?? now;
  return Math.max(0, Math.floor((ranMs(session, at) - passMs(session, at)) / 60_000));
}

/** Hosts let through at `now` by an open pass. */
export function passedHosts(session: FocusSession, now: number): string[] {
  return session.passes.filter((p) => p.at <= now && now < p.until).map((p) => p.host);
}

/** Whether sites are held back at `now`: only while the timer runs (a pause is a break; pending is the start). */
export function holdsSites(session: FocusSession | undefined, now: number): boolean {
  return session !== undefined && settle(session, now).state === 'running';
}

/**
 * When the worker must next look at the block: the start of a pending one, the end of a running one, the end of an
 * open pass (its site is held back again), the next minute the badge changes, or when a pause becomes abandoned.
 */
export function nextWake(session: FocusSession, now: number): number | undefined {
  const s = settle(session, now);
  if (s.state === 'ended') return undefined;
  if (s.state === 'paused') return s.pausedAt! + ABANDON_AFTER_MS;
  if (s.state === 'pending') return s.startsAt;
  const end = endsAt(s)!;
  const passEnds = s.passes.map((p) => p.until).filter((t) => t > now);
  // The badge shows whole minutes left, rounded up: it changes when the remainder crosses a minute.
  const nextMinute = now + (remainingMs(s, now) % 60_000 || 60_000);
  return Math.min(end, nextMinute, ...passEnds);
}
