// Writes that never race: the options page and the worker each hold their own connection to the same database and
// change the same records (settings, a calendar's credentials, an outbox entry). Each test lets the two interleave at
// the spot where a read-then-put loses a change, and checks both changes are kept; the "before" tests show the old
// read-then-put losing one at that very spot.
import { describe, expect, it } from 'vitest';
import { drainOutbox } from '@/src/adapters/calendar/drain';
import { enqueueSync } from '@/src/adapters/calendar/outbox';
import { dbHandle } from '@/src/adapters/storage/db-handle';
import { IdbCalendarStore } from '@/src/adapters/storage/idb-calendar-store';
import { IdbRepository } from '@/src/adapters/storage/idb-repository';
import { connectCalendar, markReconnect } from '@/src/app/calendar-actions';
import { saveSettings } from '@/src/app/save-settings';
import type { WorkerDeps } from '@/src/app/worker-deps';
import type { OutboxEntry } from '@/src/core/calendar-sync';
import { DEFAULT_SETTINGS, type Settings } from '@/src/core/settings';
import type { StoredAuth } from '@/src/ports/calendar-store';
import { FixedClock } from '../fakes/fixed-clock';
import { aHabit } from '../fakes/habits';
import { testDeps } from '../fakes/test-deps';

/** The options page: its own connection, as a page has. */
function optionsPage() {
  const db = dbHandle();
  return { db, repo: new IdbRepository(db), store: new IdbCalendarStore(db) };
}

/** The worker, on another connection, with a Google account whose sign-in is instant. */
async function worker(): Promise<WorkerDeps> {
  const base = await testDeps();
  const google = {
    syncHabit: async () => {},
    listCues: async () => [],
    drain: async () => ({ synced: 0, failed: 0, reconnectNeeded: false }),
    repair: async () => {},
  };
  return { ...base, remotes: { google: { calendar: google, auth: { connect: async () => {}, disconnect: async () => {} } } } };
}

const FORM = { dayBoundary: '04:00', newTabDashboard: true, dailyCapMinutes: '45', skipWords: ['OOO'] };

describe('settings changed by the options page and the worker at once', () => {
  it('before: both read, then both put the whole record back — the options page’s daily cap is lost', async () => {
    const page = await dbHandle().db();
    const bg = await dbHandle().db();
    const seenByPage: Settings = { ...DEFAULT_SETTINGS, ...(await page.get('settings', 'settings')) };
    const seenByWorker: Settings = { ...DEFAULT_SETTINGS, ...(await bg.get('settings', 'settings')) };
    await page.put('settings', { ...seenByPage, dailyCapMinutes: 45 }, 'settings');
    await bg.put('settings', { ...seenByWorker, calendar: 'google' }, 'settings');
    const after = await optionsPage().repo.settings();
    expect(after.calendar).toBe('google');
    expect(after.dailyCapMinutes).toBe(DEFAULT_SETTINGS.dailyCapMinutes);
  });

  it.each(['options first', 'worker first'] as const)(
    'the options page saves the daily cap while the worker connects Google (%s): both kept',
    async (order) => {
      const page = optionsPage();
      const d = await worker();
      const save = () => saveSettings(page, FORM);
      const connect = () => connectCalendar(d, 'google');
      const [saved] = order === 'options first' ? await Promise.all([save(), connect()]) : (await Promise.all([connect(), save()])).reverse();
      expect(saved).toMatchObject({ ok: true });
      for (const seen of [await page.repo.settings(), await d.repo.settings()]) {
        expect(seen).toEqual({ ...DEFAULT_SETTINGS, dayBoundary: '04:00', dailyCapMinutes: 45, skipWords: ['OOO'], calendar: 'google' });
      }
    },
  );

  it('two changes started together each build on the other: the second is given the first’s result, not the record both began from', async () => {
    const page = optionsPage();
    const d = await worker();
    const seen: Settings[] = [];
    await Promise.all([
      page.repo.updateSettings((stored) => (seen.push(stored), { ...stored, dailyCapMinutes: 45 })),
      d.repo.updateSettings((stored) => (seen.push(stored), { ...stored, calendar: 'outlook' })),
    ]);
    expect(seen).toHaveLength(2);
    expect(seen[0]).toEqual(DEFAULT_SETTINGS);
    expect(seen[1]).not.toEqual(DEFAULT_SETTINGS);
    expect(await page.repo.settings()).toEqual({ ...DEFAULT_SETTINGS, dailyCapMinutes: 45, calendar: 'outlook' });
  });

  it('a form that does not validate changes nothing, and the worker’s calendar stays', async () => {
    const page = optionsPage();
    const d = await worker();
    await connectCalendar(d, 'google');
    expect(await saveSettings(page, { ...FORM, dailyCapMinutes: 'lots' })).toMatchObject({ ok: false, errors: { dailyCapMinutes: expect.any(String) } });
    expect(await page.repo.settings()).toEqual({ ...DEFAULT_SETTINGS, calendar: 'google' });
  });
});

