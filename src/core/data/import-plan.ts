import { MAX_SITES, type FocusPrefs } from '../focus-sites';
import type { Habit } from '../habit';
import type { Settings } from '../settings';
import { canonicalJson, RECORD_STORES, type ExportData, type RecordStore, type RecordsOf } from './export-document';

// What an import will do, decided before anything is written, so the person sees it first ("adds 3 habits and 1,240
// check-ins; 12 check-ins already here are kept") and the write is one transaction of exactly this.

/** Merge keeps what is here and adds the file's (same id: the newer wins); replace swaps everything for the file. */
export type ImportMode = 'merge' | 'replace';

export interface StoreCounts {
  /** In the file, not here. */
  added: number;
  /** Here and in the file, the file's newer: replaced. */
  updated: number;
  /** Here and in the file, different, and this one is as new or newer: kept. */
  kept: number;
  /** Here and in the file, identical. */
  same: number;
  /** Here, not in the file, and removed (replace only). */
  removed: number;
}

export interface ImportPlan {
  mode: ImportMode;
  /** Records to write, per store (replace: everything in the file; merge: the added and the updated). */
  put: { [S in RecordStore]: RecordsOf[S][] };
  counts: Record<RecordStore, StoreCounts>;
  /** What settings and focus preferences become, and whether that differs from what is here. */
  settings: Settings;
  focusPrefs: FocusPrefs;
  settingsChanged: boolean;
  /** Habits whose cues change: the calendar and the alarms follow them after the write. */
  habitsToSync: Habit[];
}

/** The last moment a record says it changed, so "newer wins" has something to compare. */
const CHANGED: { [S in RecordStore]: (r: RecordsOf[S]) => number } = {
  outcomes: (r) => r.createdAt,
  outcomeValues: () => 0,
  habits: (r) => Math.max(r.createdAt, r.scheduleSince, r.archivedAt ?? 0),
  checkIns: (r) => r.at,
  cueEvents: (r) => Math.max(r.cueAt, r.firedAt ?? 0, r.startedAt ?? 0, r.skippedAt ?? 0, r.doneAt ?? 0, r.unseenAt ?? 0),
  experiments: (r) => Math.max(r.createdAt, r.retrospective?.decidedAt ?? 0),
  measures: (r) => r.at,
  coachingSessions: (r) => Math.max(r.startedAt, r.finishedAt ?? 0),
  focusSessions: (r) => Math.max(r.createdAt, r.endedAt ?? 0),
};

/** Records compared between two pauses (each comparison writes both records as canonical JSON). */
const SLICE = 1_000;

/**
 * Decide an import of `incoming` (checked) over `current` (what the database holds). Pure but for `pause`, which
 * yields to the page between slices of records so that comparing tens of thousands never blocks it.
 */
export async function planImport(
  incoming: ExportData,
  current: ExportData,
  mode: ImportMode,
  now: number,
  pause: () => Promise<void> = async () => undefined,
): Promise<ImportPlan> {
  const put = {} as ImportPlan['put'];
  const counts = {} as ImportPlan['counts'];
  for (const store of RECORD_STORES) {
    const [records, tally] = await planStore(store, incoming[store], current[store], mode, pause);
    (put as Record<string, unknown[]>)[store] = records;
    counts[store] = tally;
  }
  const written = new Set(put.habits.map((h) => h.id));
  const incomingIds = new Set(incoming.habits.map((h) => h.id));
  // Replace ends the series of habits the file does not have, like archiving them would.
  const ended =
    mode === 'replace' ? current.habits.filter((h) => !incomingIds.has(h.id) && !h.archived).map((h) => ({ ...h, archived: true, archivedAt: now })) : [];
  return {
    mode,
    put,
    counts,
    ...settingsOf(incoming, current, mode),
    habitsToSync: [...put.habits.filter((h) => written.has(h.id)), ...ended],
  };
}

/**
 * Settings are one record with no time to compare: importing a file is the person asking for its settings, so they
 * come from it, except the calendar in use (this machine's sign-in) and weekly backups (this browser's permission). Merge adds the file's focus
 * sites to the ones here; replace takes the file's list.
 */
