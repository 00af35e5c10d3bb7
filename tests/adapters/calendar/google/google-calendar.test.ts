import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { googleEventBody, googleEventId } from '@/src/adapters/calendar/google/event-body';
import { reconcileAlarms } from '@/src/app/reconcile-alarms';
import { saveHabit, setHabitArchived } from '@/src/app/save-habit';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { FakeGoogle } from '../../../fakes/google/fake-google-server';
import { googleHarness } from '../../../fakes/google/google-harness';
import { habitInput } from '../../../fakes/habits';

const ms = (iso: string) => Temporal.Instant.from(iso).epochMilliseconds;
let fake: FakeGoogle;
beforeEach(async () => {
  fake = await new FakeGoogle().start();
});
afterEach(async () => {
  await fake.stop();
});

async function created(h: Awaited<ReturnType<typeof googleHarness>>, input = habitInput({ days: [1, 2, 3, 4, 5, 6, 7] })) {
  const saved = await saveHabit(h.deps, input);
  if (!saved.ok) throw new Error('fixture invalid');
  return saved.value;
}

describe('GoogleCalendar', () => {
  it('creates one recurring event per habit with the wanted fields, and an unchanged habit costs no request', async () => {
    const h = await googleHarness(fake);
    const habit = await created(h);
    expect(await h.google.drain()).toEqual({ synced: 1, failed: 0, reconnectNeeded: false });
    const [series] = fake.seriesFor(habit.id);
    expect(series).toMatchObject({ ...googleEventBody(habit), status: 'confirmed' });
    const before = h.requests.length;
    await h.google.drain();
    expect(h.requests.length).toBe(before);
  });

  it('patches the series on a rename, and ends it with UNTIL and starts a new one on a schedule change', async () => {
    const h = await googleHarness(fake);
    const habit = await created(h);
    await h.google.drain();
    await saveHabit(h.deps, habitInput({ days: [1, 2, 3, 4, 5, 6, 7], name: 'Review code' }), habit.id);
    await h.google.drain();
    expect(fake.seriesFor(habit.id).map((e) => e.summary)).toEqual(['Review code']);

    h.clock.set('2026-03-04T16:00:00Z');
    const moved = await saveHabit(h.deps, habitInput({ days: [1, 3, 5], name: 'Review code', startTime: '16:00' }), habit.id);
    if (!moved.ok) throw new Error('fixture invalid');
    await h.google.drain();
    const all = fake.seriesFor(habit.id);
    expect(all).toHaveLength(2);
    expect(all.find((e) => e.id === googleEventId(habit.id, habit.scheduleSince))?.recurrence).toEqual(['RRULE:FREQ=DAILY;UNTIL=20260304T155959Z']);
    expect(all.find((e) => e.id === googleEventId(habit.id, moved.value.scheduleSince))).toMatchObject({
      recurrence: ['RRULE:FREQ=WEEKLY;BYDAY=MO,WE,FR'],
      start: { dateTime: '2026-03-04T16:00:00', timeZone: 'America/New_York' },
    });
  });

  it('ends the series when the habit is archived', async () => {
    const h = await googleHarness(fake);
    const habit = await created(h);
    await h.google.drain();
    h.clock.set('2026-03-05T12:00:00Z');
    await setHabitArchived(h.deps, habit.id, true);
    await h.google.drain();
    expect(fake.seriesFor(habit.id)[0]?.recurrence).toEqual(['RRULE:FREQ=DAILY;UNTIL=20260305T120000Z']);
  });

  it('reads cues from the calendar: a moved instance fires at its new time, a cancelled one not at all', async () => {
    const h = await googleHarness(fake);
    const habit = await created(h);
    await h.google.drain();
    const id = googleEventId(habit.id, habit.scheduleSince);
    fake.moveInstance(id, ms('2026-03-03T19:00:00Z'), ms('2026-03-03T21:15:00Z'));
    const instanceId = `${id}_20260302T190000Z`;
    const del = await fetch(`${fake.apiBase}/calendars/primary/events/${instanceId}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${fake.issueToken()}` },
    });
    expect(del.status).toBe(204);

    const before = h.requests.length;
    const diff = await reconcileAlarms(h.deps);
    expect(h.requests.length - before).toBe(1);
    // Window (now, now + 48 h]: Monday's 19:00 was cancelled, Tuesday's moved to 21:15; Wednesday's is past the window.
    expect(diff.create.map((a) => new Date(a.when).toISOString())).toEqual(['2026-03-03T21:15:00.000Z']);
    expect((await fakeBrowser.alarms.getAll()).map((a) => a.name)).toEqual(diff.create.map((a) => a.name));
    expect(await h.store.snapshot('google')).toMatchObject({ cues: expect.arrayContaining([{ habitId: habit.id, at: ms('2026-03-03T21:15:00Z') }]) });
  });

  it('marks a series deleted in Google as missing, and one click repairs it', async () => {
    const h = await googleHarness(fake);
    const habit = await created(h);
    await h.google.drain();
    const id = googleEventId(habit.id, habit.scheduleSince);
    fake.deleteSeries(id);
    expect(await h.google.listCues(ms('2026-03-02T15:00:00Z'), ms('2026-03-04T15:00:00Z'))).toEqual([]);
    expect((await h.store.series('google', habit.id))[0]?.state).toBe('missing');
    // Missing stays missing until the person asks: no automatic rewrite behind their back.
    await h.google.drain();
    expect(fake.events.get(id)?.event.status).toBe('cancelled');

    await h.google.repair(habit.id);
    await h.google.drain();
    expect(fake.events.get(id)?.event.status).toBe('confirmed');
    expect(await h.google.listCues(ms('2026-03-02T15:00:00Z'), ms('2026-03-04T15:00:00Z'))).toHaveLength(2);
    expect((await h.store.series('google', habit.id))[0]?.state).toBe('active');
  });

  it('keeps a failed write in the outbox with a backoff, and a later drain finishes it', async () => {
    const h = await googleHarness(fake);
    const habit = await created(h);
    fake.faultPolicy = () => '500';
    expect(await h.google.drain()).toMatchObject({ synced: 0, failed: 1 });
    const [entry] = await h.store.outbox('google');
    expect(entry).toMatchObject({ habitId: habit.id, attempts: 1, lastError: '500 backendError: Backend Error', lastErrorKind: 'server' });
    expect(entry!.nextAttemptAt).toBeGreaterThan(h.clock.now());
    fake.faultPolicy = () => undefined;
    expect(await h.google.drain()).toMatchObject({ synced: 0 });
    h.clock.advance(60 * 60_000);
    expect(await h.google.drain()).toMatchObject({ synced: 1 });
    expect(await h.store.outbox('google')).toEqual([]);
    expect(fake.seriesFor(habit.id)).toHaveLength(1);
  });

  it('a crash after Google committed but before the record: the retry updates the same event (409), never a second', async () => {
    const h = await googleHarness(fake);
    const habit = await created(h);
    let first = true;
    fake.faultPolicy = (method) => (method === 'POST' && first ? ((first = false), 'drop') : undefined);
    await h.google.drain();
    h.clock.advance(60 * 60_000);
    await h.google.drain();
    expect(fake.seriesFor(habit.id)).toHaveLength(1);
    expect(h.requests.filter((r) => r.startsWith('POST'))).toHaveLength(2);
    expect(h.requests.filter((r) => r.startsWith('PATCH'))).toHaveLength(1);
  });

  it('refuses a malformed list response and changes no alarm', async () => {
    const h = await googleHarness(fake);
    await created(h);
    await h.google.drain();
    await reconcileAlarms(h.deps);
    const alarms = await fakeBrowser.alarms.getAll();
    const broken = new (await import('@/src/adapters/calendar/google/google-client')).GoogleClient({
      apiBase: fake.apiBase,
      tokens: { token: async () => fake.issueToken() },
      fetch: async () => new Response(JSON.stringify({ items: 'not a list' }), { status: 200 }),
    });
    const { GoogleCalendar } = await import('@/src/adapters/calendar/google/google-calendar');
    const badProvider = new GoogleCalendar({ client: broken, store: h.store, habits: () => h.repo.habits(), clock: h.clock });
    await expect(reconcileAlarms({ ...h.deps, provider: badProvider })).rejects.toThrow(/cannot read/);
    expect(await fakeBrowser.alarms.getAll()).toEqual(alarms);
  });
});

