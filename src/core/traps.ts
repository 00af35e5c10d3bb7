import type { CheckIn } from './check-in';
import { dashboardHabits, MAX_DASHBOARD_HABITS, type Habit } from './habit';
import { sameHabitName, type HabitInput } from './habit-input';
import { addDays } from './local-time';
import { dailyValues, type DayValue } from './metrics/daily-values';
import { judgedHabit } from './metrics/logical-days';
import type { OutcomeValue } from './metrics/outcome-trend';
import { periodResult, scheduledDates } from './metrics/periods';
import type { Outcome } from './outcome';
import { periodOf, type Period } from './period';

// The guide's two classic traps (metric fixation, set and forget) and a missing lagging indicator, each noticed from
// the data and put to the person as a question, never a verdict. Pure: `now`, `today` and the day boundary come in.

const DAY_MS = 86_400_000;

/** How long "Not now" puts a question away: exactly seven days (168 hours) from the moment it was pressed. */
export const DISMISS_MS = 7 * DAY_MS;
/** Completed ISO weeks in a row a behaviour must meet its target before fixation is asked about. */
export const FIXATION_WEEKS = 3;
/** Logged outcome values the fixation trap compares: the latest three. */
export const FIXATION_VALUES = 3;
/**
 * "Flat": the net change over those values, in the outcome's direction, is within this share of the way from the
 * outcome's baseline to its target (5%: on "40 down to 32 bugs", 0.4 bugs either way).
 */
export const FLAT_TOLERANCE = 0.05;
/** Days without any check-in (today and the seven whole days before it) that count as "set and forget". */
export const QUIET_DAYS = 7;
/** Days with no logged outcome value before "no outcome data" asks for one (and the age an outcome needs first). */
export const NO_DATA_DAYS = 28;
/** The huddle the set-and-forget question offers: 10 minutes, once a week, on the one key behaviour. */
export const HUDDLE_MINUTES = 10;

/** How an outcome's last values moved, read against its direction. */
export type OutcomeMovement = 'improving' | 'flat' | 'away';

/** A weekly 10-minute huddle on the keystone, ready to be saved as a habit in one click. */
export interface HuddlePlan {
  keystoneId: string;
  keystoneName: string;
  /** The form input that creates it through the usual habit validation. */
  input: HabitInput;
}

/** A question about a possible trap. `id` is what a dismissal is keyed by. */
export type TrapQuestion =
  | {
      kind: 'fixation';
      /** `fixation|<habitId>` */
      id: string;
      habitId: string;
      habitName: string;
      outcomeId: string;
      outcomeName: string;
      /** How the outcome's last three values moved: level, or away from the target. */
      movement: 'flat' | 'away';
    }
  | {
      kind: 'set-and-forget';
      /** `set-and-forget`: one question, about the whole loop. */
      id: string;
      /** True when nothing was checked off today or in the seven whole days before. */
      quietCheckOffs: boolean;
      /** Days since the last coaching check-in, when that is longer than the cadence plus a week. */
      daysSinceCheckIn?: number;
      /** The huddle to schedule; absent when an active habit already has its name. */
      huddle?: HuddlePlan;
      /** The keystone (or first dashboard habit) the huddle is about. */
      keystoneName: string;
    }
  | {
      kind: 'no-outcome-data';
      /** `no-outcome-data|<outcomeId>` */
      id: string;
      outcomeId: string;
      outcomeName: string;
      unit: string;
      /** The date of the last value, if there ever was one. */
      lastLoggedOn?: string;
    };

/** Everything the detectors look at. */
export interface TrapInput {
  /** Every stored habit; archived ones are ignored. */
  habits: readonly Habit[];
  /** Every stored outcome; archived ones are ignored. */
  outcomes: readonly Outcome[];
  /** Check-ins of the active habits whose local date lies in [trapWindowStart(today), today]. */
  checkIns: readonly CheckIn[];
  /** Each outcome's latest values (three are enough), by outcome id, any order. */
  outcomeValues: ReadonlyMap<string, readonly OutcomeValue[]>;
  /** Question id → dismissed until (epoch ms). */
  dismissals: Readonly<Record<string, number>>;
  now: number;
  /** The person's local date under their day boundary. */
  today: string;
  dayBoundary: string;
  /** When the last coaching check-in was held (epoch ms); undefined when there never was one. */
  lastCheckInAt?: number;
  /** The check-in cadence the person chose, in days (7 or 14). */
  cadenceDays?: number;
}

