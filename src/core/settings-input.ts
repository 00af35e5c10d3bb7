import { isHhMm } from './local-time';
import type { Validated } from './result';
import type { Settings } from './settings';

/** Check the settings form; the day boundary must be a time from 00:00 to 06:00 (later would split working days). */
export function validateSettings(input: { dayBoundary: string }): Validated<Pick<Settings, 'dayBoundary'>, 'dayBoundary'> {
  const dayBoundary = input.dayBoundary.trim();
  if (!isHhMm(dayBoundary) || dayBoundary > '06:00') {
    return { ok: false, errors: { dayBoundary: 'The day boundary is a time between 00:00 and 06:00, e.g. 04:00.' } };
  }
  return { ok: true, value: { dayBoundary } };
}
