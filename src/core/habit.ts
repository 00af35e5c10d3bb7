import type { Validated } from './result';
import { hasErrors } from './result';
import type { Schedule } from './schedule';
import { scheduleErrors } from './schedule';

/** How much of a behaviour counts as "done" for a period. */
export interface HabitTarget {
  /** Count check-offs ("10 calls") or minutes ("30 min of review"). */
  kind: 'count' | 'minutes';
  amount: number;
  per: 'day' | 'week';
}

/** The smallest start that still counts: the guide's two-minute rule. */
export interface TwoMinuteStart {
  /** The first step, e.g. "Open the pull-request queue". */
  firstStep: string;
  /** Optional http(s) link that opens the work in one click. */
  link?: string;
}

/** A leading behaviour the person controls, with its cue schedule. */
export interface Habit {
  id: string;
  name: string;
  /** The outcome this behaviour is meant to drive, if any. */
  outcomeId?: string;
  target: HabitTarget;
  schedule: Schedule;
  start: TwoMinuteStart;
  /** What the person does or feels after the routine (the guide's "make it satisfying"); shown on check-off. */
  reward?: string;
  /** The one habit that makes the others easier; it leads every dashboard. */
  keystone: boolean;
  /** Whether it takes one of the dashboard's five places. */
  onDashboard: boolean;
  archived: boolean;
  /** Local date the habit began; no cue or "missed" before it. */
  startsOn: string;
  createdAt: number;
  /**
   * When the current schedule took effect (epoch ms). A schedule change starts a new calendar series from here and
   * ends the old one just before, so past cues keep their history.
   */
  scheduleSince: number;
  /** When the habit was archived (epoch ms); its calendar series ends here. */
  archivedAt?: number;
}

/** The dashboard's rule from the coaching guide: 3 to 5 leading metrics, never more. */
export const MAX_DASHBOARD_HABITS = 5;

/** What the habit form hands over, lightly typed. */
export interface HabitInput {
  name: string;
  outcomeId: string;
  targetKind: string;
  targetAmount: string;
  targetPer: string;
  days: number[];
  startTime: string;
  durationMinutes: string;
  timeZone: string;
  firstStep: string;
  link: string;
  /** Empty when there is none. */
  reward: string;
  keystone: boolean;
  onDashboard: boolean;
}

/** The longest reward, in characters: a short phrase, read at a glance on check-off. */
export const MAX_REWARD_LENGTH = 120;

export type HabitField = keyof HabitInput;

