import type { CalendarErrorKind } from '@/src/core/calendar-sync';

/**
 * A calendar request that failed, with the kind of failure the person is told about and, when waiting makes sense,
 * the instant before which a retry is pointless (epoch ms): the server's Retry-After, handed to the outbox instead of
 * being slept through in the worker.
 */
export class CalendarError extends Error {
  constructor(
    readonly kind: CalendarErrorKind,
    message: string,
    readonly notBefore?: number,
  ) {
    super(message);
    this.name = 'CalendarError';
  }
}
