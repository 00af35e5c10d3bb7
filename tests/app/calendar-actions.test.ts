import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testShell } from '../fakes/background-shell';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ImplicitGrantAuth } from '@/src/adapters/calendar/google/google-auth';
import { GoogleCalendar } from '@/src/adapters/calendar/google/google-calendar';
import { GoogleClient } from '@/src/adapters/calendar/google/google-client';
import { googleConfig } from '@/src/adapters/calendar/google/google-config';
import { ActiveProvider } from '@/src/adapters/calendar/active-provider';
import { LocalCalendar } from '@/src/adapters/calendar/local/local-calendar';
import { backgroundEvents } from '@/src/app/background-events';
import { calendarStatus } from '@/src/app/calendar-status';
import { OUTBOX_ALARM } from '@/src/app/alarm-names';
import { setHabitArchived } from '@/src/app/save-habit';
import { saveHabit } from '@/src/app/save-habit';
import type { WorkerDeps } from '@/src/app/worker-deps';
import { httpIdentity } from '../fakes/fake-identity';
import { FakeGoogle } from '../fakes/google/fake-google-server';
import { habitInput } from '../fakes/habits';
import { testDeps } from '../fakes/test-deps';

let fake: FakeGoogle;
beforeEach(async () => {
  fake = await new FakeGoogle().start();
});
afterEach(async () => {
  await fake.stop();
});

/** The worker's real calendar wiring, with the fake's hosts and an HTTP identity in place of the browser's. */
async function worker(clientId?: string) {
  const base = await testDeps();
  const config = googleConfig({
    MODE: 'test',
    WXT_GOOGLE_API_BASE: fake.apiBase,
    WXT_GOOGLE_AUTH_URL: fake.authUrl,
    ...(clientId ? { WXT_GOOGLE_CLIENT_ID: clientId } : {}),
  });
  const auth = new ImplicitGrantAuth({ config, identity: httpIdentity(), store: base.store, clock: base.clock });
  const google = new GoogleCalendar({
    client: new GoogleClient({ apiBase: config.apiBase, tokens: auth, sleep: async () => {}, now: () => base.clock.now() }),
    store: base.store,
    habits: () => base.repo.habits(),
    clock: base.clock,
  });
  const local = new LocalCalendar(() => base.repo.habits());
  const deps: WorkerDeps & { clock: typeof base.clock } = {
    ...base,
    remotes: { google: { calendar: google, auth } },
    provider: new ActiveProvider(async () => (await base.repo.settings()).calendar, { local, google }),
  };
  return { deps, events: backgroundEvents(Promise.resolve(deps), testShell()) };
}

