import { GraphError } from '@microsoft/microsoft-graph-client';
import { describe, expect, it } from 'vitest';
import { CalendarError, errorKind } from '@/src/adapters/calendar/calendar-error';
import { toCalendarError } from '@/src/adapters/calendar/outlook/graph-client';
import { ReconnectNeeded } from '@/src/ports/reconnect-needed';

function graphError(status: number, code: string, retryAfter?: string): GraphError {
  const error = new GraphError(status, 'message from Graph');
  error.code = code;
  if (retryAfter) error.headers = new Headers({ 'Retry-After': retryAfter });
  return error;
}

describe('failure kinds', () => {
  it('names every failure by type, not by its words', () => {
    expect(errorKind(new CalendarError('busy', 'x'))).toBe('busy');
    expect(errorKind(new ReconnectNeeded())).toBe('signin');
    expect(errorKind(new TypeError('Failed to fetch'))).toBe('offline');
    expect(errorKind(new DOMException('timed out', 'TimeoutError'))).toBe('offline');
    expect(errorKind(new Error('Outlook did not return the new event.'))).toBe('unexpected');
    expect(errorKind('odd')).toBe('unexpected');
  });

  it('turns Graph’s errors into kinds, with Retry-After as "not before" on the caller’s clock', () => {
    const now = Date.parse('2026-03-02T15:00:00Z');
    expect(toCalendarError(graphError(429, 'ApplicationThrottled', '120'), now)).toMatchObject({ kind: 'busy', notBefore: now + 120_000 });
    expect(toCalendarError(graphError(503, 'ServiceUnavailable'), now)).toMatchObject({ kind: 'server', notBefore: undefined });
    expect(toCalendarError(graphError(403, 'ErrorAccessDenied'), now)).toMatchObject({ kind: 'forbidden' });
    expect(toCalendarError(graphError(400, 'ErrorInvalidParameter'), now)).toMatchObject({
      kind: 'unexpected',
      message: expect.stringContaining('400 ErrorInvalidParameter'),
    });
    expect(toCalendarError(graphError(-1, 'TypeError'), now)).toMatchObject({ kind: 'offline' });
    expect(toCalendarError(graphError(-1, 'ReconnectNeeded'), now)).toBeInstanceOf(ReconnectNeeded);
    const plain = new Error('not Graph’s');
    expect(toCalendarError(plain, now)).toBe(plain);
  });
});
