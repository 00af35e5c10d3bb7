import type { CalendarKind } from './calendar-sync';
import { DEFAULT_DAY_BOUNDARY } from './day-boundary';

// The settings form's rule lives in settings-input.ts, so the glance pages, which only read settings, never load it.
export { validateSettings } from './settings-input';

/** The person's preferences. */
export interface Settings {
  /** Local time a new day starts, "HH:MM". */
  dayBoundary: string;
  /** Which calendar holds the cues; the local one needs no account. */
  calendar: CalendarKind;
  /** Whether every new tab shows the dashboard; off, the new tab stays a quiet plain page. */
  newTabDashboard: boolean;
  /** The most minutes of cue blocks one day may hold, fixed and flexible together, so the day is never crowded. */
  dailyCapMinutes: number;
  /** A day with an all-day event whose title holds one of these words or phrases (e.g. "OOO") gets no cue blocks. */
  skipWords: string[];
  /** When weekly backups to the downloads folder were turned on (epoch ms); absent while they are off (the default). */
  weeklyBackupSince?: number;
}

export const DEFAULT_SETTINGS: Settings = {
  dayBoundary: DEFAULT_DAY_BOUNDARY,
  calendar: 'local',
  newTabDashboard: true,
  dailyCapMinutes: 120,
  skipWords: ['OOO', 'Vacation', 'Out of office'],
};
