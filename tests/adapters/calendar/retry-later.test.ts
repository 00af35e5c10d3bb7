// A calendar that asks Cueboard to wait longer than the worker may sleep (429/503 with a long Retry-After): nothing
// sleeps through it, the outbox entry waits until at least that instant (its alarm brings the worker back), nothing
// is lost and the retry makes no second event.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RETRY_BUDGET } from '@/src/adapters/calendar/retry';
import { saveHabit } from '@/src/app/save-habit';
import type { Deps } from '@/src/app/deps';
import { FakeGoogle } from '../../fakes/google/fake-google-server';
import { googleHarness } from '../../fakes/google/google-harness';
import { FakeGraph } from '../../fakes/outlook/fake-graph-server';
import { outlookHarness, recordRetrySleeps } from '../../fakes/outlook/outlook-harness';
import { habitInput } from '../../fakes/habits';

const total = (sleeps: number[]) => sleeps.reduce((a, b) => a + b, 0);

async function twoHabits(deps: Deps): Promise<string[]> {
  const ids: string[] = [];
  for (const name of ['Stretch', 'Read']) {
    const saved = await saveHabit(deps, habitInput({ name, days: [1, 2, 3, 4, 5, 6, 7] }));
    if (!saved.ok) throw new Error('fixture invalid');
    ids.push(saved.value.id);
  }
  return ids;
}

describe('Google: Retry-After beyond the in-worker budget', () => {
  let fake: FakeGoogle;
  beforeEach(async () => {
    fake = await new FakeGoogle().start();
  });
  afterEach(async () => {
    await fake.stop();
  });

  it('429 with Retry-After 120: no sleep over the cap, the entry waits ≥ 120 s, the rest is held back, then all land once', async () => {
    const h = await googleHarness(fake, undefined, () => 0.5);
    const ids = await twoHabits(h.deps);
    fake.retryAfterSeconds = 120;
    let throttled = true;
    fake.faultPolicy = (method) => (method === 'POST' && throttled ? '429' : undefined);
    const start = h.clock.now();

    expect(await h.google.drain()).toEqual({ synced: 0, failed: 1, reconnectNeeded: false });
    expect(total(h.sleeps)).toBeLessThanOrEqual(RETRY_BUDGET.maxSleepMs);
    expect(h.sleeps.every((ms) => ms < 120_000)).toBe(true);
    expect(h.requests.filter((r) => r.startsWith('POST'))).toHaveLength(1);
    const outbox = await h.store.outbox('google');
    expect(outbox.map((e) => e.habitId).sort()).toEqual([...ids].sort());
    expect(outbox.every((e) => e.nextAttemptAt >= start + 120_000)).toBe(true);
    expect(outbox.find((e) => e.attempts === 1)).toMatchObject({ lastError: expect.stringContaining('429'), lastErrorKind: 'busy' });

    throttled = false;
    h.clock.advance(60_000);
    expect(await h.google.drain()).toEqual({ synced: 0, failed: 0, reconnectNeeded: false });
    h.clock.advance(61_000);
    expect(await h.google.drain()).toEqual({ synced: 2, failed: 0, reconnectNeeded: false });
    expect(await h.store.outbox('google')).toEqual([]);
    for (const id of ids) expect(fake.seriesFor(id)).toHaveLength(1);
  });

  it('a create that landed but whose answer was lost, then 429: the retry after the wait updates the same event', async () => {
    const h = await googleHarness(fake, undefined, () => 0.5);
    const saved = await saveHabit(h.deps, habitInput({ days: [1, 2, 3, 4, 5, 6, 7] }));
    if (!saved.ok) throw new Error('fixture invalid');
    fake.retryAfterSeconds = 120;
    const script = ['drop', '429'] as const;
    let i = 0;
    fake.faultPolicy = (method) => (method === 'POST' ? script[i++] : undefined);
    await h.google.drain();
    const [entry] = await h.store.outbox('google');
    expect(entry!.nextAttemptAt).toBeGreaterThanOrEqual(h.clock.now() + 120_000);
    h.clock.advance(121_000);
    expect(await h.google.drain()).toMatchObject({ synced: 1 });
    expect(fake.seriesFor(saved.value.id)).toHaveLength(1);
    expect(total(h.sleeps)).toBeLessThanOrEqual(RETRY_BUDGET.maxSleepMs);
  });
});

