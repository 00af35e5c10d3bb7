import type { CheckIn } from './check-in';
import type { Habit } from './habit';
import { periodOf, type Period } from './period';

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
}

/** Sum the done check-ins of the habit's current period. Check-ins outside the period are ignored. */
export function periodProgress(habit: Habit, checkIns: readonly CheckIn[], today: string): Progress {
  const period = periodOf(today, habit.target.per);
  const done = checkIns
    .filter((c) => c.habitId === habit.id && c.status === 'done' && c.localDate >= period.start && c.localDate <= period.end)
    .reduce((sum, c) => sum + c.value, 0);
  const target = habit.target.amount;
  return {
    period,
    per: habit.target.per,
    unit: habit.target.kind,
    done,
    target,
    met: done >= target,
    fraction: Math.min(1, done / target),
  };
}

/** The value one check-off adds: one time, or the cue's minutes for a minutes target. */
export function checkOffValue(habit: Habit): number {
  return habit.target.kind === 'minutes' ? habit.schedule.durationMinutes : 1;
}
