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
      Promise.all(RECORD_STORES.map((store) => tx.objectStore(store).getAll())),
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
    // Requests are queued without awaiting each one (thousands of puts in one transaction). A request IndexedDB
    // refuses at once (a record without its key throws synchronously) or later (a constraint) aborts the whole
    // transaction, so nothing of the import stays.
    const requests: Promise<unknown>[] = [tx.done];
    try {
      for (const store of RECORD_STORES) {
        const target = tx.objectStore(store);
        if (plan.mode === 'replace') requests.push(target.clear());
        for (const record of plan.put[store]) requests.push((target.put as (value: unknown) => Promise<unknown>)(record));
      }
      // Strength and streaks are carried forward from check-ins: rebuilt from the new history on the next load.
      requests.push(tx.objectStore('habitStats').clear());
      requests.push(tx.objectStore('settings').put(plan.settings, SETTINGS_KEY));
      requests.push(tx.objectStore('meta').put(plan.focusPrefs, 'focusPrefs'));
    } catch (error) {
      // Without this abort the requests queued so far would commit: half an import.
      for (const request of requests) request.catch(() => undefined);
      tx.abort();
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
