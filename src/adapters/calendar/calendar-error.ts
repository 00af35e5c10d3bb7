import type { CalendarErrorKind } from '@/src/core/calendar-sync';
import { ReconnectNeeded } from '@/src/ports/reconnect-needed';

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

/**
 * The kind of any failure a calendar write or read may throw: CalendarErrors say theirs; a refused sign-in needs a
 * new one; fetch's own failures (TypeError for offline or a dropped connection, TimeoutError/AbortError for a
 * deadline), e.g. while renewing a token, mean the calendar could not be reached; anything else was unexpected.
 */
export function errorKind(error: unknown): CalendarErrorKind {
  if (error instanceof CalendarError) return error.kind;
  if (error instanceof ReconnectNeeded) return 'signin';
  if (error instanceof TypeError) return 'offline';
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return 'offline';
  return 'unexpected';
}
