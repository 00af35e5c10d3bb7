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
}