/** The first local date whose check-ins the detectors need: the Monday of the oldest week fixation looks at. */
export function trapWindowStart(today: string): string {
  return addDays(periodOf(today, 'week').start, -7 * FIXATION_WEEKS);
}

/** The completed ISO weeks fixation looks at, oldest first: the `FIXATION_WEEKS` before the week holding today. */
export function lastCompletedWeeks(today: string, count = FIXATION_WEEKS): Period[] {
  const weeks: Period[] = [];
  for (let start = periodOf(today, 'week').start; weeks.length < count;) {
    start = addDays(start, -7);
    weeks.unshift({ start, end: addDays(start, 6) });
  }
  return weeks;
}

/**
 * Whether a habit met its target in an ISO week. A weekly target: that week's total reached it. A daily target:
 * every scheduled day of the week (from the habit's start) met it or was skipped, and at least one met it.
 */
export function weekMet(habit: Habit, days: ReadonlyMap<string, DayValue>, week: Period): boolean {
  if (week.end < habit.startsOn) return false;
  if (habit.target.per === 'week') return periodResult(habit, days, week) === 'met';
  const results = scheduledDates(habit, week).map((date) => periodResult(habit, days, { start: date, end: date }));
  return results.includes('met') && results.every((r) => r !== 'not-met');
}

/** True when the habit met its target in each of the three completed weeks before today's. */
export function metThreeWeeksRunning(habit: Habit, days: ReadonlyMap<string, DayValue>, today: string): boolean {
  return lastCompletedWeeks(today).every((week) => weekMet(habit, days, week));
}

/**
 * How an outcome's latest three values moved (undefined with fewer than three). The net change from the oldest to
 * the newest of them, counted positive in the outcome's direction: above the tolerance is "improving", below minus
 * the tolerance is "away", anything between is "flat".
 */
export function outcomeMovement(outcome: Outcome, values: readonly OutcomeValue[]): OutcomeMovement | undefined {
  const latest = newestFirst(values).slice(0, FIXATION_VALUES);
  if (latest.length < FIXATION_VALUES) return undefined;
  const change = (latest[0]!.value - latest.at(-1)!.value) * (outcome.direction === 'up' ? 1 : -1);
  const tolerance = FLAT_TOLERANCE * Math.abs(outcome.target - outcome.baseline);
  if (change > tolerance) return 'improving';
  if (change < -tolerance) return 'away';
  return 'flat';
}

/** The huddle habit for a keystone: "Weekly huddle: <name>", once a week on its first cue day at its time, 10 minutes. */
export function huddlePlan(keystone: Habit, habits: readonly Habit[]): HuddlePlan {
  const name = keystone.name.length > 104 ? `${keystone.name.slice(0, 103).trimEnd()}…` : keystone.name;
  const onDashboard = habits.filter((h) => !h.archived && h.onDashboard).length < MAX_DASHBOARD_HABITS;
  return {
    keystoneId: keystone.id,
    keystoneName: keystone.name,
    input: {
      name: `Weekly huddle: ${name}`,
      outcomeId: keystone.outcomeId ?? '',
      targetKind: 'count',
      targetAmount: '1',
      targetPer: 'week',
      days: [Math.min(...keystone.schedule.days)],
      startTime: keystone.schedule.startTime,
      durationMinutes: String(HUDDLE_MINUTES),
      timeZone: keystone.schedule.timeZone,
      firstStep: `Open the dashboard and look at this week of “${name}”: what helped, and what got in the way?`,
      link: '',
      reward: '',
      keystone: false,
      onDashboard,
    },
  };
}

/** Every trap question that holds now and is not put away, in the order they are asked. */
export function detectTraps(input: TrapInput): TrapQuestion[] {
  const questions = [...setAndForget(input), ...noOutcomeData(input), ...metricFixation(input)];
  return questions.filter((q) => isShown(input.dismissals, q.id, input.now));
}

/** Whether a question is out of its dismissal at `now` (a dismissal ends at exactly its stored instant). */
export function isShown(dismissals: Readonly<Record<string, number>>, id: string, now: number): boolean {
  const until = dismissals[id];
  return until === undefined || until <= now;
}

/** "Not now": put a question away for a week from `now`; dismissals already over are dropped, so the record stays small. */
export function dismiss(dismissals: Readonly<Record<string, number>>, id: string, now: number): Record<string, number> {
  return { ...current(dismissals, now), [id]: now + DISMISS_MS };
}

/** Bring a dismissed question back (the undo of an answer that dismissed it). */
export function undismiss(dismissals: Readonly<Record<string, number>>, id: string, now: number): Record<string, number> {
  const { [id]: _gone, ...rest } = current(dismissals, now);
  return rest;
}

