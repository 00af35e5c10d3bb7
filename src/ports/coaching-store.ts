import type { CoachingSession } from '@/src/core/coaching-session';
import type { Experiment, MeasureEntry } from '@/src/core/experiment';
import type { GuidedDraft } from '@/src/core/guided-start';
import type { Habit } from '@/src/core/habit';
import type { Outcome } from '@/src/core/outcome';

/**
 * Where the coaching records live: the guided start's draft, experiments and their measures. Apart from the
 * Repository so the glance pages (popup, new tab), which never touch them, do not load this code.
 */
export interface CoachingStore {
  /** The guided start in progress, if any. */
  guidedDraft(): Promise<GuidedDraft | undefined>;
  putGuidedDraft(draft: GuidedDraft): Promise<void>;
  clearGuidedDraft(): Promise<void>;
  /**
   * The guided start's end, in one transaction: the outcome (if any) and the habits are written and the draft is
   * deleted together, so a failure leaves nothing half-made and the draft to resume.
   */
  finishGuided(outcome: Outcome | undefined, habits: readonly Habit[]): Promise<void>;

  /** Every coaching check-in, oldest first. */
  sessions(): Promise<CoachingSession[]>;
  putSession(session: CoachingSession): Promise<void>;

  /** Every experiment, running and decided (the history). */
  experiments(): Promise<Experiment[]>;
  putExperiment(experiment: Experiment): Promise<void>;
  /** Write an experiment and the habit it tries (made, changed, or put back) in one transaction. */
  putExperimentAndHabit(experiment: Experiment, habit: Habit): Promise<void>;
  /** One experiment's daily measures, by date. */
  measures(experimentId: string): Promise<MeasureEntry[]>;
  /** Store a day's measure (a second one for the same day replaces the first). */
  putMeasure(entry: MeasureEntry): Promise<void>;
}