describe('a calendar’s credentials: the reconnect flag and a renewal at once', () => {
  const signedIn: StoredAuth = { provider: 'google', accessToken: 'old', expiresAt: 1_000 };
  const renewed: StoredAuth = { provider: 'google', accessToken: 'new', expiresAt: 3_601_000 };

  it('before: the flag is written on the copy read before a renewal landed — the new token is lost', async () => {
    const d = await worker();
    const other = optionsPage().store;
    await d.store.putAuth(signedIn);
    const seen = (await d.store.auth('google'))!;
    await other.putAuth(renewed);
    await d.store.putAuth({ ...seen, needsReconnect: true });
    expect((await other.auth('google'))?.accessToken).toBe('old');
  });

  it('the worker marks a reconnect just as a renewal lands (after its read, before its write): the new token is kept', async () => {
    const d = await worker();
    const other = optionsPage().store;
    await d.store.putAuth(signedIn);
    let renewal: Promise<void> | undefined;
    const store = d.store;
    // The renewal starts at the very spot the old code was open: the worker has read the record and not yet written.
    const marking: WorkerDeps = {
      ...d,
      store: Object.assign(Object.create(store) as typeof store, {
        updateAuth: (provider: StoredAuth['provider'], change: (stored: StoredAuth) => StoredAuth) =>
          store.updateAuth(provider, (stored) => {
            renewal = other.putAuth(renewed);
            return change(stored);
          }),
      }),
    };
    await markReconnect(marking, 'google', true);
    await renewal;
    // A renewal that worked also means the sign-in works again: its fresh record carries no flag.
    expect(await other.auth('google')).toEqual(renewed);
  });

  it('a renewal landed first, then the flag: both kept; clearing the flag keeps the token too', async () => {
    const d = await worker();
    const other = optionsPage().store;
    await d.store.putAuth(signedIn);
    await other.putAuth(renewed);
    await markReconnect(d, 'google', true);
    expect(await other.auth('google')).toEqual({ ...renewed, needsReconnect: true });
    await markReconnect(d, 'google', false);
    expect(await other.auth('google')).toEqual({ ...renewed, needsReconnect: false });
  });

  it('marking a calendar with no credentials stored writes none', async () => {
    const d = await worker();
    await markReconnect(d, 'google', true);
    expect(await d.store.auth('google')).toBeUndefined();
  });
});

describe('an outbox entry: a failed request’s bookkeeping and a new queueing at once', () => {
  const clock = FixedClock.at('2026-03-02T15:00:00Z');
  const habit = aHabit({ id: 'h1' });

  /** A drain in the worker whose request for h1 fails after `during` ran (the other side's write, mid-request). */
  function drainFailing(store: IdbCalendarStore, during: () => Promise<unknown>) {
    return drainOutbox({
      provider: 'google',
      store,
      clock,
      habits: async () => [habit],
      random: () => 0.5,
      needsSync: () => false,
      syncOne: async () => {
        await during();
        throw new Error('503 backendError');
      },
      removeOne: async () => {
        throw new Error('not asked');
      },
      mode: 'writes',
    });
  }

  it('before: the failure written on the copy read before the request turns a removal queued meanwhile back into a write', async () => {
    const store = new IdbCalendarStore(dbHandle());
    const now = clock.now();
    await enqueueSync(store, 'google', 'h1', now);
    const [read] = await store.outbox('google');
    await store.replaceOutbox('google', () => [{ ...read!, queuedAt: now + 1, attempts: 0, action: 'remove' }]);
    const drainsConnection = await dbHandle().db();
    await drainsConnection.put('outbox', { ...read!, attempts: 1, lastError: '503' });
    expect((await store.outbox('google'))[0]?.action).toBeUndefined();
  });

  it('the person disconnects with “remove” while a write is failing: the removal stays queued, untouched by the failure', async () => {
    const workerStore = new IdbCalendarStore(dbHandle());
    const otherTask = new IdbCalendarStore(dbHandle());
    await enqueueSync(workerStore, 'google', 'h1', clock.now());
    const removal: OutboxEntry = {
      id: 'google|h1',
      provider: 'google',
      habitId: 'h1',
      queuedAt: clock.now() + 1,
      attempts: 0,
      nextAttemptAt: clock.now() + 1,
      action: 'remove',
    };
    const report = await drainFailing(workerStore, () => otherTask.replaceOutbox('google', () => [removal]));
    expect(report).toMatchObject({ synced: 0, failed: 1 });
    expect(await workerStore.outbox('google')).toEqual([removal]);
  });

  it('a page queues the habit again while its write is failing: the new queueing keeps its place and is not backed off', async () => {
    const workerStore = new IdbCalendarStore(dbHandle());
    const page = new IdbCalendarStore(dbHandle());
    await enqueueSync(workerStore, 'google', 'h1', clock.now() - 60_000);
    await drainFailing(workerStore, () => enqueueSync(page, 'google', 'h1', clock.now()));
    expect(await page.outbox('google')).toEqual([
      { id: 'google|h1', provider: 'google', habitId: 'h1', queuedAt: clock.now(), attempts: 0, nextAttemptAt: clock.now() },
    ]);
  });

  it('with nothing queued meanwhile the failure is recorded as before: one more attempt, a backoff, the reason', async () => {
    const workerStore = new IdbCalendarStore(dbHandle());
    await enqueueSync(workerStore, 'google', 'h1', clock.now());
    await drainFailing(workerStore, async () => {});
    expect(await workerStore.outbox('google')).toEqual([
      expect.objectContaining({ attempts: 1, nextAttemptAt: clock.now() + 22_500, lastError: '503 backendError', queuedAt: clock.now() }),
    ]);
  });
});
