import type { Habit } from './habit';
import { expandSchedule, type ScheduledInstant } from './schedule';

/** The first cue of the habit's current schedule at or after `scheduleSince`: a calendar series starts there. */
export function firstCue(habit: Habit): ScheduledInstant {
  // Within eight days every weekly schedule with at least one day has an occurrence (the anchor week holds one).
  const [first] = expandSchedule(habit.schedule, habit.scheduleSince, habit.scheduleSince + 8 * 86_400_000, habit.startsOn);
  if (first) return first;
  // A start date far ahead: look from that date instead.
  const from = Temporal.PlainDate.from(habit.startsOn).toZonedDateTime({ timeZone: habit.schedule.timeZone }).epochMilliseconds;
  const [later] = expandSchedule(habit.schedule, from, from + 8 * 86_400_000, habit.startsOn, habit.scheduleSince);
  if (!later) throw new Error(`Schedule of ${habit.id} has no occurrence`);
  return later;
}
