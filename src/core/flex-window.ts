import { isHhMm } from './local-time';

/**
 * A flexible habit's window: its cue block may go anywhere from `from` to `to` (wall clock in the schedule's zone),
 * as near as possible to the schedule's start time (the ideal), at least `bufferMinutes` after a meeting ends.
 */
export interface FlexWindow {
  /** Earliest start, 24-hour "HH:MM". */
  from: string;
  /** Latest end, 24-hour "HH:MM", later than `from` on the same day. */
  to: string;
  /** The gap kept after a meeting before the block starts, 0 to 60 minutes. */
  bufferMinutes: number;
}

/** The gap after a meeting when the person sets none: enough to get a coffee. */
export const DEFAULT_BUFFER_MINUTES = 5;

/** The longest gap after a meeting; more would leave most afternoons without a slot. */
export const MAX_BUFFER_MINUTES = 60;

/** The fields a window's problems are shown beside; `startTime` is the ideal time. */
export type FlexWindowField = 'window.from' | 'window.to' | 'window.buffer' | 'startTime';

/** Minutes since midnight of an "HH:MM" wall time. */
export function wallMinutes(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** "HH:MM" of a number of minutes since midnight (0 to 1439). */
function wallTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** A length in words: "1 minute", "30 minutes", "1 hour", "1 hour 30 minutes", "2 hours". */
export function durationWords(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const hourWords = hours === 0 ? '' : `${hours} hour${hours === 1 ? '' : 's'}`;
  const minuteWords = rest === 0 && hours > 0 ? '' : `${rest} minute${rest === 1 ? '' : 's'}`;
  return [hourWords, minuteWords].filter((w) => w !== '').join(' ');
}

/** A length before a noun: "30-minute", "2-hour", "90-minute" (whole hours read as hours, anything else in minutes). */
export function durationAdjective(minutes: number): string {
  return minutes >= 60 && minutes % 60 === 0 ? `${minutes / 60}-hour` : `${minutes}-minute`;
}

/**
 * What is wrong with a window for a block of `durationMinutes` ideally starting at `ideal`, by field; empty when it
 * is usable. The ideal block must fit inside the window, or the recurring series (which stays at the ideal time)
 * would stick out of it and be moved every single day. Checks that need a valid ideal time or duration are left
 * out when those are invalid: the schedule's own errors already say so.
 */
export function flexWindowErrors(window: FlexWindow, ideal: string, durationMinutes: number): Partial<Record<FlexWindowField, string>> {
  const errors: Partial<Record<FlexWindowField, string>> = {};
  const b = window.bufferMinutes;
  if (!Number.isInteger(b) || b < 0 || b > MAX_BUFFER_MINUTES) errors['window.buffer'] = `A gap after meetings is 0 to ${MAX_BUFFER_MINUTES} minutes.`;
  if (!isHhMm(window.from)) errors['window.from'] = 'Enter the window’s start as HH:MM, for example 13:00.';
  if (!isHhMm(window.to)) errors['window.to'] = 'Enter the window’s end as HH:MM, for example 17:00.';
  if (errors['window.from'] || errors['window.to']) return errors;

  const from = wallMinutes(window.from);
  const to = wallMinutes(window.to);
  if (to <= from) {
    // A window across midnight would belong to two days at once; the finder plans one day at a time.
    errors['window.to'] = `The window must end after it starts (${window.from}), on the same day.`;
    return errors;
  }
  if (!Number.isInteger(durationMinutes) || durationMinutes < 1) return errors;
  if (to - from < durationMinutes) {
    errors['window.to'] = `The window (${window.from}–${window.to}) is shorter than the ${durationAdjective(durationMinutes)} block.`;
    return errors;
  }
  if (!isHhMm(ideal)) return errors;
  const start = wallMinutes(ideal);
  const latest = to - durationMinutes;
  if (start < from || start > latest) {
    errors.startTime =
      latest === from
        ? `The ideal time must be ${window.from}: only then does the ${durationAdjective(durationMinutes)} block fit in the window.`
        : `Pick an ideal time from ${window.from} to ${wallTime(latest)}, so the ${durationAdjective(durationMinutes)} block fits in the window.`;
  }
  return errors;
}
