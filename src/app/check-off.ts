import type { CheckIn, CheckInSource, CheckInStatus } from '@/src/core/check-in';
import { cueEventFor, markDone, markSkipped, reopenCue } from '@/src/core/cue-event';
import { cueAlarmName } from '@/src/core/cue-plan';
import { localDateOf } from '@/src/core/day-boundary';
import { addDays } from '@/src/core/local-time';
import { checkOffValue } from '@/src/core/progress';
import { dayWindow, openInstance } from '@/src/core/today';
import { ReadableError } from '@/src/ports/readable-error';
import type { Deps } from './deps';
import { todayOf } from './today-date';

export interface CheckOffRequest {
  habitId: string;
  source: CheckInSource;
  status?: CheckInStatus;
  /** The cue instance this answers, if it came from one. Without it, today's open instance is answered, if any. */
  cueAt?: number;
  /**
   * Who it was with, for a habit counted per person: a name from its list. Kept as given; a name no longer on the
   * list (taken off since the page loaded) is still recorded and counts for no one (see countedCheckIns).
   */
  person?: string;
  note?: string;
}

type CheckOffDeps = Pick<Deps, 'repo' | 'clock' | 'newId'> & Partial<Pick<Deps, 'provider' | 'notifier'>>;

/**
 * Record a check-in. An answer to a cue counts for the cue's own day (under the day boundary), whenever it is given;
 * a check-off from the popup or new tab answers today's open cue instance (the latest one passed, else the next
 * one), so the funnel sees it and its prompt is withdrawn. Answering the same instance twice returns the first
 * answer instead of adding a second: a double tap, a prompt still on screen, a retried message never double-count.
 */
export async function checkOff(deps: CheckOffDeps, request: CheckOffRequest): Promise<CheckIn> {
  const { repo, clock, newId } = deps;
  const habit = await repo.habit(request.habitId);
  if (!habit) throw new ReadableError('That habit no longer exists.');
  const status = request.status ?? 'done';
  const { today, now, dayBoundary } = await todayOf({ repo, clock });
  const cueAt = request.cueAt ?? (await todaysOpenCue(deps, habit.id, today, dayBoundary, now));
  const localDate = cueAt === undefined ? today : localDateOf(cueAt, clock.timeZone(), dayBoundary);
  const checkIn: CheckIn = {
    id: newId(),
    habitId: habit.id,
    localDate,
    at: now,
    timeZone: clock.timeZone(),
    value: status === 'done' ? checkOffValue(habit) : 0,
    status,
    source: request.source,
    ...(cueAt !== undefined ? { cueAt } : {}),
    ...(request.person ? { person: request.person } : {}),
    ...(request.note?.trim() ? { note: request.note.trim() } : {}),
  };
  if (cueAt === undefined) {
    await repo.addCheckIn(checkIn);
    return checkIn;
  }
  const added = await repo.addCheckIn(checkIn, (stored) => {
    const event = cueEventFor(stored, habit.id, cueAt);
    if (event.doneAt !== undefined || event.skippedAt !== undefined) return undefined;
    return status === 'done' ? markDone(event, now) : markSkipped(event, now);
  });
  // The instance is answered (now or before): its prompt has nothing left to ask.
  await deps.notifier?.clear(cueAlarmName(habit.id, cueAt)).catch(() => undefined);
  if (added) return checkIn;
  // Answered already (a double tap, the notification and the cue page both pressed, a retried message): hand back
  // that answer instead of counting twice.
  const answered = (await repo.checkIns(habit.id, addDays(localDate, -1), addDays(localDate, 1))).find((c) => c.cueAt === cueAt);
  if (!answered) throw new ReadableError('This cue was already answered.');
  return answered;
}

/** Today's open cue instance of a habit, read without the network; undefined when there is none to answer. */
async function todaysOpenCue(
  { repo, clock, provider }: CheckOffDeps,
  habitId: string,
  today: string,
  dayBoundary: string,
  now: number,
): Promise<number | undefined> {
  if (!provider) return undefined;
  const window = dayWindow(today, clock.timeZone(), dayBoundary);
  const [cues, events] = await Promise.all([provider.listCues(window.from, window.to), repo.cueEvents(habitId, window.from, window.to)]);
  return openInstance(
    cues.filter((c) => c.habitId === habitId).map((c) => c.at),
    events,
    now,
  );
}

/** Take a check-in back; its cue, if any, is open again. */
export function undoCheckIn({ repo }: Pick<Deps, 'repo'>, checkInId: string): Promise<CheckIn | undefined> {
  return repo.removeCheckIn(checkInId, reopenCue);
}
