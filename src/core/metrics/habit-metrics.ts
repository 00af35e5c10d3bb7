import type { CheckIn } from '../check-in';
import type { CueEvent } from '../cue-event';
import type { Habit } from '../habit';
import { fnv1a, stableJson } from '../hash';
import { addDays } from '../local-time';
import { countedCheckIns } from '../people-progress';
import { periodProgress, type Progress } from '../progress';
import { coachLine } from './coach-copy';
import { judgedHabit } from './logical-days';
import { completion, type Completion } from './completion';
import { dailyValues } from './daily-values';
import { focusWeek, type FocusWeek } from './focus-week';
import { cueFunnel, type Funnel } from './funnel';
import { lastPeriods, periodDone, periodResult, previousPeriod } from './periods';
import { advanceStreak, currentStreak, streakStart, type StreakState } from './streak';
import { advanceStrength, STRENGTH_FORMULA, strengthStart, type StrengthState } from './strength';

/**
 * What is kept between dashboard loads so reads never grow with history: the strength score through yesterday and
 * the streak through the last completed period. Any check-in on or before those dates drops it.
 */
export interface HabitStats {
  habitId: string;
  /** Changes when the target, schedule days, start date or strength formula change: the cache then starts over. */
  configHash: string;
  strength: StrengthState;
  streak: StreakState;
  /**
   * Bumped by every write, including the invalidation an older check-in causes: a load only writes back its numbers
   * if the stamp it read is still there, so a result computed before a backfill never overwrites the invalidation.
   */
  stamp?: number;
}

/** Every number the dashboard shows for a habit. */
export interface HabitMetrics {
  habitId: string;
  name: string;
  keystone: boolean;
  per: 'day' | 'week';
  progress: Progress;
  streak: number;
  /** 0..1. */
  strength: number;
  completion4: Completion;
  completion12: Completion;
  funnel: Funnel;
  /** Done per period, oldest first: the last 12 days, or the last 8 weeks. */
  sparkline: number[];
  coach: string;
  /** For a focus block: this week's minutes and average rating (the check-ins read reach back past its Monday). */
  focus?: FocusWeek;
}

/** Days of history the dashboard looks at besides the cache: 12 weeks. */
export const WINDOW_DAYS = 84;
/** The funnel's window. */
export const FUNNEL_DAYS = 28;

/** Changes when anything the carried-forward numbers depend on changes (for the habit as judged). */
export function statsConfigHash(habit: Habit): string {
  // `people` is left out of the JSON when absent, so habits not counted per person keep their hash.
  return fnv1a(
    stableJson({ target: habit.target, days: habit.schedule.days, startsOn: habit.startsOn, strengthFormula: STRENGTH_FORMULA, people: habit.people }),
  );
}

/** A cache that still fits the habit, or undefined. */
export function usableStats(habit: Habit, stats: HabitStats | undefined): HabitStats | undefined {
  return stats && stats.configHash === statsConfigHash(habit) ? stats : undefined;
}

/** The first local date whose check-ins the metrics need, given the cache (or its absence). */
export function readFrom(habit: Habit, stats: HabitStats | undefined, today: string): string {
  const usable = usableStats(habit, stats);
  const window = addDays(today, 1 - WINDOW_DAYS);
  if (!usable) return [addDays(habit.startsOn, -6), window].sort()[0]!;
  return [window, addDays(usable.strength.through, -6), addDays(usable.streak.through, 1)].sort()[0]!;
}

export interface MetricsInput {
  habit: Habit;
  stats?: HabitStats;
  /** Check-ins from readFrom(...) to today. */
  checkIns: readonly CheckIn[];
  /** Cue events of the funnel window. */
  events: readonly CueEvent[];
  /** Cue instances scheduled in the funnel window up to now, with the local date each counts for. */
  scheduled: readonly { at: number; localDate: string }[];
  today: string;
  /** The person's day boundary: cues before it count for the day before. */
  dayBoundary: string;
}

/** Compute a habit's metrics and the cache to keep for next time. */
export function habitMetrics({ habit: asStored, stats, checkIns, events, scheduled, today, dayBoundary }: MetricsInput): {
  metrics: HabitMetrics;
  stats: HabitStats;
} {
  const habit = judgedHabit(asStored, dayBoundary);
  const mine = checkIns.filter((c) => c.habitId === habit.id);
  // Per person, each listed person counts once per period (see countedCheckIns).
  const days = dailyValues(countedCheckIns(habit, mine));
  const usable = usableStats(habit, stats);
  const yesterday = addDays(today, -1);
  const strengthThroughYesterday = advanceStrength(habit, usable?.strength ?? strengthStart(habit), days, yesterday);
  const streakState = advanceStreak(habit, usable?.streak ?? streakStart(habit), days, today);
  const strengthToday = advanceStrength(habit, strengthThroughYesterday, days, today);
  const rate4 = completion(habit, days, today, 4);
  const lastAsked = lastScheduledPeriod(habit, days, today);
  const streak = currentStreak(habit, streakState, days, today);
  const ageDays = Temporal.PlainDate.from(habit.startsOn).until(Temporal.PlainDate.from(today)).days;
  const progress: Progress = periodProgress(habit, checkIns, today);
  return {
    metrics: {
      habitId: habit.id,
      name: habit.name,
      keystone: habit.keystone,
      per: habit.target.per,
      progress,
      streak,
      strength: strengthToday.score,
      completion4: rate4,
      completion12: completion(habit, days, today, 12),
      funnel: cueFunnel(scheduled, events, days),
      sparkline: lastPeriods(habit, today, habit.target.per === 'day' ? 12 : 8).map((p) => (p.end < habit.startsOn ? 0 : periodDone(days, p))),
      coach: coachLine({
        per: habit.target.per,
        streak,
        ...(lastAsked ? { lastPeriodMet: periodResult(habit, days, lastAsked) !== 'not-met' } : {}),
        ...(rate4.rate !== undefined ? { rate4: rate4.rate } : {}),
        ageDays,
      }),
      ...(habit.kind === 'focus' ? { focus: focusWeek(mine, today) } : {}),
    },
    stats: { habitId: habit.id, configHash: statsConfigHash(habit), strength: strengthThroughYesterday, streak: streakState },
  };
}

/** The latest completed period that asked for something (skipping weekends of a weekday habit), within 2 weeks. */
function lastScheduledPeriod(habit: Habit, days: ReturnType<typeof dailyValues>, today: string) {
  let period = previousPeriod(habit, today);
  for (let i = 0; i < 14 && period.end >= habit.startsOn; i++, period = previousPeriod(habit, period.start)) {
    if (habit.target.per === 'week' || periodResult(habit, days, period) !== 'skipped' || (days.get(period.start)?.skipped ?? false)) return period;
  }
  return undefined;
}