function settingsOf(incoming: ExportData, current: ExportData, mode: ImportMode): Pick<ImportPlan, 'settings' | 'focusPrefs' | 'settingsChanged'> {
  // Weekly backups need this browser's permission to write to its downloads: a choice that stays with the machine.
  const { weeklyBackupSince: _theirs, ...theirs } = incoming.settings;
  const settings = {
    ...theirs,
    calendar: current.settings.calendar,
    ...(current.settings.weeklyBackupSince !== undefined ? { weeklyBackupSince: current.settings.weeklyBackupSince } : {}),
  };
  const sites = mode === 'replace' ? incoming.focusPrefs.sites : [...new Set([...current.focusPrefs.sites, ...incoming.focusPrefs.sites])].slice(0, MAX_SITES);
  const focusPrefs = { ...incoming.focusPrefs, sites };
  const settingsChanged = canonicalJson([settings, focusPrefs]) !== canonicalJson([current.settings, current.focusPrefs]);
  return { settings, focusPrefs, settingsChanged };
}

async function planStore<S extends RecordStore>(
  store: S,
  incoming: readonly RecordsOf[S][],
  current: readonly RecordsOf[S][],
  mode: ImportMode,
  pause: () => Promise<void>,
): Promise<[RecordsOf[S][], StoreCounts]> {
  const changed = CHANGED[store] as (r: RecordsOf[S]) => number;
  const here = new Map(current.map((r) => [r.id, r]));
  const tally: StoreCounts = { added: 0, updated: 0, kept: 0, same: 0, removed: 0 };
  const put: RecordsOf[S][] = [];
  for (const [i, record] of incoming.entries()) {
    if (i > 0 && i % SLICE === 0) await pause();
    const mine = here.get(record.id);
    if (!mine) {
      tally.added++;
      put.push(record);
    } else if (canonicalJson(mine) === canonicalJson(record)) {
      tally.same++;
      if (mode === 'replace') put.push(record);
    } else if (mode === 'replace' || changed(record) > changed(mine)) {
      tally.updated++;
      put.push(record);
    } else {
      tally.kept++;
    }
  }
  if (mode === 'replace') {
    const inFile = new Set(incoming.map((r) => r.id));
    tally.removed = current.filter((r) => !inFile.has(r.id)).length;
  }
  return [put, tally];
}

const NOUNS: Record<RecordStore, [string, string]> = {
  outcomes: ['outcome', 'outcomes'],
  outcomeValues: ['outcome value', 'outcome values'],
  habits: ['habit', 'habits'],
  checkIns: ['check-in', 'check-ins'],
  cueEvents: ['cue record', 'cue records'],
  experiments: ['experiment', 'experiments'],
  measures: ['experiment measure', 'experiment measures'],
  coachingSessions: ['coaching check-in', 'coaching check-ins'],
  focusSessions: ['focus block', 'focus blocks'],
};

/** "1 habit", "1,240 check-ins". */
export function countOf(store: RecordStore, n: number): string {
  return `${n.toLocaleString('en')} ${NOUNS[store][n === 1 ? 0 : 1]}`;
}

/** "a, b and c". */
function listed(parts: readonly string[]): string {
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

function phrase(plan: ImportPlan, key: keyof StoreCounts): string {
  return listed(RECORD_STORES.filter((s) => plan.counts[s][key] > 0).map((s) => countOf(s, plan.counts[s][key])));
}

const SETTINGS_LINE = 'Settings and focus sites come from the file; the calendar you use here stays.';

/** The preview in sentences, e.g. "Adds 3 habits and 1,240 check-ins." / "12 check-ins already here are kept." */
export function previewLines(plan: ImportPlan): string[] {
  const lines: string[] = [];
  const added = phrase(plan, 'added');
  const updated = phrase(plan, 'updated');
  const kept = phrase(plan, 'kept');
  const removed = phrase(plan, 'removed');
  if (plan.mode === 'replace') {
    const incoming = listed(RECORD_STORES.filter((s) => plan.put[s].length > 0).map((s) => countOf(s, plan.put[s].length)));
    lines.push(incoming ? `Replaces everything here with the file’s ${incoming}.` : 'Replaces everything here with an empty file: nothing would be left.');
    if (removed) lines.push(`Removes ${removed} that the file does not have.`);
    if (plan.settingsChanged) lines.push(SETTINGS_LINE);
    return lines;
  }
  lines.push(added ? `Adds ${added}.` : 'Adds nothing new.');
  if (updated) lines.push(`Updates ${updated} with newer ones from the file.`);
  if (plan.settingsChanged) lines.push(SETTINGS_LINE);
  if (kept) lines.push(`${capitalised(kept)} already here ${isOne(plan, 'kept') ? 'is kept: it is' : 'are kept: they are'} as new or newer here.`);
  return lines;
}

function isOne(plan: ImportPlan, key: keyof StoreCounts): boolean {
  return RECORD_STORES.reduce((sum, s) => sum + plan.counts[s][key], 0) === 1;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
