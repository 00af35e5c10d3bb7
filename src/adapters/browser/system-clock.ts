import type { Clock } from '@/src/ports/clock';

/** The real clock and the zone the browser is in right now. Its functions need no `this`, so pages may pass `systemClock.now` on. */
export const systemClock = {
  now: () => Date.now(),
  timeZone: () => Intl.DateTimeFormat().resolvedOptions().timeZone,
} satisfies Clock;
