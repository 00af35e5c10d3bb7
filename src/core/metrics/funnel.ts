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
  /** Flexible blocks Cueboard moved because a meeting took their time (absent when none). */
  displaced?: number;
  /** Flexible blocks that found no free time, so never fired: not skips, not misses (absent when none). */
  noFreeTime?: number;
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
    ...counted('displaced', events.filter((e) => e.displacedFrom !== undefined).length),
    ...counted('noFreeTime', events.filter((e) => e.unplaced !== undefined).length),
  };
}

/** A count worth a word only for flexible habits: present when above zero. */
function counted<K extends string>(key: K, n: number): Partial<Record<K, number>> {
  return n > 0 ? ({ [key]: n } as Record<K, number>) : {};
}