describe('GoogleCalendar, series that must not linger', () => {
  it('deletes a series that never fired instead of ending it before its first instance (DTSTART always counts)', async () => {
    const h = await googleHarness(fake);
    const habit = await created(h, habitInput({ days: [1, 2, 3, 4, 5, 6, 7], startTime: '16:00' })); // first cue today 21:00Z
    await h.google.drain();
    await setHabitArchived(h.deps, habit.id, true); // 15:00Z: before the first cue
    await h.google.drain();
    expect(fake.events.get(googleEventId(habit.id, habit.scheduleSince))?.event.status).toBe('cancelled');
    const list = await fetch(`${fake.apiBase}/calendars/primary/events?singleEvents=true&timeMin=2026-03-02T00:00:00Z&timeMax=2026-03-05T00:00:00Z`, {
      headers: { Authorization: `Bearer ${fake.issueToken()}` },
    });
    expect(((await list.json()) as { items: unknown[] }).items).toEqual([]);
  });

  it('reads only the current series as cues, even if an old one is still open in the calendar', async () => {
    const h = await googleHarness(fake);
    const habit = await created(h);
    await h.google.drain();
    // A stray open series for the same habit (say, written by another device long ago).
    const stray = { ...googleEventBody({ ...habit, scheduleSince: habit.scheduleSince - 5_000 }) };
    await fetch(`${fake.apiBase}/calendars/primary/events`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${fake.issueToken()}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(stray),
    });
    const cues = await h.google.listCues(ms('2026-03-02T15:00:00Z'), ms('2026-03-04T15:00:00Z'));
    expect(cues.map((c) => new Date(c.at).toISOString())).toEqual(['2026-03-02T19:00:00.000Z', '2026-03-03T19:00:00.000Z']);
  });
});
