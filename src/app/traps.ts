import type { Habit } from '@/src/core/habit';
import type { HabitField } from '@/src/core/habit-input';
import type { Validated } from '@/src/core/result';
import { detectTraps, dismiss, FIXATION_VALUES, huddlePlan, keyBehaviour, trapWindowStart, undismiss, type TrapQuestion } from '@/src/core/traps';
import type { Deps } from './deps';
import { logOutcomeValue } from './log-outcome';
import { saveHabit, setHabitArchived } from './save-habit';
import { todayOf } from './today-date';

/** What the coaching check-ins know, when they exist: the last one held and the cadence chosen. */
export interface CheckInRhythm {
  /** When the last coaching check-in was held (epoch ms); undefined when there never was one. */
  lastCheckInAt?: number;
  /** Weekly (7) or every two weeks (14). */
  cadenceDays?: number;
}

/** The trap questions to ask now, with the person's local date (the inline outcome value is logged for it). */
export interface TrapsView {
  today: string;
  questions: TrapQuestion[];
}

/** The id of the set-and-forget question (there is one, about the whole loop). */
export const SET_AND_FORGET_ID = 'set-and-forget';

/**
 * Read what the detectors need, in reads bounded by the window and not by history: per active habit its check-ins
 * since the Monday three weeks before this one (at most 28 days), per outcome in play its latest three values, and
 * the dismissals. `rhythm` carries the coaching check-ins' dates once that feature supplies them.
 */
export async function loadTraps({ repo, clock }: Pick<Deps, 'repo' | 'clock'>, rhythm: CheckInRhythm = {}): Promise<TrapsView> {
  const [{ today, dayBoundary, now }, habits, outcomes, dismissals] = await Promise.all([
    todayOf({ repo, clock }),
    repo.habits(),
    repo.outcomes(),
    repo.trapDismissals(),
  ]);
  const live = habits.filter((h) => !h.archived);
  const inPlay = outcomes.filter((o) => !o.archived && live.some((h) => h.outcomeId === o.id));
  const from = trapWindowStart(today);
  const [checkIns, values] = await Promise.all([
    Promise.all(live.map((h) => repo.checkIns(h.id, from, today))),
    Promise.all(inPlay.map(async (o) => [o.id, await repo.outcomeValues(o.id, FIXATION_VALUES)] as const)),
  ]);
  const questions = detectTraps({
    habits,
    outcomes,
    checkIns: checkIns.flat(),
    outcomeValues: new Map(values),
    dismissals,
    now,
    today,
    dayBoundary,
    ...(rhythm.lastCheckInAt !== undefined ? { lastCheckInAt: rhythm.lastCheckInAt } : {}),
    ...(rhythm.cadenceDays !== undefined ? { cadenceDays: rhythm.cadenceDays } : {}),
  });
  return { today, questions };
}

/** "Not now", or any answer: the question is put away for exactly a week. */
export async function dismissTrap({ repo, clock }: Pick<Deps, 'repo' | 'clock'>, id: string): Promise<void> {
  await repo.updateTrapDismissals((stored) => dismiss(stored, id, clock.now()));
}

/** Bring a question back at once (the undo of an answer that put it away). */
export async function restoreTrap({ repo, clock }: Pick<Deps, 'repo' | 'clock'>, id: string): Promise<void> {
  await repo.updateTrapDismissals((stored) => undismiss(stored, id, clock.now()));
}

/**
 * The set-and-forget answer in one click: a 10-minute weekly huddle on the key behaviour, made from the habits as
 * they are now and saved through the usual validation (so a full dashboard or a taken name is refused, not forced).
 * Scheduling it answers the question for the week.
 */
export async function scheduleHuddle(deps: Pick<Deps, 'repo' | 'clock' | 'provider' | 'newId'>): Promise<Validated<Habit, HabitField>> {
  const habits = await deps.repo.habits();
  const keystone = keyBehaviour(habits);
  if (!keystone) return { ok: false, errors: { name: 'There is no habit to hold a huddle on yet.' } };
  const saved = await saveHabit(deps, huddlePlan(keystone, habits).input);
  if (saved.ok) await dismissTrap(deps, SET_AND_FORGET_ID);
  return saved;
}

/** Undo the huddle: archive it (its calendar series ends; nothing was logged on it yet) and ask the question again. */
export async function undoHuddle(deps: Pick<Deps, 'repo' | 'clock' | 'provider' | 'newId'>, habitId: string): Promise<void> {
  await setHabitArchived(deps, habitId, true);
  await restoreTrap(deps, SET_AND_FORGET_ID);
}

/** This week's value of an outcome, asked inline by the no-outcome-data question: logged for today. */
export async function logTrapValue(
  deps: Pick<Deps, 'repo' | 'clock' | 'newId'>,
  outcomeId: string,
  value: string,
): Promise<{ ok: true } | { ok: false; error: string }> {
  const { today } = await todayOf(deps);
  return logOutcomeValue(deps, outcomeId, { value, localDate: today });
}
