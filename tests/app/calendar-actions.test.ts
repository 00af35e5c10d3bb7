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
  const config = googleConfig({ MODE: 'test', WXT_GOOGLE_API_BASE: fake.apiBase, WXT_GOOGLE_AUTH_URL: fake.authUrl, ...(clientId ? { WXT_GOOGLE_CLIENT_ID: clientId } : {}) });
  const auth = new ImplicitGrantAuth({ config, identity: httpIdentity(), store: base.store, clock: base.clock });
  const google = new GoogleCalendar({ client: new GoogleClient({ apiBase: config.apiBase, tokens: auth, sleep: async () => {} }), store: base.store, habits: () => base.repo.habits(), clock: base.clock });
  const local = new LocalCalendar(() => base.repo.habits());
  const deps: WorkerDeps & { clock: typeof base.clock } = { ...base, remotes: { google: { calendar: google, auth } }, provider: new ActiveProvider(async () => (await base.repo.settings()).calendar, { local, google }) };
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
    expect(await events.message({ type: 'calendar-disconnect', provider: 'google' })).toEqual({ ok: true });
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
    await events.message({ type: 'calendar-disconnect', provider: 'google' });
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