describe('Outlook: Retry-After beyond the in-worker budget', () => {
  let fake: FakeGraph;
  let sleeps: number[];
  beforeEach(async () => {
    fake = await new FakeGraph().start();
    sleeps = recordRetrySleeps();
  });
  afterEach(async () => {
    await fake.stop();
  });

  it('429 with Retry-After 120: no sleep, the entry waits ≥ 120 s, the rest is held back, then each series is created once', async () => {
    const h = await outlookHarness(fake, undefined, () => 0.5);
    const ids = await twoHabits(h.deps);
    fake.retryAfterSeconds = 120;
    let throttled = true;
    fake.faultPolicy = (method) => (method === 'POST' && throttled ? '429' : undefined);
    const start = h.clock.now();

    expect(await h.outlook.drain()).toEqual({ synced: 0, failed: 1, reconnectNeeded: false });
    expect(sleeps).toEqual([]);
    const outbox = await h.store.outbox('outlook');
    expect(outbox).toHaveLength(2);
    expect(outbox.every((e) => e.nextAttemptAt >= start + 120_000)).toBe(true);
    expect(outbox.find((e) => e.attempts === 1)).toMatchObject({ lastError: expect.stringContaining('429'), lastErrorKind: 'busy' });

    throttled = false;
    h.clock.advance(121_000);
    expect(await h.outlook.drain()).toEqual({ synced: 2, failed: 0, reconnectNeeded: false });
    for (const id of ids) expect(fake.seriesFor(id)).toHaveLength(1);
  });

  it('503 with Retry-After 120 on an update: the write waits ≥ 120 s, sleeps stay within the budget, nothing is lost', async () => {
    const h = await outlookHarness(fake, undefined, () => 0.5);
    const saved = await saveHabit(h.deps, habitInput({ days: [1, 2, 3, 4, 5, 6, 7] }));
    if (!saved.ok) throw new Error('fixture invalid');
    await h.outlook.drain();
    await saveHabit(h.deps, habitInput({ days: [1, 2, 3, 4, 5, 6, 7], name: 'Renamed' }), saved.value.id);
    fake.retryAfterSeconds = 120;
    fake.faultPolicy = (method) => (method === 'PATCH' ? '503' : undefined);
    await h.outlook.drain();
    const [entry] = await h.store.outbox('outlook');
    expect(entry).toMatchObject({ attempts: 1, lastError: expect.stringContaining('503'), lastErrorKind: 'server' });
    expect(entry!.nextAttemptAt).toBeGreaterThanOrEqual(h.clock.now() + 120_000);
    expect(total(sleeps)).toBeLessThanOrEqual(RETRY_BUDGET.maxSleepMs);
    fake.faultPolicy = () => undefined;
    h.clock.advance(121_000);
    await h.outlook.drain();
    expect(fake.seriesFor(saved.value.id).map((e) => e.subject)).toEqual(['Renamed']);
  });

  it('a short Retry-After is slept through (within the budget) and the write lands in the same drain', async () => {
    const h = await outlookHarness(fake, undefined, () => 0.5);
    const saved = await saveHabit(h.deps, habitInput({ days: [1, 2, 3, 4, 5, 6, 7] }));
    if (!saved.ok) throw new Error('fixture invalid');
    fake.retryAfterSeconds = 1;
    let first = true;
    fake.faultPolicy = (method) => (method === 'POST' && first ? ((first = false), '429') : undefined);
    expect(await h.outlook.drain()).toMatchObject({ synced: 1 });
    expect(sleeps).toEqual([1000]);
    expect(fake.seriesFor(saved.value.id)).toHaveLength(1);
  });
});
