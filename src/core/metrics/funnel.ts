import type { CueEvent } from '../cue-event';
import type { DayValue } from './daily-values';

/** The cue funnel over a window: where "a meeting ate my slot" and "I skipped it" part ways. */
export interface Funnel {
  scheduled: number;
  fired: number;
  started: number;
  done: number;
  snoozed: number;
  skipped: number;
  /** Past cues whose day has neither a check-off nor a skip. */
  missed: number;
}

/**
 * Count the funnel from the cue instances scheduled in the window (each with its local date) and the recorded cue
 * events. Instances the calendar moved still count once: events and schedule are joined by instant.
 */
export function cueFunnel(scheduled: readonly { at: number; localDate: string }[], events: readonly CueEvent[], days: ReadonlyMap<string, DayValue>): Funnel {
  const instants = new Set([...scheduled.map((s) => s.at), ...events.map((e) => e.cueAt)]);
  const missedDates = new Set(scheduled.filter((s) => !(days.get(s.localDate)?.done ?? 0) && !days.get(s.localDate)?.skipped).map((s) => s.localDate));
  return {
    scheduled: instants.size,
    fired: events.filter((e) => e.firedAt !== undefined).length,
    started: events.filter((e) => e.startedAt !== undefined).length,
    done: events.filter((e) => e.doneAt !== undefined).length,
    snoozed: events.filter((e) => (e.snoozeCount ?? 0) > 0).length,
    skipped: events.filter((e) => e.skippedAt !== undefined).length,
    missed: missedDates.size,
  };
}
