// The optional weekly backup: an export of everything saved to the downloads folder, the newest four kept. Pure rules
// here; the worker runs them (src/app/backup.ts) and the popup says when one is overdue.

/** How often a backup is made while backups are on. */
export const BACKUP_EVERY_MS = 7 * 86_400_000;
/** How many backups stay in the downloads folder; older ones are deleted there. */
export const BACKUPS_KEPT = 4;
/** A day's grace before the popup calls a backup overdue: the worker may simply not have woken yet. */
const GRACE_MS = 86_400_000;

/** One backup Cueboard saved: the browser's download id, so it can be deleted once four newer ones exist. */
export interface SavedBackup {
  downloadId: number;
  at: number;
  name: string;
}

/** What Cueboard remembers of its backups. */
export interface BackupState {
  /** Newest last. */
  saved: SavedBackup[];
  /** The last attempt that failed, in words, until one succeeds. */
  failure?: { at: number; message: string };
}

/** The last successful backup's time. */
export function lastBackupAt(state: BackupState | undefined): number | undefined {
  return state?.saved.at(-1)?.at;
}

/** Whether a backup is due now: backups on (since `since`), and none yet or the last one a week old. */
export function backupDue(since: number | undefined, state: BackupState | undefined, now: number): boolean {
  const last = lastBackupAt(state);
  return since !== undefined && (last === undefined || now - last >= BACKUP_EVERY_MS);
}

/** The backup just saved added, and which older ones to delete so that the newest BACKUPS_KEPT stay. */
export function withBackup(state: BackupState | undefined, saved: SavedBackup): { next: BackupState; remove: SavedBackup[] } {
  const all = [...(state?.saved ?? []), saved];
  return { next: { saved: all.slice(-BACKUPS_KEPT) }, remove: all.slice(0, -BACKUPS_KEPT) };
}

/**
 * Whole days since the last backup when backups are on (since `since`) and it is overdue (a week and a day's grace),
 * for the popup's line; undefined otherwise. A first backup never made counts from when backups were turned on.
 */
export function overdueDays(since: number | undefined, state: BackupState | undefined, now: number): number | undefined {
  if (since === undefined) return undefined;
  const from = lastBackupAt(state) ?? since;
  if (now - from < BACKUP_EVERY_MS + GRACE_MS) return undefined;
  return Math.floor((now - from) / 86_400_000);
}

/** The next moment `overdueDays` gives another answer (the line appears, or its count of days goes up); none while off. */
export function overdueChangesAt(since: number | undefined, state: BackupState | undefined, now: number): number | undefined {
  if (since === undefined) return undefined;
  const from = lastBackupAt(state) ?? since;
  const days = overdueDays(since, state, now);
  return days === undefined ? from + BACKUP_EVERY_MS + GRACE_MS : from + (days + 1) * 86_400_000;
}
