import { isHhMm, isTimeZone } from './local-time';
import type { Schedule } from './schedule';

/** Problems with a schedule, by field; empty when it is usable. */
export function scheduleErrors(schedule: Schedule): Partial<Record<'days' | 'startTime' | 'durationMinutes' | 'timeZone' | 'everyWeeks', string>> {
  const errors: Partial<Record<'days' | 'startTime' | 'durationMinutes' | 'timeZone' | 'everyWeeks', string>> = {};
  const validDays = schedule.days.filter((d) => Number.isInteger(d) && d >= 1 && d <= 7);
  if (validDays.length === 0) errors.days = 'Pick at least one day for the cue.';
  else if (validDays.length !== schedule.days.length) errors.days = 'Days must be Monday to Sunday.';
  if (!isHhMm(schedule.startTime)) errors.startTime = 'Enter a time as HH:MM, for example 14:00.';
  const d = schedule.durationMinutes;
  if (!Number.isInteger(d) || d < 1 || d > 24 * 60) errors.durationMinutes = 'Duration is a whole number of minutes from 1 to 1440.';
  if (!isTimeZone(schedule.timeZone)) errors.timeZone = `"${schedule.timeZone}" is not a time zone this browser knows (try Europe/Berlin).`;
  if (schedule.everyWeeks !== undefined && (schedule.everyWeeks as number) !== 2) errors.everyWeeks = 'Repeat every week or every two weeks.';
  return errors;
}
