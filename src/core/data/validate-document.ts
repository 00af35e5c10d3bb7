import * as v from 'valibot';
import { DEFAULT_FOCUS_PREFS } from '../focus-sites';
import { DEFAULT_SETTINGS } from '../settings';
import { EXPORT_FORMAT, EXPORT_FORMAT_VERSION, RECORD_STORES, type ExportData, type ExportDocument, type RecordStore } from './export-document';
import { focusPrefsSchema, RECORD_SCHEMAS, settingsSchema } from './record-schemas';
import { upgradeRecords } from './upgrade-document';

// An imported file is untrusted: every record is checked, then the references between records, before anything is
// written. A refusal names the record and field ("habits[2].schedule.timeZone: unknown time zone").

/** More records than ten habits over fifty years: not a file Cueboard wrote. */
export const MAX_RECORDS = 1_000_000;
/** Enough problems to act on; the rest would only be noise. */
const MAX_PROBLEMS = 20;
/** Records checked between two pauses, so a page stays responsive (well under 100 ms of work each). */
const SLICE = 500;

export type DocumentCheck = { ok: true; value: ExportDocument } | { ok: false; errors: string[] };

/**
 * Check a parsed file. `schemaVersion` is the database schema this code writes (a file from a newer one is refused);
 * `pause` yields to the page between slices of records.
 */
export async function validateDocument(json: unknown, schemaVersion: number, pause: () => Promise<void> = async () => undefined): Promise<DocumentCheck> {
  if (!isObject(json) || json.format !== EXPORT_FORMAT) return refuse('This file is not a Cueboard export: it has no "format": "cueboard-export".');
  const { formatVersion, schemaVersion: fileSchema, exportedAt, data } = json;
  if (!Number.isInteger(formatVersion) || (formatVersion as number) < 1) return refuse('formatVersion: must be a whole number from 1.');
  if ((formatVersion as number) > EXPORT_FORMAT_VERSION || (Number.isInteger(fileSchema) && (fileSchema as number) > schemaVersion)) {
    return refuse('This export was made by a newer version of Cueboard. Update Cueboard, then import the file again.');
  }
  if (!Number.isInteger(fileSchema) || (fileSchema as number) < 1) return refuse('schemaVersion: must be a whole number from 1.');
  if (typeof exportedAt !== 'string' || Number.isNaN(Date.parse(exportedAt))) return refuse('exportedAt: must be a date and time.');
  if (!isObject(data)) return refuse('data: must be an object holding the records.');

  const problems: string[] = [];
  const out: Partial<ExportData> = {};
  let checked = 0;
  for (const store of RECORD_STORES) {
    const raw = data[store] ?? [];
    if (!Array.isArray(raw)) {
      problems.push(`${store}: must be a list of records.`);
      continue;
    }
    if (raw.length > MAX_RECORDS)
      return refuse(`${store}: holds ${raw.length.toLocaleString('en')} records; Cueboard reads at most ${MAX_RECORDS.toLocaleString('en')}.`);
    const records: unknown[] = [];
    const schema = RECORD_SCHEMAS[store] as v.GenericSchema<unknown, unknown>;
    for (const [i, record] of upgradeRecords(store, raw, fileSchema as number).entries()) {
      const result = v.safeParse(schema, record, { abortEarly: true });
      if (result.success) records.push(result.output);
      else problems.push(`${store}[${i}]${pathOf(result.issues[0])}: ${result.issues[0].message}`);
      if (problems.length >= MAX_PROBLEMS) return { ok: false, errors: problems };
      if (++checked % SLICE === 0) await pause();
    }
    (out as Record<string, unknown[]>)[store] = records;
  }
  const settings = v.safeParse(settingsSchema, { ...DEFAULT_SETTINGS, ...(isObject(data.settings) ? data.settings : {}) });
  if (!settings.success) problems.push(`settings${pathOf(settings.issues[0])}: ${settings.issues[0].message}`);
  const prefs = v.safeParse(focusPrefsSchema, { ...DEFAULT_FOCUS_PREFS, ...(isObject(data.focusPrefs) ? data.focusPrefs : {}) });
  if (!prefs.success) problems.push(`focusPrefs${pathOf(prefs.issues[0])}: ${prefs.issues[0].message}`);
  if (problems.length > 0 || !settings.success || !prefs.success) return { ok: false, errors: problems };

  const full = { ...out, settings: settings.output, focusPrefs: prefs.output } as ExportData;
  problems.push(...duplicateIds(full), ...brokenReferences(full));
  if (problems.length > 0) return { ok: false, errors: problems.slice(0, MAX_PROBLEMS) };
  return { ok: true, value: { format: EXPORT_FORMAT, formatVersion: EXPORT_FORMAT_VERSION, schemaVersion, exportedAt, data: full } };
}

