import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { CueboardDB } from './schema';

type UpgradeTx = IDBPTransaction<CueboardDB, StoreNames<CueboardDB>[], 'versionchange'>;

/**
 * The upgrade ladder: one rung per schema version, run in order from the stored version to today's.
 * Rungs only add; a rung that reshapes records must do it with IDB requests alone (no other awaits).
 */
export function upgrade(db: IDBPDatabase<CueboardDB>, oldVersion: number, _newVersion: number | null, tx: UpgradeTx): void {
  if (oldVersion < 1) {
    db.createObjectStore('outcomes', { keyPath: 'id' });
    db.createObjectStore('habits', { keyPath: 'id' });
    const checkIns = db.createObjectStore('checkIns', { keyPath: 'id' });
    checkIns.createIndex('byHabitDate', ['habitId', 'localDate']);
  }
  if (oldVersion < 2) {
    tx.objectStore('checkIns').createIndex('byDate', 'localDate');
    const cueEvents = db.createObjectStore('cueEvents', { keyPath: 'id' });
    cueEvents.createIndex('bySnoozedUntil', 'snoozedUntil');
    cueEvents.createIndex('byHabitCue', ['habitId', 'cueAt']);
    db.createObjectStore('settings');
  }
  if (oldVersion < 3) {
    db.createObjectStore('outbox', { keyPath: 'id' });
    db.createObjectStore('series', { keyPath: 'id' }).createIndex('byHabit', ['provider', 'habitId']);
    db.createObjectStore('cueSnapshots', { keyPath: 'provider' });
    db.createObjectStore('auth', { keyPath: 'provider' });
    // Habits gained scheduleSince: the current schedule has applied since the habit was made.
    const habits = tx.objectStore('habits');
    void habits.openCursor().then(function backfill(cursor): Promise<void> | undefined {
      if (!cursor) return undefined;
      if (cursor.value.scheduleSince === undefined) void cursor.update({ ...cursor.value, scheduleSince: cursor.value.createdAt });
      return cursor.continue().then(backfill);
    });
  }
  if (oldVersion < 4) {
    db.createObjectStore('habitStats', { keyPath: 'habitId' });
    db.createObjectStore('outcomeValues', { keyPath: 'id' }).createIndex('byOutcomeDate', ['outcomeId', 'localDate']);
  }
  if (oldVersion < 5) {
    // Empty on purpose: with no mark, the first sweep for passed cues starts now and never reports old history.
    db.createObjectStore('meta');
  }
  if (oldVersion < 6) {
    db.createObjectStore('experiments', { keyPath: 'id' });
    db.createObjectStore('coachingSessions', { keyPath: 'id' });
    db.createObjectStore('measures', { keyPath: 'id' }).createIndex('byExperimentDate', ['experimentId', 'localDate']);
  }
  if (oldVersion < 7) {
    db.createObjectStore('focusSessions', { keyPath: 'id' }).createIndex('byEnded', 'endedAt');
    // Version 6 as first released had no coachingSessions: the store joined version 6's rung later, without a version
    // of its own, so a database made then skipped it. Such a database gets it here.
    if (!db.objectStoreNames.contains('coachingSessions')) db.createObjectStore('coachingSessions', { keyPath: 'id' });
  }
}