describe('calendar actions in the background', () => {
  it('Connect explains what is missing when the build has no Google client, and changes nothing', async () => {
    const { deps, events } = await worker();
    const reply = await events.message({ type: 'calendar-connect', provider: 'google' });
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(/not set up in this build.*WXT_GOOGLE_CLIENT_ID/) });
    expect((await deps.repo.settings()).calendar).toBe('local');
  });

  it('Connect switches cues to Google and writes every habit already there', async () => {
    const { deps, events } = await worker('client');
    const saved = await saveHabit(deps, habitInput({ days: [1, 2, 3, 4, 5, 6, 7] }));
    if (!saved.ok) throw new Error('fixture invalid');
    expect(await events.message({ type: 'calendar-connect', provider: 'google' })).toEqual({ ok: true });
    expect(fake.seriesFor(saved.value.id)).toHaveLength(1);
    expect((await fakeBrowser.alarms.getAll()).filter((a) => a.name.startsWith('cue|'))).toHaveLength(2);
    expect(await calendarStatus(deps.repo, deps.store)).toEqual({ calendar: 'google', connected: true, needsReconnect: false, pending: 0, missing: [] });
  });

  it('when silent renewal fails: a calm reconnect state, the change waits, the alarms stay; reconnecting sends it', async () => {
    const { deps, events } = await worker('client');
    await events.message({ type: 'calendar-connect', provider: 'google' });
    const saved = await saveHabit(deps, habitInput({ days: [1, 2, 3, 4, 5, 6, 7] }));
    if (!saved.ok) throw new Error('fixture invalid');
    await events.syncNetwork();
    const alarms = await fakeBrowser.alarms.getAll();
    fake.silentAuthFails = true;
    deps.clock.advance(2 * 3600_000);
    await saveHabit(deps, habitInput({ days: [1, 2, 3, 4, 5, 6, 7], name: 'Renamed while signed out' }), saved.value.id);
    await events.syncNetwork();
    expect(await calendarStatus(deps.repo, deps.store)).toMatchObject({ needsReconnect: true, pending: 1 });
    expect((await fakeBrowser.alarms.getAll()).filter((a) => a.name.startsWith('cue|'))).toEqual(alarms.filter((a) => a.name.startsWith('cue|')));

    expect(await events.message({ type: 'calendar-connect', provider: 'google' })).toEqual({ ok: true });
    expect(await calendarStatus(deps.repo, deps.store)).toMatchObject({ needsReconnect: false, pending: 0 });
    expect(fake.seriesFor(saved.value.id)[0]?.summary).toBe('Renamed while signed out');
  });

  it('Disconnect forgets the token and hands cues back to the local calendar', async () => {
    const { deps, events } = await worker('client');
    await events.message({ type: 'calendar-connect', provider: 'google' });
    expect(await events.message({ type: 'calendar-disconnect', provider: 'google', removeEvents: false })).toEqual({ ok: true });
    expect(await deps.store.auth('google')).toBeUndefined();
    expect((await deps.repo.settings()).calendar).toBe('local');
  });
});

describe('disconnect, edit, reconnect', () => {
  it('ends the series written before the disconnect instead of leaving it beside the new one', async () => {
    const { deps, events } = await worker('client');
    await events.message({ type: 'calendar-connect', provider: 'google' });
    const saved = await saveHabit(deps, habitInput({ days: [1, 2, 3, 4, 5, 6, 7] }));
    if (!saved.ok) throw new Error('fixture invalid');
    await events.syncNetwork();
    await events.message({ type: 'calendar-disconnect', provider: 'google', removeEvents: false });
    deps.clock.advance(3600_000);
    const moved = await saveHabit(deps, habitInput({ days: [1, 2, 3, 4, 5, 6, 7], startTime: '17:00' }), saved.value.id);
    if (!moved.ok) throw new Error('fixture invalid');
    await events.message({ type: 'calendar-connect', provider: 'google' });
    const series = fake.seriesFor(saved.value.id);
    const open = series.filter((e) => !(e.recurrence as string[]).some((l) => l.includes('UNTIL')) && e.status !== 'cancelled');
    expect(open).toHaveLength(1);
    expect(open[0]?.start.dateTime).toMatch(/T17:00:00$/);
    const alarms = (await fakeBrowser.alarms.getAll()).filter((a) => a.name.startsWith('cue|'));
    expect(alarms.every((a) => new Date(a.scheduledTime).toISOString().endsWith('22:00:00.000Z'))).toBe(true);
  });
});

describe('offline', () => {
  it('keeps cues coming beyond the 48-hour horizon when the calendar cannot be read', async () => {
    const { deps, events } = await worker('client');
    const { SnapshotCalendar } = await import('@/src/adapters/calendar/snapshot-calendar');
    deps.offlineProvider = new ActiveProvider(async () => (await deps.repo.settings()).calendar, {
      local: new LocalCalendar(() => deps.repo.habits()),
      google: new SnapshotCalendar('google', deps.store, deps.clock, new LocalCalendar(() => deps.repo.habits())),
    });
    await events.message({ type: 'calendar-connect', provider: 'google' });
    const saved = await saveHabit(deps, habitInput({ days: [1, 2, 3, 4, 5, 6, 7] }));
    if (!saved.ok) throw new Error('fixture invalid');
    await events.syncNetwork();
    fake.faultPolicy = () => 'network';
    deps.clock.advance(3 * 86_400_000); // three days offline: past the horizon of the last successful poll
    await events.syncNetwork();
    const pending = (await fakeBrowser.alarms.getAll()).filter((a) => a.name.startsWith('cue|') && a.scheduledTime > deps.clock.now());
    expect(pending).toHaveLength(2);
  });
});

