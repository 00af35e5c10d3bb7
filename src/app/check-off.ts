import type { CheckIn, CheckInSource, CheckInStatus } from '@/src/core/check-in';
import { cueEventFor, cueEventId, markDone, markSkipped, reopenCue } from '@/src/core/cue-event';
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

  let cueEvent;
  if (request.cueAt !== undefined) {
    const stored = await repo.cueEvent(cueEventId(habit.id, request.cueAt));
    if (stored?.doneAt !== undefined || stored?.skippedAt !== undefined) {
      const answered = (await repo.checkIns(habit.id, today, today)).find((c) => c.cueAt === request.cueAt);
      if (answered) return answered;
    }
    const event = cueEventFor(stored, habit.id, request.cueAt);
    cueEvent = status === 'done' ? markDone(event, now) : markSkipped(event, now);
  }

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
  await repo.addCheckIn(checkIn, cueEvent);
  return checkIn;
}

/** Take a check-in back; its cue, if any, is open again. */
export function undoCheckIn({ repo }: Pick<Deps, 'repo'>, checkInId: string): Promise<CheckIn | undefined> {
  return repo.removeCheckIn(checkInId, reopenCue);
}
