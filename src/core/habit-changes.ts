import type { Habit } from './habit';
import type { Schedule } from './schedule';

/** True when two schedules fire at the same wall-clock moments. */
export function sameSchedule(a: Schedule, b: Schedule): boolean {
  return (
    a.startTime === b.startTime &&
    a.durationMinutes === b.durationMinutes &&
    a.timeZone === b.timeZone &&
    a.days.join() === b.days.join() &&
    (a.everyWeeks ?? 1) === (b.everyWeeks ?? 1)
  );
}

/** Marking one habit keystone unmarks the others: there is only one. Returns the habits whose flag must drop. */
export function keystonesToClear(habits: readonly Habit[], keystoneId: string): Habit[] {
  return habits.filter((h) => h.keystone && h.id !== keystoneId).map((h) => ({ ...h, keystone: false }));
}
