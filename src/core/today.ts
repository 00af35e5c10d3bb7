import type { CheckIn, DayState } from './check-in';
import { dayState } from './check-in';
import { isAnswered, type CueEvent } from './cue-event';
import type { CueInstance } from './cue-plan';
import { instantOf, addDays } from './local-time';
import type { Habit } from './habit';
import { dashboardHabits } from './habit';
import { periodProgress, type Progress } from './progress';

/** One habit as the popup shows it today. */
export interface TodayItem {
  habitId: string;
  name: string;
  keystone: boolean;
  firstStep: string;
  link?: string;
  /** What the person does or feels after; shown once the habit is done. */
  reward?: string;
  progress: Progress;
  state: DayState;
  /** Today's cue instants, epoch ms, in order. */
  cues: number[];
  /** The latest check-in made today, so one click can take it back. */
  undoId?: string;
  /** A flexible habit's block that found no place today: why, in words (it does not fire). */
  unplaced?: string;
}

/** The instants [from, to) of a local date under the day boundary, in the person's zone. */
export function dayWindow(localDate: string, zone: string, dayBoundary: string): { from: number; to: number } {
  return { from: instantOf(localDate, dayBoundary, zone), to: instantOf(addDays(localDate, 1), dayBoundary, zone) };
}

/**
 * Which of today's cue instants a check-off without one answers: the latest that has passed and is still open
 * (the prompt the person is most likely acting on), else the next one to come; undefined when all are answered.
 */
export function openInstance(instants: readonly number[], events: readonly CueEvent[], now: number): number | undefined {
  const answered = new Set(events.filter(isAnswered).map((e) => e.cueAt));
  const open = [...new Set(instants)].filter((at) => !answered.has(at)).sort((a, b) => a - b);
  return open.filter((at) => at <= now).at(-1) ?? open.find((at) => at > now);
}

/**
 * The popup's list: dashboard habits (keystone first, five at most) with this period's progress, today's state,
 * today's cues and the check-in to undo. `checkIns` must cover each habit's current period. `unplaced` holds, by
 * habit, why a flexible block found no place today.
 */
export function buildToday(
  habits: readonly Habit[],
  checkIns: readonly CheckIn[],
  cues: readonly CueInstance[],
  today: string,
  unplaced?: ReadonlyMap<string, string>,
): TodayItem[] {
  return dashboardHabits(habits).map((habit) => {
    const mine = checkIns.filter((c) => c.habitId === habit.id);
    const todays = mine.filter((c) => c.localDate === today).sort((a, b) => a.at - b.at);
    const last = todays.at(-1);
    return {
      habitId: habit.id,
      name: habit.name,
      keystone: habit.keystone,
      firstStep: habit.start.firstStep,
      ...(habit.start.link ? { link: habit.start.link } : {}),
      ...(habit.reward ? { reward: habit.reward } : {}),
      progress: periodProgress(habit, mine, today),
      state: dayState(todays),
      cues: cues
        .filter((c) => c.habitId === habit.id)
        .map((c) => c.at)
        .sort((a, b) => a - b),
      ...(last ? { undoId: last.id } : {}),
      ...(unplaced?.has(habit.id) ? { unplaced: unplaced.get(habit.id)! } : {}),
    };
  });
}
