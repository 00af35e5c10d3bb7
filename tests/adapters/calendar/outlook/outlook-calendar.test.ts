import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { outlookEventBody } from '@/src/adapters/calendar/outlook/event-body';
import { reconcileAlarms } from '@/src/app/reconcile-alarms';
import { saveHabit, setHabitArchived } from '@/src/app/save-habit';
import { FakeGraph } from '../../../fakes/outlook/fake-graph-server';
import { outlookHarness, recordRetrySleeps } from '../../../fakes/outlook/outlook-harness';
import { habitInput } from '../../../fakes/habits';

const ms = (iso: string) => Temporal.Instant.from(iso).epochMilliseconds;
let fake: FakeGraph;
beforeEach(async () => {
  fake = await new FakeGraph().start();
  recordRetrySleeps();
});
afterEach(async () => {
  vi.restoreAllMocks();
  await fake.stop();
});

async function created(h: Awaited<ReturnType<typeof outlookHarness>>, input = habitInput({ days: [1, 2, 3, 4, 5, 6, 7] })) {
  const saved = await saveHabit(h.deps, input);
  if (!saved.ok) throw new Error('fixture invalid');
  return saved.value;
}

describe('OutlookCalendar', () => {
  it('creates one series with recurrence, reminder, free, transactionId and our extended property', async () => {
    const h = await outlookHarness(fake);
    const habit = await created(h);
    expect(await h.outlook.drain()).toEqual({ synced: 1, failed: 0, reconnectNeeded: false });
    const [series] = fake.seriesFor(habit.id);
    expect(series).toMatchObject({
      ...outlookEventBody(habit),
      recurrence: { pattern: { type: 'daily', interval: 1 }, range: { type: 'noEnd', startDate: '2026-03-02', recurrenceTimeZone: 'America/New_York' } },
      isReminderOn: true,
      reminderMinutesBeforeStart: 0,
      showAs: 'free',
      transactionId: expect.stringMatching(/^cueboard-/),
      singleValueExtendedProperties: [{ id: expect.stringContaining('cueboardSeries'), value: `${habit.id}|${habit.scheduleSince}` }],
    });
    const before = fake.log.length;
    await h.outlook.drain();
    expect(fake.log.length).toBe(before);
  });

  it('ends the old series on the last cue date and starts a new one on a schedule change; archives end it', async () => {
    const h = await outlookHarness(fake);
    const habit = await created(h);
    await h.outlook.drain();
    h.clock.set('2026-03-04T16:00:00Z'); // 11:00 in New York: today's 14:00 cue is still ahead, so it goes with the old series' end.
    const moved = await saveHabit(h.deps, habitInput({ days: [1, 3, 5], startTime: '16:00' }), habit.id);
    if (!moved.ok) throw new Error('fixture invalid');
    await h.outlook.drain();
    const all = fake.seriesFor(habit.id);
    expect(all).toHaveLength(2);
    const old = all.find((e) => e.singleValueExtendedProperties[0].value === `${habit.id}|${habit.scheduleSince}`);
    expect(old?.recurrence.range).toEqual({ type: 'endDate', startDate: '2026-03-02', endDate: '2026-03-03', recurrenceTimeZone: 'America/New_York' });
    const current = all.find((e) => e !== old);
    expect(current?.recurrence).toMatchObject({
      pattern: { type: 'weekly', daysOfWeek: ['monday', 'wednesday', 'friday'] },
      range: { startDate: '2026-03-04' },
    });

    h.clock.set('2026-03-09T12:00:00Z');
    await setHabitArchived(h.deps, habit.id, true);
    await h.outlook.drain();
    expect(fake.seriesFor(habit.id).find((e) => e.id === current?.id)?.recurrence.range).toMatchObject({ type: 'endDate', endDate: '2026-03-06' });
  });

  it('reads cues from calendarView (UTC, no offset): a moved occurrence fires at its new time, a deleted one not at all', async () => {
    const h = await outlookHarness(fake);
    const habit = await created(h);
    await h.outlook.drain();
    const [series] = fake.seriesFor(habit.id);
    fake.moveOccurrence(series!.id, ms('2026-03-03T19:00:00Z'), ms('2026-03-03T21:15:00Z'));
    fake.events.get(series!.id)!.exceptions.set(ms('2026-03-02T19:00:00Z'), null);
    const before = fake.log.length;
    const diff = await reconcileAlarms(h.deps);
    expect(fake.log.length - before).toBe(1);
    expect(diff.create.map((a) => new Date(a.when).toISOString())).toEqual(['2026-03-03T21:15:00.000Z']);
    expect((await fakeBrowser.alarms.getAll()).map((a) => a.name)).toEqual(diff.create.map((a) => a.name));
  });

  it('marks a series deleted in Outlook as missing; Repair creates it afresh', async () => {
    const h = await outlookHarness(fake);
    const habit = await created(h);
    await h.outlook.drain();
    fake.deleteSeries(fake.seriesFor(habit.id)[0]!.id);
    expect(await h.outlook.listCues(ms('2026-03-02T15:00:00Z'), ms('2026-03-04T15:00:00Z'))).toEqual([]);
    expect((await h.store.series('outlook', habit.id))[0]?.state).toBe('missing');
    await h.outlook.drain();
    expect(fake.seriesFor(habit.id)).toEqual([]);
    await h.outlook.repair(habit.id);
    await h.outlook.drain();
    expect(fake.seriesFor(habit.id)).toHaveLength(1);
    expect(await h.outlook.listCues(ms('2026-03-02T15:00:00Z'), ms('2026-03-04T15:00:00Z'))).toHaveLength(2);
  });

  it('a create whose answer is lost is looked up, not created again; transactionId replay guards a blind retry too', async () => {
    const h = await outlookHarness(fake);
    const habit = await created(h);
    let first = true;
    fake.faultPolicy = (method) => (method === 'POST' && first ? ((first = false), 'drop') : undefined);
    expect(await h.outlook.drain()).toMatchObject({ failed: 1 });
    expect((await h.store.series('outlook', habit.id))[0]?.state).toBe('pending');
    h.clock.advance(3600_000);
    await h.outlook.drain();
    expect(fake.seriesFor(habit.id)).toHaveLength(1);
    expect(fake.log.filter((r) => r.method === 'POST')).toHaveLength(1);
    expect((await h.store.series('outlook', habit.id))[0]).toMatchObject({ state: 'active', eventId: fake.seriesFor(habit.id)[0]!.id });
  });

  it('refuses a nextLink to another host and an unreadable page, changing no alarm', async () => {
    const h = await outlookHarness(fake);
    await created(h);
    await h.outlook.drain();
    await reconcileAlarms(h.deps);
    const alarms = await fakeBrowser.alarms.getAll();
    const { OutlookCalendar } = await import('@/src/adapters/calendar/outlook/outlook-calendar');
    const evil = {
      api: () => ({
        query: () => ({
          select: () => ({ top: () => ({ get: async () => ({ value: [], '@odata.nextLink': 'https://attacker.example/v1.0/me/calendarView' }) }) }),
        }),
      }),
    };
    const bad = new OutlookCalendar({ client: evil as never, origin: fake.url, store: h.store, habits: () => h.repo.habits(), clock: h.clock });
    await expect(reconcileAlarms({ ...h.deps, provider: bad })).rejects.toThrow(/will not follow/);
    expect(await fakeBrowser.alarms.getAll()).toEqual(alarms);
  });
});

describe('OutlookCalendar and a refused sign-in', () => {
  it('reports "reconnect needed" from a drain and from a poll, keeping the change queued', async () => {
    const { ReconnectNeeded } = await import('@/src/ports/reconnect-needed');
    const h = await outlookHarness(fake);
    const habit = await created(h);
    await h.outlook.drain();
    await saveHabit(h.deps, habitInput({ days: [1, 2, 3, 4, 5, 6, 7], name: 'Renamed' }), habit.id);
    fake.faultPolicy = () => '401';
    expect(await h.outlook.drain()).toMatchObject({ reconnectNeeded: true });
    expect(await h.store.outbox('outlook')).toHaveLength(1);
    await expect(h.outlook.listCues(ms('2026-03-02T15:00:00Z'), ms('2026-03-03T15:00:00Z'))).rejects.toBeInstanceOf(ReconnectNeeded);
  });
});
