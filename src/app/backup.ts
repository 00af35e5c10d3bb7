import { backupDue, withBackup } from '@/src/core/data/backups';
import type { BackupSaver } from '@/src/ports/backup-saver';
import { ReadableError } from '@/src/ports/readable-error';
import { exportEverything, type TransferDeps } from './data-transfer';
import type { Deps } from './deps';

/** The alarm that looks for a due backup a few times a day (the worker may sleep through any single time). */
export const BACKUP_ALARM = 'cueboard:backup';
export const BACKUP_CHECK_MINUTES = 6 * 60;

export const NOT_PERMITTED = 'Cueboard may not save to your downloads folder. Turn weekly backups off and on again to allow it.';
const FAILED = 'The weekly backup could not be saved. Cueboard tries again in a few hours.';

type BackupDeps = Pick<TransferDeps, 'data' | 'clock' | 'schemaVersion'> & Pick<Deps, 'repo'> & { saver: BackupSaver };

/**
 * Save a backup when one is due (or now, when the person asks): everything as JSON into the downloads folder, the
 * newest four kept and older ones deleted there. A failure is kept in words for the options page and the popup, and
 * thrown as a ReadableError; the next check tries again. Gives the saved file's name, or undefined when none was due.
 */
export async function runBackup(d: BackupDeps, now = false): Promise<string | undefined> {
  const { weeklyBackupSince } = await d.repo.settings();
  const at = d.clock.now();
  if (!now && !backupDue(weeklyBackupSince, await d.data.backups(), at)) return undefined;
  try {
    if (!(await d.saver.permitted())) throw new ReadableError(NOT_PERMITTED);
    const file = await exportEverything(d);
    const name = file.name.replace(/^cueboard-/, 'cueboard-backup-');
    const downloadId = await d.saver.save({ ...file, name });
    let remove: { downloadId: number }[] = [];
    await d.data.updateBackups((stored) => {
      const kept = withBackup(stored, { downloadId, at, name });
      remove = kept.remove;
      return kept.next;
    });
    // One the person deleted by hand is already gone: that is fine.
    for (const old of remove) await d.saver.remove(old.downloadId).catch(() => undefined);
    return name;
  } catch (error) {
    const message = error instanceof ReadableError ? error.message : FAILED;
    if (!(error instanceof ReadableError)) console.warn('[cueboard] weekly backup failed', error);
    await d.data.updateBackups((stored) => ({ saved: stored?.saved ?? [], failure: { at, message } })).catch(() => undefined);
    throw new ReadableError(message, { cause: error });
  }
}
