import type { CheckIn, CheckInSource, CheckInStatus } from '@/src/core/check-in';
import { cueEventFor, markDone, markSkipped, reopenCue } from '@/src/core/cue-event';
import { addDays } from '@/src/core/local-time';
import { checkOffValue } from '@/src/core/progress';
import type { Deps } from './deps';
import { todayOf } from './today-date';

export interface CheckOffRequest {
  habitId: string;
  source: CheckInSource;
  status?: CheckInStatus;
  /** The cue instance this answers, if it came from one. */
  cueAt?: number;
  note?: string;
}

/**
 * Record a check-in under today's local date (day boundary applied). Answering the same cue twice returns
 * the first answer instead of adding a second: a double tap or a retried message never double-counts.
 */
export async function checkOff({ repo, clock, newId }: Pick<Deps, 'repo' | 'clock' | 'newId'>, request: CheckOffRequest): Promise<CheckIn> {
  const habit = await repo.habit(request.habitId);
  if (!habit) throw new Error('That habit no longer exists.');
  const status = request.status ?? 'done';
  const { today, now } = await todayOf({ repo, clock });
  const checkIn: CheckIn = {
    id: newId(),
    habitId: habit.id,
    localDate: today,
    at: now,
    timeZone: clock.timeZone(),
    value: status === 'done' ? checkOffValue(habit) : 0,
    status,
    source: request.source,
    ...(request.cueAt !== undefined ? { cueAt: request.cueAt } : {}),
    ...(request.note?.trim() ? { note: request.note.trim() } : {}),
  };
  if (request.cueAt === undefined) {
    await repo.addCheckIn(checkIn);
    return checkIn;
  }
  const cueAt = request.cueAt;
  const added = await repo.addCheckIn(checkIn, (stored) => {
    const event = cueEventFor(stored, habit.id, cueAt);
    if (event.doneAt !== undefined || event.skippedAt !== undefined) return undefined;
    return status === 'done' ? markDone(event, now) : markSkipped(event, now);
  });
  if (added) return checkIn;
  // Answered already (a double tap, the notification and the cue page both pressed, a retried message): hand back
  // that answer instead of counting twice.
  const answered = (await repo.checkIns(habit.id, addDays(today, -7), today)).find((c) => c.cueAt === cueAt);
  if (!answered) throw new Error('This cue was already answered.');
  return answered;
}

/** Take a check-in back; its cue, if any, is open again. */
export function undoCheckIn({ repo }: Pick<Deps, 'repo'>, checkInId: string): Promise<CheckIn | undefined> {
  return repo.removeCheckIn(checkInId, reopenCue);
}
