import type { BackupState } from '@/src/core/data/backups';
import type { CheckIn } from '@/src/core/check-in';
import type { CueEvent } from '@/src/core/cue-event';
import type { Habit } from '@/src/core/habit';
import type { Outcome } from '@/src/core/outcome';
import type { Settings } from '@/src/core/settings';
import type { HabitStats } from '@/src/core/metrics/habit-metrics';
import type { OutcomeValue } from '@/src/core/metrics/outcome-trend';

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
  /**
   * Adds a check-in. With `answer`, the check-in answers a cue: in the same transaction the stored cue event is read
   * and passed to `answer`; if it returns undefined (the cue was answered already) nothing is written and the result
   * is false. Pages and the worker may race; the transaction makes one answer win.
   */
  addCheckIn(checkIn: CheckIn, answer?: (stored: CueEvent | undefined) => CueEvent | undefined): Promise<boolean>;
  /** Removes a check-in and, in the same transaction, stores the reopened cue event. Returns what was removed. */
  removeCheckIn(id: string, reopen?: (event: CueEvent) => CueEvent): Promise<CheckIn | undefined>;

  cueEvent(id: string): Promise<CueEvent | undefined>;
  /** Read, change and write one cue event in a single transaction (a snooze firing never undoes a Done). */
  updateCueEvent(id: string, change: (stored: CueEvent | undefined) => CueEvent): Promise<CueEvent>;
  /** Cue events with a snooze still to come back after `now`. */
  pendingSnoozes(now: number): Promise<CueEvent[]>;

  settings(): Promise<Settings>;
  /** What Cueboard remembers of the weekly backups (read by the popup to say when one is overdue). */
  backups(): Promise<BackupState | undefined>;
  /**
   * Read, change and write the settings in one transaction. The options page and the worker both change settings
   * (the form's fields, the calendar in use); each must build on the other's write, never on a copy read earlier.
   * `change` must be synchronous (a transaction ends at the first await that is not its own).
   */
  updateSettings(change: (stored: Settings) => Settings): Promise<Settings>;

  /** Cue events of one habit with cueAt in [fromMs, toMs), through the [habitId, cueAt] index. */
  cueEvents(habitId: string, fromMs: number, toMs: number): Promise<CueEvent[]>;

  /** Where the last sweep for cues that passed unseen stopped (epoch ms); undefined before the first. */
  cuesSeenUntil(): Promise<number | undefined>;
  putCuesSeenUntil(at: number): Promise<void>;

  /** The dashboard's carried-forward strength and streak; dropped whenever an older check-in changes. */
  habitStats(habitId: string): Promise<HabitStats | undefined>;
  /** Store new stats only if the stored stamp is still `readStamp` (0 when none was read); returns whether it did. */
  putHabitStats(stats: HabitStats, readStamp: number): Promise<boolean>;

  /** The latest `limit` values of an outcome, newest first. */
  outcomeValues(outcomeId: string, limit: number): Promise<OutcomeValue[]>;
  addOutcomeValue(value: OutcomeValue): Promise<void>;

  /** Trap questions put away: question id → dismissed until (epoch ms); empty when none. */
  trapDismissals(): Promise<Record<string, number>>;
  /** Read, change and write the trap dismissals in one transaction (two pages answering at once both land). */
  updateTrapDismissals(change: (stored: Record<string, number>) => Record<string, number>): Promise<Record<string, number>>;
}
