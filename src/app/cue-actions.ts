import { cueEventFor, cueEventId, markSnoozed, markStarted } from '@/src/core/cue-event';
import type { Habit } from '@/src/core/habit';
import { ReadableError } from '@/src/ports/readable-error';
import type { Deps } from './deps';

async function habitOrThrow(repo: Deps['repo'], habitId: string): Promise<Habit> {
  const habit = await repo.habit(habitId);
  if (!habit) throw new ReadableError('That habit no longer exists.');
  return habit;
}

/** The person took the two-minute start: record it once and hand back the habit (its link opens the work). */
export async function startCue({ repo, clock }: Pick<Deps, 'repo' | 'clock'>, habitId: string, cueAt: number): Promise<Habit> {
  const habit = await habitOrThrow(repo, habitId);
  const now = clock.now();
  await repo.updateCueEvent(cueEventId(habitId, cueAt), (stored) => markStarted(cueEventFor(stored, habitId, cueAt), now));
  return habit;
}

/** Bring the cue back after `minutes`. The caller reconciles alarms so the snooze alarm exists. */
export async function snoozeCue({ repo, clock }: Pick<Deps, 'repo' | 'clock'>, habitId: string, cueAt: number, minutes: number): Promise<number> {
  if (!Number.isFinite(minutes) || minutes <= 0) throw new ReadableError('Snooze needs a positive number of minutes.');
  await habitOrThrow(repo, habitId);
  const until = clock.now() + minutes * 60_000;
  await repo.updateCueEvent(cueEventId(habitId, cueAt), (stored) => markSnoozed(cueEventFor(stored, habitId, cueAt), until));
  return until;
}
