/**
 * What happened to a habit on a day. "done" and "skipped" are the person's word; "missed" means they said it did
 * not happen. A day with no record is "not logged": a different thing, and never counted as missed.
 */
export type CheckInStatus = 'done' | 'skipped' | 'missed';

/** Where a check-in was made, so the funnel can tell a notification tap from a popup click. */
export type CheckInSource = 'notification' | 'popup' | 'newtab' | 'cue-page' | 'backfill' | 'focus';

/** One record of a habit on a local date. */
export interface CheckIn {
  id: string;
  habitId: string;
  /** The date it counts for, under the person's day boundary, "YYYY-MM-DD". */
  localDate: string;
  /** When it was recorded, epoch milliseconds. */
  at: number;
  /** The person's zone at that moment (travel changes it; the record keeps it). */
  timeZone: string;
  /** Times or minutes, in the habit's target unit; 0 for skipped and missed. */
  value: number;
  status: CheckInStatus;
  source: CheckInSource;
  /** The cue instant this answers, when it came from a cue. */
  cueAt?: number;
  /** Who it was with, for a habit counted per person: a name from its list when it was made. */
  person?: string;
  note?: string;
  /** For a focus block: how focused it felt, 1–5, as the person rated it at its end. */
  rating?: number;
}

/** The state of a habit's day as a dashboard shows it. */
export type DayState = CheckInStatus | 'not-logged';

/** The state of a day from its check-ins: any "done" wins, then "skipped", then "missed", else "not logged". */
export function dayState(checkIns: readonly CheckIn[]): DayState {
  for (const status of ['done', 'skipped', 'missed'] as const) {
    if (checkIns.some((c) => c.status === status)) return status;
  }
  return 'not-logged';
}
