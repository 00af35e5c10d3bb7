import type { BackupState } from '@/src/core/data/backups';
import type { ExportData } from '@/src/core/data/export-document';
import type { ImportPlan } from '@/src/core/data/import-plan';

/** Everything the person owns, read at once for an export and written at once by an import. */
export interface DataStore {
  /** The database schema it writes, stamped on exports. */
  readonly schemaVersion: number;
  /** Every record, the settings and the focus preferences, read in one transaction (a consistent picture). */
  readAll(): Promise<ExportData>;
  /**
   * Write an import plan in one transaction: all of it or, on any failure, none of it. Replace clears the stores
   * first. The dashboard's carried-forward stats are dropped in the same transaction and rebuilt on the next load.
   */
  apply(plan: ImportPlan): Promise<void>;
  /** What Cueboard remembers of the weekly backups it saved. */
  backups(): Promise<BackupState | undefined>;
  /** Read, change and write that record in one transaction. */
  updateBackups(change: (stored: BackupState | undefined) => BackupState): Promise<BackupState>;
}
