import type { CheckIn } from './check-in';
import { dayState } from './check-in';
import type { Habit } from './habit';
import type { Progress } from './progress';

/**
 * How late a cue may fire and still prompt. A browser asleep at 14:00 fires the missed alarm on wake; at 22:00 a
 * "two-minute start" for the afternoon's review is noise, so it is recorded as fired late and stays quiet.
 */
export const LATE_LIMIT_MS = 60 * 60 * 1000;

/** Whether a firing cue should prompt: not after the target is met, not on a skipped day, not hours late. */
export function shouldPrompt(progress: Progress, todaysCheckIns: readonly CheckIn[], lateByMs = 0): boolean {
  return !progress.met && dayState(todaysCheckIns) !== 'skipped' && lateByMs <= LATE_LIMIT_MS;
}

/** The words of a cue prompt: the behaviour, then the two-minute first step. */
export function cuePromptText(habit: Habit): { title: string; message: string } {
  if (habit.focus) {
    return {
      title: `${habit.name} — ${habit.focus.minutes} minutes of focus`,
      message: habit.focus.intention || habit.start.firstStep,
    };
  }
  return {
    title: `${habit.name} — two-minute start`,
    message: habit.start.firstStep,
  };
}

/** Where "Start" takes the person: the habit's own link, or the cue page when there is none. */
export function startTarget(habit: Habit, cuePageUrl: string): string {
  return habit.start.link ?? cuePageUrl;
}
