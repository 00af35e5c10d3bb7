import { localDateOf } from '@/src/core/day-boundary';
import { canonicalJson, exportDocument, exportFileName } from '@/src/core/data/export-document';
import { planImport, previewLines, type ImportMode, type ImportPlan } from '@/src/core/data/import-plan';
import { validateDocument } from '@/src/core/data/validate-document';
import type { DataStore } from '@/src/ports/data-store';
import type { Deps } from './deps';

/** What export and import need: the store, the clock, and the provider that carries habit changes to the calendar. */
export interface TransferDeps extends Pick<Deps, 'clock' | 'provider'> {
  data: DataStore;
  /** The database schema this code writes. */
  schemaVersion: number;
  /** Yield to the page between slices of work, so a long import never freezes it. */
  pause?: () => Promise<void>;
}

/** A file to hand to the person: its name, type and text. */
export interface ExportFile {
  name: string;
  type: string;
  text: string;
}

/** Everything as one JSON document, keys and records in a stable order. */
export async function exportEverything(d: Pick<TransferDeps, 'data' | 'clock' | 'schemaVersion'>): Promise<ExportFile> {
  const data = await d.data.readAll();
  const now = d.clock.now();
  const date = localDateOf(now, d.clock.timeZone(), data.settings.dayBoundary);
  return { name: exportFileName('', date, 'json'), type: 'application/json', text: canonicalJson(exportDocument(data, now, d.schemaVersion), 2) };
}

export type ImportPreview = { ok: true; plan: ImportPlan; lines: string[] } | { ok: false; errors: string[] };

/**
 * Read a file's text as a Cueboard export and decide what importing it would do, writing nothing. Every refusal is
 * in words, naming the record and field where there is one.
 */
export async function previewImport(d: TransferDeps, text: string, mode: ImportMode): Promise<ImportPreview> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, errors: [text.trim() === '' ? 'The file is empty.' : 'The file is not JSON Cueboard can read: it may be cut short or not an export.'] };
  }
  const checked = await validateDocument(json, d.schemaVersion, d.pause);
  if (!checked.ok) return checked;
  const plan = planImport(checked.value.data, await d.data.readAll(), mode, d.clock.now());
  return { ok: true, plan, lines: previewLines(plan) };
}

/** What applying needs from the page: a way to save the automatic export, and to let the cues follow. */
export interface ApplyHooks {
  /** Hands the person the export of what a replace is about to remove; a failure here stops the replace. */
  saveBackup: (file: ExportFile) => Promise<void>;
  cuesFollow: () => Promise<void>;
}

/**
 * Write a previewed import (one transaction), then let the calendar and the alarms follow the habits it changed. A
 * replace first exports what is here, so nothing is lost even by a wrong choice. The write is whole or nothing; a
 * calendar that is slow to follow catches up from its outbox.
 */
export async function applyImport(d: Pick<TransferDeps, 'data' | 'provider' | 'clock' | 'schemaVersion'>, plan: ImportPlan, hooks: ApplyHooks): Promise<void> {
  if (plan.mode === 'replace') {
    const backup = await exportEverything(d);
    await hooks.saveBackup({ ...backup, name: backup.name.replace('.json', '-before-import.json') });
  }
  await d.data.apply(plan);
  for (const habit of plan.habitsToSync) await d.provider.syncHabit(habit);
  await hooks.cuesFollow();
}
