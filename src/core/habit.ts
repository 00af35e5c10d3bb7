import type { Schedule } from './schedule';

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
  /**
   * For a habit counted per person (a 1-on-1 with each direct report): their names, trimmed and distinct. Kept only
   * on this machine; the target is then each of them once per period.
   */
  people?: string[];
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
  /**
   * "checkin": the recurring coaching check-in, whose cue opens the check-in rather than a two-minute start.
   * "focus": a deep-work block (see `focus`), whose cue starts a timed, protected session.
   */
  kind?: 'checkin' | 'focus';
  /** For a focus block: its length and what it is for ("the design doc for the billing migration"). */
  focus?: FocusPlan;
}

/** A focus block's plan: minutes of focus (5–240) and a one-line intention (may be empty unless required). */
export interface FocusPlan {
  minutes: number;
  intention: string;
}

/** The dashboard's rule from the coaching guide: 3 to 5 leading metrics, never more. */
export const MAX_DASHBOARD_HABITS = 5;

/** The reward as check-off copy, e.g. "Reward: coffee with the team." (no second full stop if it has one). */
export function rewardText(reward: string): string {
  const text = reward.trim();
  return `Reward: ${text}${/[.!?…]$/u.test(text) ? '' : '.'}`;
}

/** Habits for the dashboard: active ones that hold a place, keystone first, then oldest first, five at most. */
export function dashboardHabits(habits: readonly Habit[]): Habit[] {
  return habits
    .filter((h) => !h.archived && h.onDashboard)
    .sort((a, b) => Number(b.keystone) - Number(a.keystone) || a.createdAt - b.createdAt || a.id.localeCompare(b.id))
    .slice(0, MAX_DASHBOARD_HABITS);
}

// Rules for saving (sameSchedule, keystonesToClear) live in habit-changes.ts: the glance pages never load them.
export { keystonesToClear, sameSchedule } from './habit-changes';