describe('Disconnect and remove Cueboard’s events', () => {
  /** Two habits written to Google (one rescheduled, so it also has an ended series) beside an event of the person's own. */
  async function connectedWithEvents() {
    const w = await worker('client');
    await w.events.message({ type: 'calendar-connect', provider: 'google' });
    const ids: string[] = [];
    for (const name of ['Stretch', 'Read', 'Walk']) {
      const saved = await saveHabit(w.deps, habitInput({ name, days: [1, 2, 3, 4, 5, 6, 7] }));
      if (!saved.ok) throw new Error('fixture invalid');
      ids.push(saved.value.id);
    }
    await w.events.syncNetwork();
    w.deps.clock.advance(2 * 86_400_000);
    await saveHabit(w.deps, habitInput({ name: 'Stretch', days: [1, 3, 5], startTime: '07:00' }), ids[0]);
    await setHabitArchived(w.deps, ids[2]!, true);
    await w.events.syncNetwork();
    fake.events.set('dentist1', {
      event: {
        id: 'dentist1',
        status: 'confirmed',
        summary: 'Dentist',
        start: { dateTime: '2026-03-05T10:00:00-05:00' },
        end: { dateTime: '2026-03-05T11:00:00-05:00' },
      },
      exceptions: new Map(),
    });
    const ours = () => ids.flatMap((id) => fake.seriesFor(id));
    expect(ours()).toHaveLength(4);
    expect(ours().every((e) => e.status === 'confirmed')).toBe(true);
    const token = (await w.deps.store.auth('google'))!.accessToken;
    return { ...w, ids, ours, token };
  }

  it('remove: every Cueboard series (ended ones too) is deleted, the person’s own event untouched, then the sign-in is forgotten', async () => {
    const { deps, events, ours, token } = await connectedWithEvents();
    const before = fake.events.size;
    expect(await events.message({ type: 'calendar-disconnect', provider: 'google', removeEvents: true })).toEqual({ ok: true });
    expect(ours().map((e) => e.status)).toEqual(['cancelled', 'cancelled', 'cancelled', 'cancelled']);
    expect(fake.events.get('dentist1')?.event.status).toBe('confirmed');
    expect(fake.events.size).toBe(before);
    expect(await deps.store.auth('google')).toBeUndefined();
    expect(fake.tokens.has(token)).toBe(false);
    expect((await deps.repo.settings()).calendar).toBe('local');
    expect((await deps.store.allSeries('google')).every((r) => r.state === 'removed')).toBe(true);
    expect(await calendarStatus(deps.repo, deps.store)).toEqual({ calendar: 'local', connected: false, needsReconnect: false, pending: 0, missing: [] });
  });

  it('keep: every series stays in Google; only the sign-in goes', async () => {
    const { deps, events, ours } = await connectedWithEvents();
    expect(await events.message({ type: 'calendar-disconnect', provider: 'google', removeEvents: false })).toEqual({ ok: true });
    expect(ours().every((e) => e.status === 'confirmed')).toBe(true);
    expect(await deps.store.auth('google')).toBeUndefined();
  });

  it('a 5xx midway: the rest is removed, the sign-in kept and the person told what is left; the retry finishes without duplicates', async () => {
    const { deps, events, ids, ours } = await connectedWithEvents();
    const stuck = fake.seriesFor(ids[1]!)[0]!.id;
    let failing = true;
    let dropped = false;
    fake.faultPolicy = (method, path) => {
      if (method !== 'DELETE') return undefined;
      if (path.endsWith(stuck) && failing) return '500';
      // One removal lands but its answer is lost: the client's retry meets 410, which counts as done.
      if (!dropped) return ((dropped = true), 'drop');
      return undefined;
    };
    const before = fake.events.size;
    expect(await events.message({ type: 'calendar-disconnect', provider: 'google', removeEvents: true })).toEqual({ ok: true });
    expect(
      ours()
        .filter((e) => e.status !== 'cancelled')
        .map((e) => e.id),
    ).toEqual([stuck]);
    expect(await deps.store.auth('google')).toBeDefined();
    expect((await deps.repo.settings()).calendar).toBe('local');
    expect((await calendarStatus(deps.repo, deps.store)).removing).toMatchObject({
      calendar: 'google',
      left: 1,
      lastErrorKind: 'server',
      lastError: expect.stringContaining('500'),
    });
    expect((await fakeBrowser.alarms.getAll()).some((a) => a.name === OUTBOX_ALARM)).toBe(true);

    // The outbox alarm comes back after the backoff; the calendar works again.
    failing = false;
    deps.clock.advance(3600_000);
    await events.syncNetwork();
    expect(ours().every((e) => e.status === 'cancelled')).toBe(true);
    expect(fake.events.size).toBe(before);
    expect(await deps.store.auth('google')).toBeUndefined();
    expect((await calendarStatus(deps.repo, deps.store)).removing).toBeUndefined();
    // Removing again changes nothing and never fails.
    expect(await events.message({ type: 'calendar-disconnect', provider: 'google', removeEvents: true })).toMatchObject({ ok: expect.any(Boolean) });
    expect(fake.events.size).toBe(before);
  });

  it('the person can try again at once, or leave them', async () => {
    const { deps, events, ids, ours } = await connectedWithEvents();
    const stuck = fake.seriesFor(ids[0]!).map((e) => e.id);
    fake.faultPolicy = (method, path) => (method === 'DELETE' && stuck.some((id) => path.endsWith(id)) ? '500' : undefined);
    await events.message({ type: 'calendar-disconnect', provider: 'google', removeEvents: true });
    expect((await calendarStatus(deps.repo, deps.store)).removing).toMatchObject({ left: 1 });
    fake.faultPolicy = () => undefined;
    // "Try removing again": every waiting removal runs now, whatever its backoff.
    expect(await events.message({ type: 'calendar-disconnect', provider: 'google', removeEvents: true })).toEqual({ ok: true });
    expect(ours().every((e) => e.status === 'cancelled')).toBe(true);
    expect(await deps.store.auth('google')).toBeUndefined();

    const again = await connectedWithEvents();
    fake.faultPolicy = (method) => (method === 'DELETE' ? '500' : undefined);
    await again.events.message({ type: 'calendar-disconnect', provider: 'google', removeEvents: true });
    expect((await calendarStatus(again.deps.repo, again.deps.store)).removing).toMatchObject({ left: 3 });
    // "Leave them and disconnect": the sign-in goes, the waiting removals with it.
    expect(await again.events.message({ type: 'calendar-disconnect', provider: 'google', removeEvents: false })).toEqual({ ok: true });
    expect(await again.deps.store.auth('google')).toBeUndefined();
    expect((await calendarStatus(again.deps.repo, again.deps.store)).removing).toBeUndefined();
  });

  it('when silent renewal fails, removing opens the sign-in window (the person asked) and then finishes', async () => {
    const { deps, events, ours } = await connectedWithEvents();
    fake.silentAuthFails = true;
    deps.clock.advance(2 * 3600_000);
    expect(await events.message({ type: 'calendar-disconnect', provider: 'google', removeEvents: true })).toEqual({ ok: true });
    expect(ours().every((e) => e.status === 'cancelled')).toBe(true);
    expect(await deps.store.auth('google')).toBeUndefined();
  });

  it('connecting again after a removal writes each current series once', async () => {
    const { deps, events, ids } = await connectedWithEvents();
    await events.message({ type: 'calendar-disconnect', provider: 'google', removeEvents: true });
    expect(await events.message({ type: 'calendar-connect', provider: 'google' })).toEqual({ ok: true });
    for (const id of ids.slice(0, 2)) {
      const live = fake.seriesFor(id).filter((e) => e.status === 'confirmed');
      expect(live, id).toHaveLength(1);
    }
    expect(fake.seriesFor(ids[2]!).every((e) => e.status === 'cancelled')).toBe(true);
    expect(await deps.store.outbox('google')).toEqual([]);
  });
});
