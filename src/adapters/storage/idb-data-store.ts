import type { BackupState } from '@/src/core/data/backups';
import { RECORD_STORES, type ExportData } from '@/src/core/data/export-document';
import type { ImportPlan } from '@/src/core/data/import-plan';
import { DEFAULT_FOCUS_PREFS } from '@/src/core/focus-sites';
import { DEFAULT_SETTINGS } from '@/src/core/settings';
import type { DataStore } from '@/src/ports/data-store';
import { handleOf, type DbHandle, type DbSource } from './db-handle';
import { DB_VERSION, type MetaValues } from './schema';

const SETTINGS_KEY = 'settings';
const WRITTEN = [...RECORD_STORES, 'habitStats', 'settings', 'meta'] as const;
/** Requests queued per slice of an import: a few milliseconds of structured cloning each. */
const WRITE_SLICE = 250;

/** Export and import over Cueboard's database: one transaction each way. */
export class IdbDataStore implements DataStore {
  readonly schemaVersion = DB_VERSION;
  private readonly db: DbHandle['db'];

  constructor(source: DbSource) {
    const handle = handleOf(source);
    this.db = () => handle.db();
  }

  async readAll(): Promise<ExportData> {
    const tx = (await this.db()).transaction([...RECORD_STORES, 'settings', 'meta'], 'readonly');
    const [records, settings, prefs] = await Promise.all([
      Promise.all(RECORD_STORES.map((store) => readSliced(tx.objectStore(store)))),
      tx.objectStore('settings').get(SETTINGS_KEY),
      tx.objectStore('meta').get('focusPrefs') as Promise<MetaValues['focusPrefs'] | undefined>,
      tx.done,
    ]);
    return {
      ...(Object.fromEntries(RECORD_STORES.map((store, i) => [store, records[i]])) as Omit<ExportData, 'settings' | 'focusPrefs'>),
      settings: { ...DEFAULT_SETTINGS, ...settings },
      focusPrefs: { ...DEFAULT_FOCUS_PREFS, ...prefs },
    };
  }

  async apply(plan: ImportPlan): Promise<void> {
    const tx = (await this.db()).transaction(WRITTEN, 'readwrite');
    // Every request lands in this one transaction: a request IndexedDB refuses, at once (a record without its key
    // throws synchronously) or later (a constraint), aborts it, so nothing of the import stays. Requests go in slices,
    // each queued when the previous slice's last request succeeded: the transaction stays active (a new request is
    // placed from a success callback) while the page gets the main thread back between slices (no long task, even
    // for tens of thousands of records).
    const requests: Promise<unknown>[] = [tx.done];
    const writes: (() => Promise<unknown>)[] = [];
    for (const store of RECORD_STORES) {
      const target = tx.objectStore(store);
      if (plan.mode === 'replace') writes.push(() => target.clear());
      for (const record of plan.put[store]) writes.push(() => (target.put as (value: unknown) => Promise<unknown>)(record));
    }
    // Strength and streaks are carried forward from check-ins: rebuilt from the new history on the next load.
    writes.push(() => tx.objectStore('habitStats').clear());
    writes.push(() => tx.objectStore('settings').put(plan.settings, SETTINGS_KEY));
    writes.push(() => tx.objectStore('meta').put(plan.focusPrefs, 'focusPrefs'));
    try {
      for (let i = 0; i < writes.length; i += WRITE_SLICE) {
        for (const write of writes.slice(i, i + WRITE_SLICE)) requests.push(write());
        await requests.at(-1);
      }
    } catch (error) {
      // Without this abort the requests queued so far would commit: half an import.
      for (const request of requests) request.catch(() => undefined);
      try {
        tx.abort();
      } catch {
        // Already aborted by the failed request.
      }
      throw error;
    }
    await Promise.all(requests);
  }

  async backups(): Promise<BackupState | undefined> {
    return (await (await this.db()).get('meta', 'backups')) as MetaValues['backups'] | undefined;
  }

  async updateBackups(change: (stored: BackupState | undefined) => BackupState): Promise<BackupState> {
    const tx = (await this.db()).transaction('meta', 'readwrite');
    const next = change((await tx.store.get('backups')) as MetaValues['backups'] | undefined);
    await Promise.all([tx.store.put(next, 'backups'), tx.done]);
    return next;
  }
}

/** Records read per request: a few milliseconds of the page's time to turn into objects. */
const READ_SLICE = 2_000;

/**
 * Every record of a store, in key order, a slice per request: one getAll of tens of thousands would hand the page
 * one long task. Each next slice is asked for from the previous one's success, so the transaction stays active.
 */
async function readSliced<T>(store: {
  getAll(query?: IDBKeyRange | null, count?: number): Promise<T[]>;
  getAllKeys(query?: IDBKeyRange | null, count?: number): Promise<IDBValidKey[]>;
}): Promise<T[]> {
  const all: T[] = [];
  let after: IDBValidKey | undefined;
  for (;;) {
    const range = after === undefined ? null : IDBKeyRange.lowerBound(after, true);
    const [slice, keys] = await Promise.all([store.getAll(range, READ_SLICE), store.getAllKeys(range, READ_SLICE)]);
    all.push(...slice);
    if (slice.length < READ_SLICE) return all;
    after = keys.at(-1);
  }
}
