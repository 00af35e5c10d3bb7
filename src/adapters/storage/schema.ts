import type { DBSchema } from 'idb';
import type { CueSnapshot, OutboxEntry, SeriesRecord } from '@/src/core/calendar-sync';
import type { BackupState } from '@/src/core/data/backups';
import type { CheckIn } from '@/src/core/check-in';
import type { HabitStats } from '@/src/core/metrics/habit-metrics';
import type { OutcomeValue } from '@/src/core/metrics/outcome-trend';
import type { CoachingSession } from '@/src/core/coaching-session';
import type { CueEvent } from '@/src/core/cue-event';
import type { Experiment, MeasureEntry } from '@/src/core/experiment';
import type { FocusPrefs } from '@/src/core/focus-sites';
import type { GuidedDraft } from '@/src/core/guided-start';
import type { Habit } from '@/src/core/habit';
import type { Outcome } from '@/src/core/outcome';
import type { Settings } from '@/src/core/settings';
import type { StoredAuth } from '@/src/ports/calendar-store';
import type { FocusRecord } from '@/src/ports/focus-store';

export const DB_NAME = 'cueboard';

/** The schema version this code writes. Each step up has a rung in upgrade.ts and a fixture in tests. */
export const DB_VERSION = 7;

/** The IndexedDB schema as a type, so every read and write is checked against it. */
export interface CueboardDB extends DBSchema {
  outcomes: { key: string; value: Outcome };
  habits: { key: string; value: Habit };
  checkIns: {
    key: string;
    value: CheckIn;
    indexes: {
      /** [habitId, localDate]: a dashboard reads just the dates it shows, however long the history. */
      byHabitDate: [string, string];
      /** localDate: everything on one day, for the day view and export. (v2) */
      byDate: string;
    };
  };
  /** One record per cue instance: the funnel scheduled → fired → started → done. (v2) */
  cueEvents: {
    key: string;
    value: CueEvent;
    indexes: {
      /** Pending snoozes, read by reconciliation. Records without a snooze are absent from this index. */
      bySnoozedUntil: number;
      byHabitCue: [string, number];
    };
  };
  /** Single record under the key "settings". (v2) */
  settings: { key: string; value: Settings };
  /** Habits whose calendar series await a sync, persistent across crashes and offline spells. (v3) */
  outbox: { key: string; value: OutboxEntry };
  /** Recurring events Cueboard wrote to a calendar. (v3) */
  series: { key: string; value: SeriesRecord; indexes: { byHabit: [string, string] } };
  /** The last cue instances read from each calendar. (v3) */
  cueSnapshots: { key: string; value: CueSnapshot };
  /** Calendar credentials, by provider. (v3) */
  auth: { key: string; value: StoredAuth };
  /** Per-habit strength and streak carried forward, so dashboard reads stay flat as history grows. (v4) */
  habitStats: { key: string; value: HabitStats };
  /** The outcome log: recorded values of each lagging indicator. (v4) */
  outcomeValues: { key: string; value: OutcomeValue; indexes: { byOutcomeDate: [string, string] } };
  /** Two-week micro-experiments, running and decided (the history). (v6) */
  experiments: { key: string; value: Experiment };
  /** The 4-part coaching check-ins, the history the person reads back. (v6) */
  coachingSessions: { key: string; value: CoachingSession };
  /** Each experiment's daily measure, one per local date. (v6) */
  measures: { key: string; value: MeasureEntry; indexes: { byExperimentDate: [string, string] } };
  /** Focus blocks that ended, with their passes, pauses and rating: the history. (v7) */
  focusSessions: { key: string; value: FocusRecord; indexes: { byEnded: number } };
  /** Bookkeeping by name (out-of-line keys): see MetaValues. (v5) */
  meta: { key: MetaKey; value: MetaValues[MetaKey] };
}

/** What the meta store holds, by key. */
export interface MetaValues {
  /** Where the sweep for passed cues stopped (epoch ms). */
  cuesSeenUntil: number;
  /** The guided start in progress (deleted in the same transaction that creates its records). */
  guidedDraft: GuidedDraft;
  /** Trap questions put away with "Not now": question id → dismissed until (epoch ms). */
  trapDismissals: Record<string, number>;
  /** The current focus block: live, or ended and waiting for its rating. */
  focusSession: FocusRecord;
  /** The sites held back during focus, and whether a focus habit must name its intention. */
  focusPrefs: FocusPrefs;
  /** The weekly backups saved to the downloads folder (their download ids), and the last failure. */
  backups: BackupState;
  /** Per calendar, where Cueboard itself put each flexible instance it moved (instance id → starts, latest last). */
  flexMoves: Partial<Record<'google' | 'outlook', Record<string, number[]>>>;
}
export type MetaKey = keyof MetaValues;
