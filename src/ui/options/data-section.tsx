import { useEffect, useState } from 'preact/hooks';
import type { ExportKind } from '@/src/app/data-transfer';
import type { ImportMode } from '@/src/core/data/import-plan';
import { ReadableError } from '@/src/ports/readable-error';

/** What reading a chosen file found: what importing it would do, or why it cannot be imported. */
export type ImportView =
  { ok: true; from: 'cueboard' | 'loop'; lines: string[]; notes: string[]; apply: () => Promise<string> } | { ok: false; errors: string[] };

/** Weekly backups as the section shows them. */
export interface BackupStatus {
  on: boolean;
  last?: { at: number; name: string };
  /** Why the last try failed, in words, until one succeeds. */
  failure?: string;
}

/** What the "Your data" section does; every action answers in words or fails with words. */
export interface DataApi {
  /** Make the file and hand it to the browser's downloads; gives the file's name. */
  exportFile: (kind: ExportKind) => Promise<string>;
  /** Read the chosen file(s) — a Cueboard export, or Loop Habit Tracker's zip or CSV files — and preview, writing nothing. */
  readFiles: (files: File[], mode: ImportMode) => Promise<ImportView>;
  backup: {
    status: () => Promise<BackupStatus>;
    /** Asks the browser for the downloads permission first, in the same turn as the click; gives what happened. */
    turnOn: () => Promise<string>;
    turnOff: () => Promise<string>;
    now: () => Promise<string>;
  };
}

export interface DataSectionProps {
  api: DataApi;
  onNotice: (text: string) => void;
  /** The page's data changed (after an import). */
  onChange: () => Promise<void>;
}

const EXPORTS: { kind: ExportKind; label: string; hint: string }[] = [
  { kind: 'everything', label: 'Everything (.json)', hint: 'All your records and settings, to keep or to bring to another machine.' },
  { kind: 'check-ins', label: 'Check-ins (.csv)', hint: 'One row per check-in, for a spreadsheet.' },
  { kind: 'matrix', label: 'Check-in matrix (.csv)', hint: 'Dates down, habits across, like Loop Habit Tracker’s.' },
  { kind: 'cues', label: 'Cues (.ics)', hint: 'Your habits’ cue times, to import into any calendar.' },
];

/** Shown for any failure that brings no words of its own: never the raw error. */
const FAILED = 'That did not work, and nothing was changed. Try again; if it keeps failing, reload the page.';

/**
 * Export (four files) and import (a Cueboard export or a Loop Habit Tracker export): a preview first, in words, then
 * one click to apply; replacing everything asks twice and saves what it replaces to a file first.
 */
