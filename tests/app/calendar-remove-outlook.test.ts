// "Disconnect and remove" for Outlook through the real Graph client and OutlookAuth against the fake Graph server.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ActiveProvider } from '@/src/adapters/calendar/active-provider';
import { LocalCalendar } from '@/src/adapters/calendar/local/local-calendar';
import { graphClient } from '@/src/adapters/calendar/outlook/graph-client';
import { OutlookAuth } from '@/src/adapters/calendar/outlook/outlook-auth';
import { OutlookCalendar } from '@/src/adapters/calendar/outlook/outlook-calendar';
import { outlookConfig } from '@/src/adapters/calendar/outlook/outlook-config';
import { connectCalendar, disconnectCalendar, syncCalendar } from '@/src/app/calendar-actions';
import { calendarStatus } from '@/src/app/calendar-status';
import { saveHabit } from '@/src/app/save-habit';
import type { WorkerDeps } from '@/src/app/worker-deps';
import { httpIdentity } from '../fakes/fake-identity';
import { habitInput } from '../fakes/habits';
import { FakeGraph } from '../fakes/outlook/fake-graph-server';
import { recordedSleep } from '../fakes/outlook/outlook-harness';
import { testDeps } from '../fakes/test-deps';

let fake: FakeGraph;
beforeEach(async () => {
  fake = await new FakeGraph().start();
});
afterEach(async () => {
  await fake.stop();
});

/** The worker's Outlook wiring against the fake, connected, with two habits written beside an event of the person's own. */
async function connected() {
  const base = await testDeps();
  fake.now = base.clock.now();
  const config = outlookConfig({ MODE: 'test', WXT_GRAPH_API_BASE: fake.url, WXT_MS_AUTH_BASE: fake.authBase, WXT_MS_CLIENT_ID: 'spa-client' });
  const auth = new OutlookAuth({ config, identity: httpIdentity(), store: base.store, clock: base.clock });
  const outlook = new OutlookCalendar({
    client: graphClient({ origin: fake.url, tokens: auth, sleep: recordedSleep, timeoutMs: 2000 }),
    origin: fake.url,
    store: base.store,
    habits: () => base.repo.habits(),
    clock: base.clock,
  });
  const local = new LocalCalendar(() => base.repo.habits());
  const deps: WorkerDeps & { clock: typeof base.clock } = {
    ...base,
    remotes: { outlook: { calendar: outlook, auth } },
    provider: new ActiveProvider(async () => (await base.repo.settings()).calendar, { local, outlook }),
  };
  await connectCalendar(deps, 'outlook');
  const ids: string[] = [];
  for (const name of ['Stretch', 'Read']) {
    const saved = await saveHabit(deps, habitInput({ name, days: [1, 2, 3, 4, 5, 6, 7] }));
    if (!saved.ok) throw new Error('fixture invalid');
    ids.push(saved.value.id);
  }
  await syncCalendar(deps);
  fake.events.set('lunch1', {
    event: {
      id: 'lunch1',
      type: 'singleInstance',
      subject: 'Lunch',
      start: { dateTime: '2026-03-05T12:00:00', timeZone: 'UTC' },
      end: { dateTime: '2026-03-05T13:00:00', timeZone: 'UTC' },
    },
    exceptions: new Map(),
  });
  const ours = () => ids.flatMap((id) => fake.seriesFor(id));
  expect(ours()).toHaveLength(2);
  return { deps, ids, ours };
}

describe('Outlook: disconnect and remove', () => {
  it('remove: every Cueboard series is deleted, the person’s own event stays, the sign-in is forgotten', async () => {
    const { deps, ours } = await connected();
    await disconnectCalendar(deps, 'outlook', true);
    expect(ours()).toEqual([]);
    expect([...fake.events.keys()]).toEqual(['lunch1']);
    expect(await deps.store.auth('outlook')).toBeUndefined();
    expect((await deps.repo.settings()).calendar).toBe('local');
  });

  it('keep: the series stay', async () => {
    const { deps, ours } = await connected();
    await disconnectCalendar(deps, 'outlook', false);
    expect(ours()).toHaveLength(2);
    expect(await deps.store.auth('outlook')).toBeUndefined();
  });

  it('a 503 midway is told and retried by the outbox without duplicates; the sign-in goes once all are removed', async () => {
    const { deps, ids, ours } = await connected();
    const stuck = fake.seriesFor(ids[0]!)[0]!.id;
    let failing = true;
    fake.retryAfterSeconds = 120;
    fake.faultPolicy = (method, path) => (method === 'DELETE' && path.endsWith(stuck) && failing ? '503' : undefined);
    await disconnectCalendar(deps, 'outlook', true);
    expect(ours().map((e) => e.id)).toEqual([stuck]);
    expect(await deps.store.auth('outlook')).toBeDefined();
    const status = await calendarStatus(deps.repo, deps.store);
    expect(status).toMatchObject({ calendar: 'local', removing: { calendar: 'outlook', left: 1, lastErrorKind: 'server' } });
    const [entry] = await deps.store.outbox('outlook');
    expect(entry!.nextAttemptAt).toBeGreaterThanOrEqual(deps.clock.now() + 120_000);

    failing = false;
    deps.clock.advance(60_000);
    await syncCalendar(deps);
    expect(ours()).toHaveLength(1); // not before the calendar said
    deps.clock.advance(61_000);
    await syncCalendar(deps);
    expect(ours()).toEqual([]);
    expect([...fake.events.keys()]).toEqual(['lunch1']);
    expect(await deps.store.auth('outlook')).toBeUndefined();
    expect((await calendarStatus(deps.repo, deps.store)).removing).toBeUndefined();
  });

  it('connecting again after a removal creates each series once, under a new transactionId', async () => {
    const { deps, ids } = await connected();
    const before = fake.seriesFor(ids[0]!)[0]!.transactionId;
    await disconnectCalendar(deps, 'outlook', true);
    await connectCalendar(deps, 'outlook');
    await syncCalendar(deps);
    for (const id of ids) expect(fake.seriesFor(id)).toHaveLength(1);
    expect(fake.seriesFor(ids[0]!)[0]!.transactionId).not.toBe(before);
  });
});
