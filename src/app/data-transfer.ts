import { localDateOf } from '@/src/core/day-boundary';
import { checkInMatrixCsv, checkInsCsv } from '@/src/core/data/checkins-csv';
import {
  canonicalJson,
  EXPORT_FORMAT,
  EXPORT_FORMAT_VERSION,
  exportDocument,
  exportFileName,
  RECORD_STORES,
  type ExportData,
} from '@/src/core/data/export-document';
import { cuesIcs } from '@/src/core/data/ics';
import { planImport, previewLines, type ImportMode, type ImportPlan } from '@/src/core/data/import-plan';
import { loopToCueboard, parseLoopExport } from '@/src/core/data/loop-import';
import { validateDocument } from '@/src/core/data/validate-document';
import { sameHabitName } from '@/src/core/habit-input';
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
  return exportFile(d, 'everything');
}

/** The files Cueboard hands over: everything (JSON), check-ins and their matrix (CSV), the cues (iCalendar). */
export type ExportKind = 'everything' | 'check-ins' | 'matrix' | 'cues';

/** Make one of the export files from what the database holds now (one consistent read). */
export async function exportFile(d: Pick<TransferDeps, 'data' | 'clock' | 'schemaVersion'>, kind: ExportKind): Promise<ExportFile> {
  const data = await d.data.readAll();
  const now = d.clock.now();
  const date = localDateOf(now, d.clock.timeZone(), data.settings.dayBoundary);
  // Columns in the dashboard's order: active habits first, then archived ones, each oldest first.
  const habits = [...data.habits].sort((a, b) => Number(a.archived) - Number(b.archived) || a.createdAt - b.createdAt);
  switch (kind) {
    case 'everything':
      return { name: exportFileName('', date, 'json'), type: 'application/json', text: canonicalJson(exportDocument(data, now, d.schemaVersion)) };
    case 'check-ins':
      return { name: exportFileName('check-ins', date, 'csv'), type: 'text/csv', text: checkInsCsv(habits, data.checkIns) };
    case 'matrix':
      return { name: exportFileName('check-in-matrix', date, 'csv'), type: 'text/csv', text: checkInMatrixCsv(habits, data.checkIns) };
    case 'cues':
      return { name: exportFileName('cues', date, 'ics'), type: 'text/calendar', text: cuesIcs(habits, now) };
  }
}

/** What an import would do (with notes on what a Loop import approximates or leaves out), or why it cannot be done. */
export type ImportPreview = { ok: true; plan: ImportPlan; lines: string[]; notes: string[] } | { ok: false; errors: string[] };

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
  const plan = await planImport(checked.value.data, await d.data.readAll(), mode, d.clock.now(), d.pause);
  return { ok: true, plan, lines: previewLines(plan), notes: [] };
}

/**
 * Read Loop Habit Tracker's export (its files by path, from the zip or chosen one by one) and decide what adding it
 * would do. The records go through the same checks as a Cueboard export; they are always added, never replacing.
 */
export async function previewLoopImport(d: TransferDeps & Pick<Deps, 'newId'>, files: Readonly<Record<string, string>>): Promise<ImportPreview> {
  const parsed = parseLoopExport(files);
  if (!parsed.ok) return { ok: false, errors: [parsed.error] };
  const current = await d.data.readAll();
  const now = d.clock.now();
  const loop = loopToCueboard(parsed.value, { now, timeZone: d.clock.timeZone(), newId: d.newId });
  const empty = Object.fromEntries(RECORD_STORES.map((store) => [store, []])) as unknown as Omit<ExportData, 'settings' | 'focusPrefs'>;
  const document = {
    format: EXPORT_FORMAT,
    formatVersion: EXPORT_FORMAT_VERSION,
    schemaVersion: d.schemaVersion,
    exportedAt: new Date(now).toISOString(),
    data: { ...empty, habits: loop.habits, checkIns: loop.checkIns, settings: current.settings, focusPrefs: current.focusPrefs },
  };
  const checked = await validateDocument(document, d.schemaVersion, d.pause);
  if (!checked.ok) return checked;
  const plan = await planImport(checked.value.data, current, 'merge', now, d.pause);
  const twins = loop.habits.filter((h) => current.habits.some((mine) => sameHabitName(mine.name, h.name))).map((h) => `“${h.name}”`);
  const notes = [
    ...loop.notes,
    ...(twins.length > 0
      ? [
          `${twins.join(', ')} ${twins.length === 1 ? 'is' : 'are'} already the name of a habit here: the one from Loop keeps its own history. Rename it before you restore it.`,
        ]
      : []),
  ];
  return { ok: true, plan, lines: previewLines(plan), notes };
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
