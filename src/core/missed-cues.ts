import { isAnswered, type CueEvent } from './cue-event';
import { cueAlarmName, type CueInstance } from './cue-plan';
import { formatWallTime } from './local-time';

/**
 * A cue this recent may still have its alarm on the way (delivered, handler queued): the sweep leaves it alone.
 * At browser start-up there is nothing on the way, so the sweep there takes everything up to now.
 */
export const SWEEP_GRACE_MS = 60_000;

/**
 * A cue alarm delivered later than this fired while the person was away (a wake from sleep, a browser start):
 * it joins the one summary instead of prompting on its own, so a wake never brings a burst of prompts.
 */
export const LATE_CUE_MS = 2 * 60_000;

/** Missed cues older than this are recorded but not prompted: yesterday's two-minute start is noise today. */
export const PROMPT_WINDOW_MS = 24 * 60 * 60_000;

/** The longest stretch one sweep looks back over (a browser closed for a month records a month, not a year). */
export const SWEEP_LOOKBACK_MS = 31 * 24 * 60 * 60_000;

/**
 * The window of passed instants to look at: from where the last sweep stopped to `now` less the grace. A first
 * sweep (nothing stored yet: a new install or an update from a version that did not sweep) records nothing.
 */
export function sweepWindow(seenUntil: number | undefined, now: number, graceMs = SWEEP_GRACE_MS): { from: number; to: number } {
  const to = now - graceMs;
  return { from: Math.min(to, Math.max(seenUntil ?? to, now - SWEEP_LOOKBACK_MS)), to };
}

/**
 * Of the instances the calendar held in the swept window, those no alarm is still holding (a held one is about to
 * fire, and its handler decides) and that have no record of firing, passing or being answered.
 */
export function passedUnseen(cues: readonly CueInstance[], recorded: ReadonlyMap<string, CueEvent>, heldAlarms: ReadonlySet<string>): CueInstance[] {
  return cues.filter((cue) => {
    if (heldAlarms.has(cueAlarmName(cue.habitId, cue.at))) return false;
    const event = recorded.get(`${cue.habitId}|${cue.at}`);
    return !event || (event.firedAt === undefined && event.unseenAt === undefined && !isAnswered(event));
  });
}

/** Where the next sweep starts: at the earliest instance still held by an alarm, so a dropped alarm is caught. */
export function nextSeenUntil(window: { to: number }, cues: readonly CueInstance[], heldAlarms: ReadonlySet<string>): number {
  const held = cues.filter((c) => heldAlarms.has(cueAlarmName(c.habitId, c.at))).map((c) => c.at);
  return Math.min(window.to, ...held);
}

/** An instance that passed unseen or fired late, still unanswered, and recent enough to ask about. */
export function awaitsLogging(event: CueEvent, now: number): boolean {
  return (event.unseenAt !== undefined || event.lateMs !== undefined) && !isAnswered(event) && now - event.cueAt <= PROMPT_WINDOW_MS;
}

/** The one summary notification for cues that passed while the person was away. */
export function missedSummaryText(missed: readonly { name: string; cueAt: number }[], zone: string): { title: string; message: string } {
  const n = missed.length;
  const sorted = [...missed].sort((a, b) => a.cueAt - b.cueAt);
  const listed = sorted.slice(0, 3).map((m) => `${m.name} at ${formatWallTime(m.cueAt, zone)}`);
  const more = n > 3 ? `, and ${n - 3} more` : '';
  return {
    title: `${n} ${n === 1 ? 'cue' : 'cues'} passed while you were away — log ${n === 1 ? 'it' : 'them'}?`,
    message: `${listed.join(', ')}${more}.`,
  };
}
