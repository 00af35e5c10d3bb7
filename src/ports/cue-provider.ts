import type { Habit } from '@/src/core/habit';
import type { CueInstance } from '@/src/core/cue-plan';

/**
 * A calendar that holds cues. The local calendar derives them from schedules; Google and Outlook keep them as
 * recurring events in the person's own calendar. Every method is idempotent: calling it again changes nothing.
 */
export interface CueProvider {
  /** Make the calendar hold what the habit wants now: create, update, or end its series (archived habits). */
  syncHabit(habit: Habit): Promise<void>;
  /** The cue instances the calendar holds in [fromMs, toMs), as it holds them now (moved or cancelled included). */
  listCues(fromMs: number, toMs: number): Promise<CueInstance[]>;
}
