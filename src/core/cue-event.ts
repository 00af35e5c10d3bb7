/**
 * The life of one cue instance: scheduled → fired → started → done, or snoozed / skipped on the way.
 * Kept per instance so the funnel can tell "a meeting ate my slot" from "I skipped it".
 */
export interface CueEvent {
  /** `${habitId}|${cueAt}`: one record per instance, so repeating a step never adds a second one. */
  id: string;
  habitId: string;
  /** The scheduled instant, epoch milliseconds. */
  cueAt: number;
  firedAt?: number;
  /** True when it fired after the period's target was already met, so no prompt was shown. */
  quiet?: boolean;
  startedAt?: number;
  /** When a snoozed cue comes back; absent once it has. */
  snoozedUntil?: number;
  snoozeCount?: number;
  skippedAt?: number;
  doneAt?: number;
  /**
   * When Cueboard noticed that the instance had passed with no alarm firing (the browser was closed, the machine
   * asleep). Such an instance never fired; it is still an instance the calendar held, so the funnel counts it.
   */
  unseenAt?: number;
  /** How late the cue was when it fired or was noticed, in ms; set only past LATE_CUE_MS (see missed-cues.ts). */
  lateMs?: number;
  /** A flexible habit's block Cueboard moved off its ideal time because the calendar was busy there (epoch ms). */
  displacedFrom?: number;
  /** A flexible habit's block that found no place today: why, in words, and which reason. It does not fire. */
  unplaced?: { reason: string; why: 'no-free-time' | 'day-off' | 'cap' | 'passed' };
}

/** The stable id of a cue instance. */
export function cueEventId(habitId: string, cueAt: number): string {
  return `${habitId}|${cueAt}`;
}

/** A fresh record for an instance, or the stored one. */
export function cueEventFor(existing: CueEvent | undefined, habitId: string, cueAt: number): CueEvent {
  return existing ?? { id: cueEventId(habitId, cueAt), habitId, cueAt };
}

/** Record the first firing only: a re-delivered alarm keeps the original time. */
export function markFired(event: CueEvent, now: number, quiet: boolean): CueEvent {
  return event.firedAt !== undefined ? event : { ...event, firedAt: now, ...(quiet ? { quiet: true } : {}) };
}

export function markStarted(event: CueEvent, now: number): CueEvent {
  return event.startedAt !== undefined ? event : { ...event, startedAt: now };
}

/** Snoozing again replaces the return time; the count keeps the history. */
export function markSnoozed(event: CueEvent, until: number): CueEvent {
  return { ...event, snoozedUntil: until, snoozeCount: (event.snoozeCount ?? 0) + 1 };
}

/** A snooze has come back (or the cue was answered): nothing is pending any more. */
export function clearSnooze(event: CueEvent): CueEvent {
  const { snoozedUntil: _dropped, ...rest } = event;
  return rest;
}

export function markSkipped(event: CueEvent, now: number): CueEvent {
  return clearSnooze({ ...event, skippedAt: event.skippedAt ?? now });
}

export function markDone(event: CueEvent, now: number): CueEvent {
  return clearSnooze({ ...event, doneAt: event.doneAt ?? now });
}

/** Whether the person answered this instance (done or skipped). */
export function isAnswered(event: CueEvent): boolean {
  return event.doneAt !== undefined || event.skippedAt !== undefined;
}

/** The instance passed while nothing was watching: record that, once, unless it fired or was answered already. */
export function markPassedUnseen(event: CueEvent, now: number): CueEvent {
  if (event.firedAt !== undefined || event.unseenAt !== undefined || isAnswered(event)) return event;
  return { ...event, unseenAt: now, lateMs: Math.max(0, now - event.cueAt) };
}

/** The alarm came, but late (a wake from sleep, a browser start): recorded as fired, quietly, with how late. */
export function markFiredLate(event: CueEvent, now: number): CueEvent {
  if (event.firedAt !== undefined) return event;
  return { ...event, firedAt: now, quiet: true, lateMs: event.lateMs ?? Math.max(0, now - event.cueAt) };
}

/** Undoing a check-off (done or skipped) reopens its cue. */
export function reopenCue(event: CueEvent): CueEvent {
  const { doneAt: _done, skippedAt: _skipped, ...rest } = event;
  return rest;
}
