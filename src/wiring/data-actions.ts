import { downloadFile } from '@/src/adapters/browser/download-file';
import { unzipCsvFiles } from '@/src/adapters/files/unzip';
import { IdbDataStore } from '@/src/adapters/storage/idb-data-store';
import { DB_VERSION } from '@/src/adapters/storage/schema';
import { applyImport, exportFile, previewImport, previewLoopImport, type ExportKind, type ImportPreview, type TransferDeps } from '@/src/app/data-transfer';
import type { ImportMode } from '@/src/core/data/import-plan';
import { browser } from 'wxt/browser';
import { requestReconcile, send } from '@/src/messaging/protocol';
import { ReadableError } from '@/src/ports/readable-error';
import type { BackupStatus, ImportView } from '@/src/ui/options/data-section';
import { appDb } from './app-db';
import { pageDeps } from './page-deps';

/** Larger than ten habits over twenty years: a file this big is not one Cueboard or Loop wrote. */
const MAX_FILE_BYTES = 25 * 1024 * 1024;

const CHOOSE = 'Choose a Cueboard export (.json), or Loop Habit Tracker’s export: its zip, or its Habits.csv and Checkmarks.csv together.';

async function transferDeps(): Promise<TransferDeps & { newId: () => string }> {
  const deps = await pageDeps();
  return {
    data: new IdbDataStore(appDb),
    clock: deps.clock,
    provider: deps.provider,
    newId: deps.newId,
    schemaVersion: DB_VERSION,
    // A macrotask between slices of records: the page paints and answers clicks while a big file is checked.
    pause: () => new Promise((resolve) => setTimeout(resolve, 0)),
  };
}

/** Make an export and hand it to the downloads; gives the file's name. */
export async function exportToDownloads(kind: ExportKind): Promise<string> {
  const file = await exportFile(await transferDeps(), kind);
  downloadFile(file);
  return file.name;
}

/** Read what the person chose and preview its import, writing nothing. */
export async function readFiles(files: readonly File[], mode: ImportMode): Promise<ImportView> {
  const total = files.reduce((sum, f) => sum + f.size, 0);
  if (total > MAX_FILE_BYTES) {
    throw new ReadableError(`That is ${megabytes(total)} MB; Cueboard reads files of up to ${megabytes(MAX_FILE_BYTES)} MB. Is it the right file?`);
  }
  const d = await transferDeps();
  const names = files.map((f) => f.name.toLowerCase());
  let preview: ImportPreview;
  let from: 'cueboard' | 'loop' = 'loop';
  if (files.length === 1 && names[0]!.endsWith('.json')) {
    from = 'cueboard';
    preview = await previewImport(d, await files[0]!.text(), mode);
  } else if (files.length === 1 && names[0]!.endsWith('.zip')) {
    const read = unzipCsvFiles(new Uint8Array(await files[0]!.arrayBuffer()));
    preview = read.ok ? await previewLoopImport(d, read.value) : { ok: false, errors: [read.error] };
  } else if (files.length > 0 && names.every((n) => n.endsWith('.csv'))) {
    const texts = await Promise.all(files.map(async (f) => [f.name, await f.text()] as const));
    preview = await previewLoopImport(d, Object.fromEntries(texts));
  } else {
    throw new ReadableError(CHOOSE);
  }
  if (!preview.ok) return preview;
  const { plan, lines, notes } = preview;
  return {
    ok: true,
    from,
    lines,
    // Loop's history is always added: say so when the person asked to replace.
    notes: from === 'loop' && mode === 'replace' ? ['Loop’s habits and history are added to what is here; nothing here is replaced.', ...notes] : notes,
    apply: async () => {
      await applyImport(d, plan, {
        saveBackup: async (file) => downloadFile(file),
        cuesFollow: async () => void (await requestReconcile().catch(() => undefined)),
      });
      return `Imported. ${lines.join(' ')}`;
    },
  };
}

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0);
}

/** Weekly backups as the options page shows them. */
export async function backupStatus(): Promise<BackupStatus> {
  const [{ weeklyBackupSince }, state] = await Promise.all([(await pageDeps()).repo.settings(), new IdbDataStore(appDb).backups()]);
  const last = state?.saved.at(-1);
  return {
    on: weeklyBackupSince !== undefined,
    ...(last ? { last: { at: last.at, name: last.name } } : {}),
    ...(state?.failure ? { failure: state.failure.message } : {}),
  };
}

/** Turn weekly backups on once the browser gave the downloads permission (`asked`, requested in the click's turn). */
export async function turnBackupsOn(asked: Promise<boolean>): Promise<string> {
  if (!(await asked.catch(() => false))) {
    throw new ReadableError('Weekly backups stay off: Cueboard needs your permission to save to your downloads folder. Turn them on again and allow it.');
  }
  const { repo, clock } = await pageDeps();
  await repo.updateSettings((s) => ({ ...s, weeklyBackupSince: clock.now() }));
  const reply = await send({ type: 'backup-now' });
  return reply.ok
    ? `Weekly backups are on. The first one is saved: ${reply.name}, in “Cueboard backups” in your downloads folder.`
    : `Weekly backups are on, but the first one could not be saved: ${reply.error}`;
}

/** Turn weekly backups off and give the downloads permission back; the saved backups stay where they are. */
export async function turnBackupsOff(): Promise<string> {
  const { repo } = await pageDeps();
  await repo.updateSettings(({ weeklyBackupSince: _on, ...s }) => s);
  await browser.permissions.remove({ permissions: ['downloads'] }).catch(() => false);
  return 'Weekly backups are off. The backups already saved stay in your downloads folder.';
}

/** A backup now, by the worker (it holds the permission's API even with no page open). */
export async function backupNow(): Promise<string> {
  const reply = await send({ type: 'backup-now' });
  if (!reply.ok) throw new ReadableError(reply.error);
  return `Saved ${reply.name} in “Cueboard backups” in your downloads folder.`;
}