/** True for an absolute http: or https: URL: the only links a cue may open. */
export function isWebLink(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** True when two names are the same to a reader: trimmed, Unicode-normalised (NFC) and case-insensitive. */
export function sameHabitName(a: string, b: string): boolean {
  const key = (name: string) => name.trim().normalize('NFC').toLowerCase().normalize('NFC');
  return key(a) === key(b);
}

/** What validation needs to know about the other habits and outcomes. */
export interface HabitContext {
  /** Every stored habit (the one being edited included, if any); active ones' names must not repeat. */
  habits: readonly Habit[];
  outcomeIds: readonly string[];
}

/** Check a habit form and build the habit, or say what to fix. `base` carries identity and history. */
export function validateHabit(
  input: HabitInput,
  base: Pick<Habit, 'id' | 'createdAt' | 'archived' | 'startsOn' | 'scheduleSince'> & Partial<Pick<Habit, 'archivedAt'>>,
  context: HabitContext,
): Validated<Habit, HabitField> {
  const errors: Partial<Record<HabitField, string>> = {};
  const name = input.name.trim();
  if (name === '') errors.name = 'Name the behaviour, e.g. "Review team code".';
  else if (name.length > 120) errors.name = 'Keep the name under 120 characters.';
  else if (!base.archived) {
    // Two active habits with one name would be two cues, two dashboard rows and two calendar series nobody can tell apart.
    const twin = context.habits.find((h) => h.id !== base.id && !h.archived && sameHabitName(h.name, name));
    if (twin) errors.name = `You already have a habit called “${twin.name}”. Give this one a different name, or edit that one.`;
  }

  const kind = input.targetKind === 'minutes' ? 'minutes' : input.targetKind === 'count' ? 'count' : undefined;
  const per = input.targetPer === 'week' ? 'week' : input.targetPer === 'day' ? 'day' : undefined;
  const amount = Number(input.targetAmount);
  if (!kind) errors.targetKind = 'Choose times or minutes.';
  if (!per) errors.targetPer = 'Choose per day or per week.';
  if (input.targetAmount.trim() === '' || !Number.isInteger(amount) || amount < 1 || amount > 10_000) {
    errors.targetAmount = 'The target is a whole number of at least 1.';
  }

  const schedule: Schedule = {
    days: [...new Set(input.days)].sort((a, b) => a - b),
    startTime: input.startTime.trim(),
    durationMinutes: Number(input.durationMinutes),
    timeZone: input.timeZone.trim(),
  };
  Object.assign(errors, scheduleErrors(schedule));

  const firstStep = input.firstStep.trim();
  if (firstStep === '') errors.firstStep = 'Write the first two-minute step, e.g. "Open the review queue".';
  const link = input.link.trim();
  if (link !== '' && !isWebLink(link)) errors.link = 'The link must start with http:// or https://.';
  const reward = input.reward.trim();
  if ([...reward].length > MAX_REWARD_LENGTH) errors.reward = `Keep the reward to ${MAX_REWARD_LENGTH} characters or fewer.`;

  const outcomeId = input.outcomeId.trim();
  if (outcomeId !== '' && !context.outcomeIds.includes(outcomeId)) errors.outcomeId = 'That outcome no longer exists.';

  if (input.onDashboard && !base.archived) {
    const others = context.habits.filter((h) => h.id !== base.id && h.onDashboard && !h.archived).length;
    if (others >= MAX_DASHBOARD_HABITS) {
      errors.onDashboard = `The dashboard holds ${MAX_DASHBOARD_HABITS} habits at most. Leave this one off it, or archive another first.`;
    }
  }

  if (hasErrors(errors)) return { ok: false, errors };
  // Only identity and history come from `base`: a stored habit passed whole must not carry a cleared outcome or reward.
  const { id, createdAt, archived, startsOn, scheduleSince, archivedAt } = base;
  return {
    ok: true,
    value: {
      id,
      createdAt,
      archived,
      startsOn,
      scheduleSince,
      ...(archivedAt !== undefined ? { archivedAt } : {}),
      name,
      ...(outcomeId ? { outcomeId } : {}),
      target: { kind: kind!, amount, per: per! },
      schedule,
      start: { firstStep, ...(link ? { link } : {}) },
      ...(reward ? { reward } : {}),
      keystone: input.keystone,
      onDashboard: input.onDashboard,
    },
  };
}

/** The habit as form input, for editing. */
export function habitToInput(habit: Habit): HabitInput {
  return {
    name: habit.name,
    outcomeId: habit.outcomeId ?? '',
    targetKind: habit.target.kind,
    targetAmount: String(habit.target.amount),
    targetPer: habit.target.per,
    days: [...habit.schedule.days],
    startTime: habit.schedule.startTime,
    durationMinutes: String(habit.schedule.durationMinutes),
    timeZone: habit.schedule.timeZone,
    firstStep: habit.start.firstStep,
    link: habit.start.link ?? '',
    reward: habit.reward ?? '',
    keystone: habit.keystone,
    onDashboard: habit.onDashboard,
  };
}

/** The reward as check-off copy, e.g. "Reward: coffee with the team." (no second full stop if it has one). */
export function rewardText(reward: string): string {
  const text = reward.trim();
  return `Reward: ${text}${/[.!?…]$/u.test(text) ? '' : '.'}`;
}

/** True when two schedules fire at the same wall-clock moments. */
export function sameSchedule(a: Schedule, b: Schedule): boolean {
  return a.startTime === b.startTime && a.durationMinutes === b.durationMinutes && a.timeZone === b.timeZone && a.days.join() === b.days.join();
}

/** Habits for the dashboard: active ones that hold a place, keystone first, then oldest first, five at most. */
export function dashboardHabits(habits: readonly Habit[]): Habit[] {
  return habits
    .filter((h) => !h.archived && h.onDashboard)
    .sort((a, b) => Number(b.keystone) - Number(a.keystone) || a.createdAt - b.createdAt || a.id.localeCompare(b.id))
    .slice(0, MAX_DASHBOARD_HABITS);
}

/** Marking one habit keystone unmarks the others: there is only one. Returns the habits whose flag must drop. */
export function keystonesToClear(habits: readonly Habit[], keystoneId: string): Habit[] {
  return habits.filter((h) => h.keystone && h.id !== keystoneId).map((h) => ({ ...h, keystone: false }));
}
