import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backoffMs, GoogleApiError, GoogleClient, ReconnectNeeded, retryAfterMs } from '@/src/adapters/calendar/google/google-client';
import { RETRY_BUDGET } from '@/src/adapters/calendar/retry';
import { FakeGoogle, type Fault } from '../../../fakes/google/fake-google-server';
import { fakeTokens } from '../../../fakes/google/google-harness';

const NOW = Date.parse('2026-03-02T15:00:00Z');
let fake: FakeGoogle;
beforeEach(async () => {
  fake = await new FakeGoogle().start();
});
afterEach(async () => {
  await fake.stop();
});

/** A client with the production retry budget, whose sleeps are recorded instead of waited, and a fault script. */
function client(faults: (Fault | undefined)[], random = () => 0.5, timeoutMs = 300) {
  const queue = [...faults];
  fake.faultPolicy = () => queue.shift();
  const sleeps: number[] = [];
  const tokens = fakeTokens(fake);
  let requests = 0;
  const c = new GoogleClient({
    apiBase: fake.apiBase,
    tokens,
    sleep: async (ms) => void sleeps.push(ms),
    random,
    now: () => NOW,
    timeoutMs,
    onRequest: () => requests++,
  });
  return { c, sleeps, tokens, requests: () => requests };
}

const list = (c: GoogleClient) => c.request('GET', '/calendars/primary/events');
const total = (sleeps: number[]) => sleeps.reduce((a, b) => a + b, 0);

describe('GoogleClient', () => {
  it('retries rate limits, 5xx and network errors a few times, honouring a short Retry-After', async () => {
    fake.retryAfterSeconds = 1;
    const { c, sleeps, requests } = client(['429', '500', undefined]);
    expect((await list(c)).status).toBe(200);
    // Retry-After 1 s, then the client's own jittered backoff (0.5 × 1 s), all within the 2 s budget.
    expect(sleeps).toEqual([1000, 500]);
    expect(requests()).toBe(3);
  });

  it('retries a request that timed out', async () => {
    const { c, sleeps } = client(['timeout', undefined]);
    expect((await list(c)).status).toBe(200);
    expect(sleeps).toHaveLength(1);
  });

  it('never sleeps through a long Retry-After: it hands the wait to the caller as "not before"', async () => {
    fake.retryAfterSeconds = 120;
    const { c, sleeps, requests } = client(['429', undefined]);
    const error = await list(c).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GoogleApiError);
    expect(error).toMatchObject({ status: 429, kind: 'busy', retryable: true, notBefore: NOW + 120_000 });
    expect(sleeps).toEqual([]);
    expect(requests()).toBe(1);
  });

  it('gives up after three attempts with a retryable error, having slept at most 2 s', async () => {
    const { c, sleeps, requests } = client(['500', '500', '500', undefined], () => 1);
    await expect(list(c)).rejects.toMatchObject({ status: 500, reason: 'backendError', kind: 'server', retryable: true, notBefore: undefined });
    expect(requests()).toBe(3);
    expect(total(sleeps)).toBeLessThanOrEqual(2000);
  });

  it('keeps every fault script within the budget: at most 3 attempts and 2 s of sleeping per request', async () => {
    const faults: Fault[] = ['429', '403-rate', '500', 'network', 'timeout'];
    fake.retryAfterSeconds = 2;
    for (const a of faults) {
      for (const b of faults) {
        const { c, sleeps, requests } = client([a, b, a, b], () => 1, 50);
        await list(c).catch(() => undefined);
        expect(requests(), `${a} ${b}`).toBeLessThanOrEqual(RETRY_BUDGET.maxAttempts);
        expect(total(sleeps), `${a} ${b}`).toBeLessThanOrEqual(RETRY_BUDGET.maxSleepMs);
      }
    }
  });

  it('names the kind of each failure', async () => {
    expect(await list(client(['network', 'network', 'network']).c).catch((e: unknown) => e)).toMatchObject({ status: 0, kind: 'offline' });
    expect(await list(client(['timeout', 'timeout', 'timeout']).c).catch((e: unknown) => e)).toMatchObject({ status: 0, reason: 'timeout', kind: 'offline' });
    expect(await list(client(['403-rate', '403-rate', '403-rate']).c).catch((e: unknown) => e)).toMatchObject({ status: 403, kind: 'busy' });
    expect(new GoogleApiError(403, 'forbidden', 'x', false)).toMatchObject({ kind: 'forbidden' });
    expect(new GoogleApiError(403, 'quotaExceeded', 'x', false)).toMatchObject({ kind: 'busy' });
    expect(new GoogleApiError(400, 'invalid', 'x', false)).toMatchObject({ kind: 'unexpected' });
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
    expect(error).toMatchObject({ status: 400, retryable: false, kind: 'unexpected' });
    expect(sleeps).toEqual([]);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(retryAfterMs('3', 0)).toBe(3000);
    expect(retryAfterMs('Thu, 01 Jan 1970 00:00:10 GMT', 4000)).toBe(6000);
    expect(retryAfterMs('soon', 0)).toBeUndefined();
    expect(retryAfterMs(null, 0)).toBeUndefined();
  });

  it('backs off with full jitter, at most 0.5 s, 1 s, 2 s', () => {
    expect([0, 1, 2, 3].map((attempt) => backoffMs(attempt, 1))).toEqual([500, 1000, 2000, 2000]);
    expect(backoffMs(2, 0.25)).toBe(500);
  });
});
