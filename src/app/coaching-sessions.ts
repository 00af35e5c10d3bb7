import { newSession, sessionProblem, type Cadence, type CoachingSession } from '@/src/core/coaching-session';
import { dashboardHabits, type Habit } from '@/src/core/habit';
import { habitToInput } from '@/src/core/habit-input';
import type { MeasureKind } from '@/src/core/experiment';
import type { CoachingStore } from '@/src/ports/coaching-store';
import type { Deps } from './deps';
import { startExperiment } from './experiments';
import { saveHabit } from './save-habit';
import { todayOf } from './today-date';

type SessionDeps = Pick<Deps, 'repo' | 'clock' | 'provider' | 'newId'> & { coach: CoachingStore };

/** One behaviour as the data review shows it: check-offs since the last conversation. */
export interface ReviewedHabit {
  habitId: string;
  name: string;
  keystone: boolean;
  doneSince: number;
  skippedSince: number;
}

/** What a check-in opens with: the session in progress (or a new one) and the data since the last conversation. */
export async function openSession(
  deps: SessionDeps,
): Promise<{ session: CoachingSession; review: ReviewedHabit[]; history: CoachingSession[]; habits: Habit[]; checkInHabit?: Habit }> {
  const { repo, coach, clock, newId } = deps;
  const [sessions, habits, { today }] = await Promise.all([coach.sessions(), repo.habits(), todayOf(deps)]);
  const finished = sessions.filter((s) => s.finishedAt !== undefined);
  const open = sessions.find((s) => s.finishedAt === undefined);
  const session = open ?? newSession(newId(), clock.now(), today, finished.at(-1)?.until);
  const shown = dashboardHabits(habits);
  const review = await Promise.all(
    shown.map(async (h): Promise<ReviewedHabit> => {
      const checkIns = await repo.checkIns(h.id, session.since, session.until);
      return {
        habitId: h.id,
        name: h.name,
        keystone: h.keystone,
        doneSince: checkIns.filter((c) => c.status === 'done').length,
        skippedSince: checkIns.filter((c) => c.status === 'skipped').length,
      };
    }),
  );
  const checkInHabit = habits.find((h) => h.kind === 'checkin' && !h.archived);
  return {
    session,
    review,
    history: finished.reverse(),
    habits: habits.filter((h) => !h.archived && h.kind !== 'checkin'),
    ...(checkInHabit ? { checkInHabit } : {}),
  };
}

/** Keep the session as typed so far (a check-in left half-way comes back as it was). */
export async function keepSession(deps: Pick<SessionDeps, 'coach'>, session: CoachingSession): Promise<void> {
  await deps.coach.putSession(session);
}

/** The commitment, turned into something that runs: a two-week experiment on the focus behaviour, or nothing yet. */
export type Turn = { kind: 'none' } | { kind: 'habit' } | { kind: 'experiment'; measureLabel: string; measureKind: MeasureKind };

export type FinishResult = { ok: true; session: CoachingSession } | { ok: false; error: string; field?: string };

/**
 * End the check-in: it needs a commitment. Turned into an experiment, the experiment starts today on the focus
 * behaviour with the micro-experiment idea (or the commitment) as its hypothesis; the session records what it became.
 */
export async function finishSession(deps: SessionDeps, session: CoachingSession, turn: Turn): Promise<FinishResult> {
  const problem = sessionProblem(session);
  if (problem) return { ok: false, error: problem, field: 'commitment' };
  let outcome: CoachingSession['outcome'];
  if (turn.kind === 'habit') {
    // A habit change: the focus behaviour's form opens from the saved check-in, ready to edit.
    if (!session.focusHabitId || !(await deps.repo.habit(session.focusHabitId)))
      return { ok: false, error: 'Pick the behaviour to focus on first (part 3).', field: 'focus' };
    outcome = { kind: 'habit', habitId: session.focusHabitId };
  }
  if (turn.kind === 'experiment') {
    const habit = session.focusHabitId ? await deps.repo.habit(session.focusHabitId) : undefined;
    if (!habit) return { ok: false, error: 'Pick the behaviour to focus on first (part 3).', field: 'focus' };
    const started = await startExperiment(
      deps,
      { hypothesis: session.experimentIdea.trim() || session.commitment, measureKind: turn.measureKind, measureLabel: turn.measureLabel, length: '14-days' },
      { kind: 'change', habitId: habit.id, habit: habitToInput(habit) },
    );
    if (!started.ok) {
      const [field, error] = Object.entries({ ...started.errors, ...started.habitErrors })[0] ?? ['commitment', 'The experiment could not start.'];
      return { ok: false, error: error ?? 'The experiment could not start.', field };
    }
    outcome = { kind: 'experiment', experimentId: started.experiment.id };
  }
  const done: CoachingSession = { ...session, finishedAt: deps.clock.now(), ...(outcome ? { outcome } : {}) };
  await deps.coach.putSession(done);
  return { ok: true, session: done };
}

/**
 * The next check-in as a recurring cue in the calendar that holds the cues (local, Google or Outlook, through the same
 * provider port): a habit of kind "checkin", weekly or every two weeks as the cadence says, off the dashboard, whose
 * prompt opens the check-in. A change of cadence is a schedule change: the calendar ends the old series, starts a new one.
 */
export async function scheduleCheckIns(deps: SessionDeps, when: { cadence: Cadence; day: number; time: string; timeZone: string }) {
  const habits = await deps.repo.habits();
  const existing = habits.find((h) => h.kind === 'checkin' && !h.archived);
  const { everyWeeks: _was, ...kept } = existing ? habitToInput(existing) : {};
  const input = {
    ...kept,
    ...(when.cadence === 'biweekly' ? { everyWeeks: 2 as const } : {}),
    name: 'Coaching check-in',
    outcomeId: '',
    targetKind: 'count',
    targetAmount: '1',
    targetPer: 'week',
    days: [when.day],
    startTime: when.time,
    durationMinutes: '30',
    timeZone: when.timeZone,
    firstStep: 'Open the check-in and look at the data',
    link: '',
    reward: '',
    keystone: false,
    onDashboard: false,
  };
  return saveHabit(deps, input, existing?.id, 'checkin');
}