function current(dismissals: Readonly<Record<string, number>>, now: number): Record<string, number> {
  return Object.fromEntries(Object.entries(dismissals).filter(([, until]) => until > now));
}

function active(input: TrapInput) {
  const habits = input.habits.filter((h) => !h.archived);
  const outcomes = input.outcomes.filter((o) => !o.archived);
  return { habits, outcomes };
}

function metricFixation(input: TrapInput): TrapQuestion[] {
  const { habits, outcomes } = active(input);
  const out: TrapQuestion[] = [];
  const oldestRecent = addDays(input.today, 1 - NO_DATA_DAYS);
  for (const stored of habits) {
    const outcome = outcomes.find((o) => o.id === stored.outcomeId);
    if (!outcome) continue;
    const values = input.outcomeValues.get(outcome.id) ?? [];
    // Values older than four weeks are a question for "no outcome data", not a sign of fixation.
    if ((newestFirst(values)[0]?.localDate ?? '') < oldestRecent) continue;
    const movement = outcomeMovement(outcome, values);
    if (movement === undefined || movement === 'improving') continue;
    const habit = judgedHabit(stored, input.dayBoundary);
    const days = dailyValues(input.checkIns.filter((c) => c.habitId === habit.id));
    if (!metThreeWeeksRunning(habit, days, input.today)) continue;
    out.push({
      kind: 'fixation',
      id: `fixation|${habit.id}`,
      habitId: habit.id,
      habitName: habit.name,
      outcomeId: outcome.id,
      outcomeName: outcome.name,
      movement,
    });
  }
  return out;
}

/** The one key behaviour a huddle is about: the keystone, else the dashboard's first habit, else any active one. */
export function keyBehaviour(habits: readonly Habit[]): Habit | undefined {
  const live = habits.filter((h) => !h.archived);
  return live.find((h) => h.keystone) ?? dashboardHabits(live)[0] ?? live[0];
}

function setAndForget(input: TrapInput): TrapQuestion[] {
  const { habits } = active(input);
  const keystone = keyBehaviour(habits);
  if (!keystone) return [];
  const quietFrom = addDays(input.today, -QUIET_DAYS);
  // Only habits that were there through all seven whole days can have been forgotten over them.
  const settled = habits.filter((h) => h.startsOn <= quietFrom);
  const ids = new Set(habits.map((h) => h.id));
  const quietCheckOffs = settled.length > 0 && !input.checkIns.some((c) => ids.has(c.habitId) && c.localDate >= quietFrom && c.localDate <= input.today);
  const sinceCheckIn = input.lastCheckInAt === undefined ? undefined : input.now - input.lastCheckInAt;
  const lateCheckIn = sinceCheckIn !== undefined && input.cadenceDays !== undefined && sinceCheckIn > (input.cadenceDays + 7) * DAY_MS;
  if (!quietCheckOffs && !lateCheckIn) return [];
  const plan = huddlePlan(keystone, input.habits);
  const taken = habits.some((h) => sameHabitName(h.name, plan.input.name));
  return [
    {
      kind: 'set-and-forget',
      id: 'set-and-forget',
      quietCheckOffs,
      ...(lateCheckIn ? { daysSinceCheckIn: Math.floor(sinceCheckIn / DAY_MS) } : {}),
      ...(taken ? {} : { huddle: plan }),
      keystoneName: keystone.name,
    },
  ];
}

function noOutcomeData(input: TrapInput): TrapQuestion[] {
  const { habits, outcomes } = active(input);
  const oldestRecent = addDays(input.today, 1 - NO_DATA_DAYS);
  const out: TrapQuestion[] = [];
  for (const outcome of outcomes) {
    if (!habits.some((h) => h.outcomeId === outcome.id)) continue;
    // A new outcome has not had four weeks to gather a value yet.
    if (input.now - outcome.createdAt < NO_DATA_DAYS * DAY_MS) continue;
    const last = newestFirst(input.outcomeValues.get(outcome.id) ?? [])[0];
    if (last && last.localDate >= oldestRecent) continue;
    out.push({
      kind: 'no-outcome-data',
      id: `no-outcome-data|${outcome.id}`,
      outcomeId: outcome.id,
      outcomeName: outcome.name,
      unit: outcome.unit,
      ...(last ? { lastLoggedOn: last.localDate } : {}),
    });
  }
  return out;
}

function newestFirst(values: readonly OutcomeValue[]): OutcomeValue[] {
  return [...values].sort((a, b) => b.localDate.localeCompare(a.localDate) || b.id.localeCompare(a.id));
}
