import type { CheckIn } from './check-in';
import type { Habit } from './habit';
import { periodOf, type Period } from './period';
import { countedCheckIns, personKey } from './people-progress';

/** How far a habit is toward its target in the period that holds `today`. */
export interface Progress {
  period: Period;
  per: 'day' | 'week';
  unit: 'count' | 'minutes';
  done: number;
  target: number;
  met: boolean;
  /** 0..1, for a bar. */
  fraction: number;
  /** For a habit counted per person: its list, and who has not had one yet this period (in the list's order). */
  people?: string[];
  notYet?: string[];
}

/**
 * Sum the done check-ins of the habit's current period (each person once, for a habit counted per person, whose
 * target is its number of people). Check-ins outside the period are ignored.
 */
export function periodProgress(habit: Habit, checkIns: readonly CheckIn[], today: string): Progress {
  const period = periodOf(today, habit.target.per);
  const mine = countedCheckIns(
    habit,
    checkIns.filter((c) => c.habitId === habit.id && c.status === 'done' && c.localDate >= period.start && c.localDate <= period.end),
  );
  const done = mine.reduce((sum, c) => sum + c.value, 0);
  const target = habit.target.amount;
  return {
    period,
    per: habit.target.per,
    unit: habit.target.kind,
    done,
    target,
    met: done >= target,
    fraction: Math.min(1, done / target),
    ...(habit.people?.length
      ? { people: habit.people, notYet: habit.people.filter((p) => !mine.some((c) => c.value && personKey(c.person) === personKey(p))) }
      : {}),
  };
}

/** The value one check-off adds: one time, or the cue's minutes for a minutes target. */
export function checkOffValue(habit: Habit): number {
  return habit.target.kind === 'minutes' ? habit.schedule.durationMinutes : 1;
}