function refuse(message: string): DocumentCheck {
  return { ok: false, errors: [message] };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** ".schedule.timeZone" or "[3]" from a valibot issue's path. */
function pathOf(issue: v.BaseIssue<unknown>): string {
  return (issue.path ?? []).map((item) => (typeof item.key === 'number' ? `[${item.key}]` : `.${String(item.key)}`)).join('');
}

function duplicateIds(data: ExportData): string[] {
  const problems: string[] = [];
  for (const store of RECORD_STORES) {
    const first = new Map<string, number>();
    data[store].forEach((record, i) => {
      const seen = first.get(record.id);
      if (seen === undefined) first.set(record.id, i);
      else problems.push(`${store}[${i}].id: "${record.id}" is also the id of ${store}[${seen}].`);
    });
  }
  return problems;
}

/** Every id a record names must be in the file: an export is whole, so a dangling reference means a damaged file. */
function brokenReferences(data: ExportData): string[] {
  const ids = Object.fromEntries(RECORD_STORES.map((store) => [store, new Set(data[store].map((r) => r.id))])) as Record<RecordStore, Set<string>>;
  const problems: string[] = [];
  const need = (store: RecordStore, path: string, target: RecordStore, value: string | undefined, what: string) => {
    if (value !== undefined && !ids[target].has(value)) problems.push(`${store}${path}: no ${what} "${value}" in this file.`);
  };
  data.outcomeValues.forEach((r, i) => need('outcomeValues', `[${i}].outcomeId`, 'outcomes', r.outcomeId, 'outcome'));
  data.habits.forEach((r, i) => need('habits', `[${i}].outcomeId`, 'outcomes', r.outcomeId, 'outcome'));
  data.checkIns.forEach((r, i) => need('checkIns', `[${i}].habitId`, 'habits', r.habitId, 'habit'));
  data.cueEvents.forEach((r, i) => need('cueEvents', `[${i}].habitId`, 'habits', r.habitId, 'habit'));
  data.experiments.forEach((r, i) => need('experiments', `[${i}].habitId`, 'habits', r.habitId, 'habit'));
  data.measures.forEach((r, i) => need('measures', `[${i}].experimentId`, 'experiments', r.experimentId, 'experiment'));
  data.coachingSessions.forEach((r, i) => {
    need('coachingSessions', `[${i}].focusHabitId`, 'habits', r.focusHabitId, 'habit');
    if (r.outcome?.kind === 'experiment') need('coachingSessions', `[${i}].outcome.experimentId`, 'experiments', r.outcome.experimentId, 'experiment');
    if (r.outcome?.kind === 'habit') need('coachingSessions', `[${i}].outcome.habitId`, 'habits', r.outcome.habitId, 'habit');
  });
  // A focus block's check-in may have been undone since: its checkInId is history, not a reference to keep whole.
  data.focusSessions.forEach((r, i) => need('focusSessions', `[${i}].habitId`, 'habits', r.habitId, 'habit'));
  return problems;
}
