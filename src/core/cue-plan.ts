import type { CueEvent } from './cue-event';

/** One cue instance as a calendar provider holds it. */
export interface CueInstance {
  habitId: string;
  /** When it fires, epoch milliseconds. */
  at: number;
}

/** An alarm the browser should hold. */
export interface WantedAlarm {
  name: string;
  /** Epoch milliseconds. */
  when: number;
}

/** An alarm as the browser reports it. */
export interface ExistingAlarm {
  name: string;
  scheduledTime: number;
  periodInMinutes?: number;
}

/** How far ahead alarms are kept: long enough to survive a day with the browser closed. */
export const ALARM_HORIZON_MS = 48 * 60 * 60 * 1000;

/** Cues are read from a day back: the same read refreshes the snapshot pages use to show today's cues. */
export const CUE_LOOKBACK_MS = 24 * 60 * 60 * 1000;

const CUE = 'cue';
const SNOOZE = 'snooze';

/** What an alarm name says: a scheduled cue, or a snoozed one coming back. */
export interface ParsedAlarm {
  kind: 'cue' | 'snooze';
  habitId: string;
  cueAt: number;
}

/** The alarm name of a cue instance. The instant is in the name, so the name alone identifies it. */
export function cueAlarmName(habitId: string, cueAt: number): string {
  return `${CUE}|${habitId}|${cueAt}`;
}

/** The alarm name of a snoozed cue. */
export function snoozeAlarmName(habitId: string, cueAt: number): string {
  return `${SNOOZE}|${habitId}|${cueAt}`;
}

/** Read an alarm name back; undefined for alarms Cueboard's cues do not own. */
export function parseAlarmName(name: string): ParsedAlarm | undefined {
  const [kind, habitId, at, ...rest] = name.split('|');
  if (rest.length > 0 || (kind !== CUE && kind !== SNOOZE) || !habitId || !at || !/^\d+$/.test(at)) return undefined;
  return { kind, habitId, cueAt: Number(at) };
}

/**
 * The alarms that should exist at `now`: every cue instance in (now, now + horizon], plus each pending snooze.
 * Instances already answered (done or skipped) still get their alarm: firing decides quietly whether to prompt.
 */
export function wantedAlarms(cues: readonly CueInstance[], events: readonly CueEvent[], now: number): WantedAlarm[] {
  const wanted = new Map<string, WantedAlarm>();
  for (const cue of cues) {
    if (cue.at > now && cue.at <= now + ALARM_HORIZON_MS) {
      const name = cueAlarmName(cue.habitId, cue.at);
      wanted.set(name, { name, when: cue.at });
    }
  }
  for (const event of events) {
    if (event.snoozedUntil !== undefined && event.snoozedUntil > now) {
      const name = snoozeAlarmName(event.habitId, event.cueAt);
      wanted.set(name, { name, when: event.snoozedUntil });
    }
  }
  return [...wanted.values()].sort((a, b) => a.when - b.when || a.name.localeCompare(b.name));
}

/** What to change so that the browser holds exactly the wanted cue alarms. */
export interface AlarmDiff {
  create: WantedAlarm[];
  clear: string[];
}

/** Alarms whose time drifted by more than this are recreated; Chrome may round a little. */
const DRIFT_MS = 60_000;

/**
 * Diff wanted against existing alarms. Only cue and snooze alarms are managed; any other alarm is left alone.
 * An alarm that is already due is never cleared: it is about to fire, and its handler decides.
 */
export function diffAlarms(wanted: readonly WantedAlarm[], existing: readonly ExistingAlarm[], now: number): AlarmDiff {
  const byName = new Map(existing.map((a) => [a.name, a]));
  const wantedNames = new Set(wanted.map((w) => w.name));
  const create = wanted.filter((w) => {
    const have = byName.get(w.name);
    return !have || Math.abs(have.scheduledTime - w.when) > DRIFT_MS;
  });
  const clear = existing
    .filter((a) => parseAlarmName(a.name) !== undefined && !wantedNames.has(a.name) && a.scheduledTime > now)
    .map((a) => a.name)
    .sort();
  return { create, clear };
}