export function DataSection({ api, onNotice, onChange }: DataSectionProps) {
  const [busy, setBusy] = useState<string>();
  const [files, setFiles] = useState<File[]>([]);
  const [mode, setMode] = useState<ImportMode>('merge');
  const [view, setView] = useState<ImportView>();
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [backup, setBackup] = useState<BackupStatus>();
  const refreshBackup = () => api.backup.status().then(setBackup, () => setProblem('Cueboard could not read the backup settings. Reload the page.'));
  useEffect(() => void refreshBackup(), [api]);

  const run = async (what: string, job: () => Promise<void>) => {
    setBusy(what);
    setProblem(undefined);
    try {
      await job();
    } catch (error) {
      if (!(error instanceof ReadableError)) console.error(error);
      setProblem(error instanceof ReadableError ? error.message : FAILED);
    } finally {
      setBusy(undefined);
    }
  };

  const preview = (chosen: File[], as: ImportMode) =>
    run('reading', async () => {
      setConfirming(false);
      setView(undefined);
      if (chosen.length === 0) return;
      setView(await api.readFiles(chosen, as));
    });

  const apply = (ready: Extract<ImportView, { ok: true }>) =>
    run('importing', async () => {
      const said = await ready.apply();
      setView(undefined);
      setFiles([]);
      setConfirming(false);
      onNotice(said);
      await onChange();
    });

  return (
    <div class="data-section">
      <h3 id="export-title">Export</h3>
      <ul class="export-list" aria-labelledby="export-title">
        {EXPORTS.map((e) => (
          <li key={e.kind}>
            <button
              type="button"
              disabled={busy !== undefined}
              onClick={() => void run(e.kind, async () => onNotice(`Saved ${await api.exportFile(e.kind)} to your downloads.`))}
            >
              {e.label}
            </button>{' '}
            <span class="hint">{e.hint}</span>
          </li>
        ))}
      </ul>

      <h3 id="backup-title">Weekly backup</h3>
      {backup && (
        <div class="backup" aria-labelledby="backup-title" role="group">
          <label>
            <input
              type="checkbox"
              checked={backup.on}
              disabled={busy !== undefined}
              onChange={() =>
                void run('backup', async () => {
                  try {
                    onNotice(await (backup.on ? api.backup.turnOff() : api.backup.turnOn()));
                  } finally {
                    await refreshBackup();
                  }
                })
              }
            />{' '}
            Save a backup of everything to your downloads folder every week (the newest four are kept)
          </label>
          {backup.on && (
            <p>
              {backup.last ? `Last backup: ${when(backup.last.at)}, ${backup.last.name}.` : 'No backup yet.'}{' '}
              <button
                type="button"
                class="quiet"
                disabled={busy !== undefined}
                onClick={() =>
                  void run('backup', async () => {
                    try {
                      onNotice(await api.backup.now());
                    } finally {
                      await refreshBackup();
                    }
                  })
                }
              >
                Back up now
              </button>
            </p>
          )}
          {backup.failure && <p role="alert">{backup.failure}</p>}
        </div>
      )}

      <h3 id="import-title">Import</h3>
      <p class="hint">A Cueboard export (.json), or Loop Habit Tracker’s export: its zip, or its Habits.csv and Checkmarks.csv together.</p>
      <label>
        File to import{' '}
        <input
          type="file"
          accept=".json,.zip,.csv,application/json,application/zip,text/csv"
          multiple
          disabled={busy !== undefined}
          onChange={(event) => {
            const input = event.currentTarget;
            const chosen = [...(input.files ?? [])];
            // Emptied at once, so choosing the same file again (after an import, or after fixing it) is read again.
            input.value = '';
            setFiles(chosen);
            void preview(chosen, mode);
          }}
        />
      </label>
      <fieldset class="import-mode">
        <legend>How</legend>
        {(['merge', 'replace'] as const).map((m) => (
          <label key={m}>
            <input
              type="radio"
              name="import-mode"
              value={m}
              checked={mode === m}
              disabled={busy !== undefined}
              onChange={() => {
                setMode(m);
                if (files.length > 0) void preview(files, m);
              }}
            />{' '}
            {m === 'merge' ? 'Add to what is here (records in both: the newer one stays)' : 'Replace everything here with the file'}
          </label>
        ))}
      </fieldset>

      {busy === 'reading' && <p aria-busy="true">Reading the file…</p>}
      {problem && <p role="alert">{problem}</p>}
      {view && !view.ok && (
        <div role="alert" class="import-errors">
          <p>This file cannot be imported; nothing was changed:</p>
          <ul>
            {view.errors.map((error) => (
              <li key={error}>{error}</li>
            ))}
          </ul>
        </div>
      )}
      {view?.ok && (
        <section class="import-preview" aria-labelledby="preview-title">
          <h4 id="preview-title">{view.from === 'loop' ? 'From Loop Habit Tracker' : 'What this import does'}</h4>
          <ul>
            {[...view.lines, ...view.notes].map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          {mode === 'replace' && confirming ? (
            <p>
              This removes what is here. A file with everything here now goes to your downloads first. Replace?{' '}
              <button type="button" class="danger" disabled={busy !== undefined} onClick={() => void apply(view)}>
                Yes, replace everything
              </button>{' '}
              <button type="button" class="quiet" disabled={busy !== undefined} onClick={() => setConfirming(false)}>
                Keep what is here
              </button>
            </p>
          ) : (
            <p>
              <button type="button" class="primary" disabled={busy !== undefined} onClick={() => (mode === 'replace' ? setConfirming(true) : void apply(view))}>
                {mode === 'replace' ? 'Replace everything…' : 'Import'}
              </button>{' '}
              <button type="button" class="quiet" disabled={busy !== undefined} onClick={() => setView(undefined)}>
                Cancel
              </button>
            </p>
          )}
          {busy === 'importing' && <p aria-busy="true">Importing…</p>}
        </section>
      )}
    </div>
  );
}

/** "2 Dec 2026, 14:05" in the browser's language and zone. */
function when(at: number): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(at);
}
