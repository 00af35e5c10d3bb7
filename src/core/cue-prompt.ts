import type { CheckIn } from './check-in';
import { dayState } from './check-in';
import type { Habit } from './habit';
import type { Progress } from './progress';

/** Whether a firing cue should prompt: not after the target is met, and not on a day the person skipped. */
export function shouldPrompt(progress: Progress, todaysCheckIns: readonly CheckIn[]): boolean {
  return !progress.met && dayState(todaysCheckIns) !== 'skipped';
}

/** The words of a cue prompt: the behaviour, then the two-minute first step. */
export function cuePromptText(habit: Habit): { title: string; message: string } {
  return {
    title: `${habit.name} — two-minute start`,
    message: habit.start.firstStep,
  };
}

/** Where "Start" takes the person: the habit's own link, or the cue page when there is none. */
export function startTarget(habit: Habit, cuePageUrl: string): string {
  return habit.start.link ?? cuePageUrl;
}
