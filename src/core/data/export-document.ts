import type { CheckIn } from '../check-in';
import type { CoachingSession } from '../coaching-session';
import type { CueEvent } from '../cue-event';
import type { Experiment, MeasureEntry } from '../experiment';
import type { FocusRecord } from '../focus-session';
import type { FocusPrefs } from '../focus-sites';
import type { Habit } from '../habit';
import type { OutcomeValue } from '../metrics/outcome-trend';
import type { Outcome } from '../outcome';
import type { Settings } from '../settings';

// "Everything" as one versioned JSON document: every record the person owns, never tokens, calendar credentials or
// bookkeeping that the next poll or sweep rebuilds (outbox, series, snapshots, carried-forward stats, meta marks).

/** The document's own name, so a stray JSON file is told apart from an export. */
export const EXPORT_FORMAT = 'cueboard-export';
/** The document's layout. A newer one is refused; older ones are upgraded (upgrade-document.ts). */
export const EXPORT_FORMAT_VERSION = 1;

/** The stores an export carries, in the order they are checked and written (referenced records first). */
export const RECORD_STORES = [
  'outcomes',
  'outcomeValues',
  'habits',
  'checkIns',
  'cueEvents',
  'experiments',
  'measures',
  'coachingSessions',
  'focusSessions',
] as const;
export type RecordStore = (typeof RECORD_STORES)[number];

/** What each store holds. */
export interface RecordsOf {
  outcomes: Outcome;
  outcomeValues: OutcomeValue;
  habits: Habit;
  checkIns: CheckIn;
  cueEvents: CueEvent;
  experiments: Experiment;
  measures: MeasureEntry;
  coachingSessions: CoachingSession;
  focusSessions: FocusRecord;
}

/** Everything the person owns. */
export type ExportData = { [S in RecordStore]: RecordsOf[S][] } & { settings: Settings; focusPrefs: FocusPrefs };

export interface ExportDocument {
  format: typeof EXPORT_FORMAT;
  formatVersion: number;
  /** The database schema the records were written under, for upgrading older records. */
  schemaVersion: number;
  /** When it was made, ISO 8601 UTC. */
  exportedAt: string;
  data: ExportData;
}

/** The document for what was read, stamped with `now`. */
export function exportDocument(data: ExportData, now: number, schemaVersion: number): ExportDocument {
  return { format: EXPORT_FORMAT, formatVersion: EXPORT_FORMAT_VERSION, schemaVersion, exportedAt: new Date(now).toISOString(), data };
}

/**
 * JSON with every object's keys sorted and stores sorted by id: the same data always gives the same text, so a file
 * can be compared with another (round trips, backups) and diffs stay small.
 */
export function canonicalJson(value: unknown, indent?: number): string {
  return JSON.stringify(sortKeys(value), null, indent);
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(sortKeys);
    return items.every((item) => typeof (item as { id?: unknown } | null)?.id === 'string')
      ? [...items].sort((a, b) => ((a as { id: string }).id < (b as { id: string }).id ? -1 : (a as { id: string }).id > (b as { id: string }).id ? 1 : 0))
      : items;
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/** The file name of an export made at `now` in the person's zone: "cueboard-2026-12-02.json". */
export function exportFileName(kind: string, localDate: string, extension: string): string {
  return `cueboard-${kind ? `${kind}-` : ''}${localDate}.${extension}`;
}
