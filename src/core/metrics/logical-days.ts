import type { Habit } from '../habit';

/**
 * The weekdays a habit's cues count for under the day boundary. A Monday-to-Friday cue at 00:30 with a 04:00
 * boundary is answered on what the person calls Sunday to Thursday night: judge those days, not the calendar's.
 */
export function logicalDays(habit: Habit, dayBoundary: string): number[] {
  if (habit.schedule.startTime >= dayBoundary) return habit.schedule.days;
  return [...new Set(habit.schedule.days.map((d) => (d === 1 ? 7 : d - 1)))].sort((a, b) => a - b);
}

/** The habit as the metrics judge it: its schedule's days moved to the days its cues count for. */
export function judgedHabit(habit: Habit, dayBoundary: string): Habit {
  const days = logicalDays(habit, dayBoundary);
  return days === habit.schedule.days ? habit : { ...habit, schedule: { ...habit.schedule, days } };
}
