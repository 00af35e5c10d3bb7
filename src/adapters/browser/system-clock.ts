import type { Clock } from '@/src/ports/clock';

/** The real clock and the zone the browser is in right now. */
export const systemClock: Clock = {
  now: () => Date.now(),
  timeZone: () => Intl.DateTimeFormat().resolvedOptions().timeZone,
};
