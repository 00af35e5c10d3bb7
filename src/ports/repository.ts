import type { CheckIn } from '@/src/core/check-in';
import type { CueEvent } from '@/src/core/cue-event';
import type { Habit } from '@/src/core/habit';
import type { Outcome } from '@/src/core/outcome';
import type { Settings } from '@/src/core/settings';

/** Where Cueboard keeps its records. The IndexedDB adapter is the real one; tests use it on fake-indexeddb. */
export interface Repository {
  habits(): Promise<Habit[]>;
  habit(id: string): Promise<Habit | undefined>;
  /** Writes every habit given in one transaction (a keystone change touches two). */
  putHabits(habits: readonly Habit[]): Promise<void>;

  outcomes(): Promise<Outcome[]>;
  putOutcome(outcome: Outcome): Promise<void>;

  /** Check-ins of one habit whose local date lies in [fromDate, toDate], read through the [habitId, localDate] index. */
  checkIns(habitId: string, fromDate: string, toDate: string): Promise<CheckIn[]>;
  /** Adds a check-in and, in the same transaction, stores the cue event it answers. */
  addCheckIn(checkIn: CheckIn, cueEvent?: CueEvent): Promise<void>;
  /** Removes a check-in and, in the same transaction, stores the reopened cue event. Returns what was removed. */
  removeCheckIn(id: string, reopen?: (event: CueEvent) => CueEvent): Promise<CheckIn | undefined>;

  cueEvent(id: string): Promise<CueEvent | undefined>;
  putCueEvent(event: CueEvent): Promise<void>;
  /** Cue events with a snooze still to come back after `now`. */
  pendingSnoozes(now: number): Promise<CueEvent[]>;

  settings(): Promise<Settings>;
  putSettings(settings: Settings): Promise<void>;
}
