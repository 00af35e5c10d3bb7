import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GoogleApiError, GoogleClient, ReconnectNeeded, retryAfterMs } from '@/src/adapters/calendar/google/google-client';
import { FakeGoogle, type Fault } from '../../../fakes/google/fake-google-server';
import { fakeTokens } from '../../../fakes/google/google-harness';

let fake: FakeGoogle;
beforeEach(async () => {
  fake = await new FakeGoogle().start();
});
afterEach(async () => {
  await fake.stop();
});

/** A client whose sleeps are recorded instead of waited, and a fault script for the next requests. */
function client(faults: (Fault | undefined)[], maxAttempts = 5) {
  const queue = [...faults];
  fake.faultPolicy = () => queue.shift();
  const sleeps: number[] = [];
  const tokens = fakeTokens(fake);
  let requests = 0;
  const c = new GoogleClient({
    apiBase: fake.apiBase,
    tokens,
    sleep: async (ms) => void sleeps.push(ms),
    random: () => 0.5,
    maxAttempts,
    timeoutMs: 300,
    onRequest: () => requests++,
  });
  return { c, sleeps, tokens, requests: () => requests };
}

const list = (c: GoogleClient) => c.request('GET', '/calendars/primary/events');

describe('GoogleClient', () => {
  it('honours Retry-After on 429 and backs off with jitter on 403 rate limits, 5xx and network errors', async () => {
    fake.retryAfterSeconds = 7;
    const { c, sleeps, requests } = client(['429', '403-rate', '500', 'network', undefined]);
    expect((await list(c)).status).toBe(200);
    expect(sleeps).toEqual([7000, 1000, 2000, 4000]);
    expect(requests()).toBe(5);
  });

  it('retries a request that timed out', async () => {
    const { c, sleeps } = client(['timeout', undefined]);
    expect((await list(c)).status).toBe(200);
    expect(sleeps).toHaveLength(1);
  });

  it('gives up after the last attempt with a retryable error', async () => {
    const { c } = client(['500', '500', '500'], 3);
    await expect(list(c)).rejects.toMatchObject({ status: 500, reason: 'backendError', retryable: true });
  });

  it('refreshes the token once on 401, then asks to reconnect', async () => {
    const once = client(['401', undefined]);
    expect((await list(once.c)).status).toBe(200);
    expect(once.tokens.renewals).toBe(1);
    const twice = client(['401', '401']);
    await expect(list(twice.c)).rejects.toBeInstanceOf(ReconnectNeeded);
  });

  it('returns permanent errors at once, with Google’s reason', async () => {
    const { c, sleeps } = client([]);
    const error = await c.request('POST', '/calendars/primary/events', { body: { id: 'BAD', start: {}, end: {} } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GoogleApiError);
    expect(error).toMatchObject({ status: 400, retryable: false });
    expect(sleeps).toEqual([]);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(retryAfterMs('3', 0)).toBe(3000);
    expect(retryAfterMs('Thu, 01 Jan 1970 00:00:10 GMT', 4000)).toBe(6000);
    expect(retryAfterMs('soon', 0)).toBeUndefined();
    expect(retryAfterMs(null, 0)).toBeUndefined();
  });
});
