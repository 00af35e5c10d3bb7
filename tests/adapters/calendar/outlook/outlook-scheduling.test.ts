// The Outlook adapter's side of auto-scheduling (issue 12), against the fake Graph: the one calendarView read per
// poll that also brings busy time, all-day events and Cueboard's instances while a flexible habit exists, and
// moveInstance (an occurrence PATCH guarded by If-Match).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CalendarError } from '@/src/adapters/calendar/calendar-error';
import { OutlookCalendar } from '@/src/adapters/calendar/outlook/outlook-calendar';
import type { CalendarInstance } from '@/src/core/calendar-sync';
import type { HabitInput } from '@/src/core/habit-input';
import { DEFAULT_SETTINGS } from '@/src/core/settings';
import { saveHabit, setHabitArchived } from '@/src/app/save-habit';
import { FakeGraph } from '../../../fakes/outlook/fake-graph-server';
import { outlookHarness, recordRetrySleeps } from '../../../fakes/outlook/outlook-harness';
import { habitInput } from '../../../fakes/habits';

const ms = (iso: string) => Date.parse(iso);
const FROM = ms('2026-03-02T15:00:00Z');
const TO = ms('2026-03-04T15:00:00Z');
/** The read as it was before issue 12, byte for byte. */
const PLAIN_SELECT = 'id,subject,start,end,seriesMasterId,type,isCancelled,originalStart';
const SCHEDULING_SELECT = 'id,start,end,showAs,isAllDay,isCancelled,type,seriesMasterId,originalStart,responseStatus,changeKey';
const FLEX: Partial<HabitInput> = { days: [1, 2, 3, 4, 5, 6, 7], window: { from: '13:00', to: '17:00', buffer: '5' } };

let fake: FakeGraph;
beforeEach(async () => {
  fake = await new FakeGraph().start();
  recordRetrySleeps();
});
afterEach(async () => {
  vi.restoreAllMocks();
  await fake.stop();
});

type Harness = Awaited<ReturnType<typeof outlookHarness>>;

/** Save a habit and write its series; returns the habit and its series id in the fake. */
async function habitWithSeries(h: Harness, overrides: Partial<HabitInput> = {}) {
  const saved = await saveHabit(h.deps, habitInput({ days: [1, 2, 3, 4, 5, 6, 7], ...overrides }));
  if (!saved.ok) throw new Error(`fixture invalid: ${JSON.stringify(saved.errors)}`);
  await h.outlook.drain();
  const [series] = fake.seriesFor(saved.value.id);
  if (!series) throw new Error('no series written');
  return { habit: saved.value, seriesId: series.id as string };
}

/** The calendarView requests sent since `since` (an index into the fake's log). */
const viewReads = (since: number) => fake.log.slice(since).filter((r) => r.path === '/me/calendarView');

/** Other people's day on Tuesday 3 March (New York, UTC−5): one of each kind the read must tell apart. */
function othersDay() {
  return {
    busy: fake.addMeeting({ subject: 'Design review', start: '2026-03-03T13:30:00-05:00', end: '2026-03-03T14:15:00-05:00', timeZone: 'America/New_York' }),
    tentative: fake.addMeeting({ subject: 'Maybe sync', start: ms('2026-03-03T16:00:00Z'), end: ms('2026-03-03T16:30:00Z'), showAs: 'tentative' }),
    oof: fake.addMeeting({ subject: 'Dentist', start: ms('2026-03-03T21:00:00Z'), end: ms('2026-03-03T22:00:00Z'), showAs: 'oof', timeZone: 'Europe/Berlin' }),
    free: fake.addMeeting({ subject: 'Lunch', start: ms('2026-03-03T17:00:00Z'), end: ms('2026-03-03T18:00:00Z'), showAs: 'free' }),
    elsewhere: fake.addMeeting({ subject: 'From home', start: ms('2026-03-03T14:00:00Z'), end: ms('2026-03-03T15:00:00Z'), showAs: 'workingElsewhere' }),
    declined: fake.addMeeting({ subject: 'All hands', start: ms('2026-03-03T20:00:00Z'), end: ms('2026-03-03T21:00:00Z'), response: 'declined' }),
    cancelled: fake.addMeeting({ subject: 'Sync', start: ms('2026-03-03T15:00:00Z'), end: ms('2026-03-03T15:30:00Z'), isCancelled: true }),
    // All-day events in zones other than UTC: Graph lists them as midnight on their own dates.
    ooo: fake.addAllDay({ subject: 'OOO', date: '2026-03-03', timeZone: 'Pacific/Auckland', showAs: 'oof' }),
    holiday: fake.addAllDay({ subject: 'Team offsite', date: '2026-03-03', endDate: '2026-03-05', timeZone: 'America/Los_Angeles', showAs: 'free' }),
    cancelledAllDay: fake.addAllDay({ subject: 'Vacation', date: '2026-03-04', timeZone: 'America/New_York' }),
  };
}

describe('OutlookCalendar.listCues without a flexible habit', () => {
  it('sends exactly the request it always did and stores no busy time, all-day events or instances', async () => {
    const h = await outlookHarness(fake);
    const { habit } = await habitWithSeries(h);
    othersDay();
    const before = fake.log.length;
    const cues = await h.outlook.listCues(FROM, TO);
    expect(fake.log.length - before).toBe(1);
    const [read] = viewReads(before);
    expect(Object.fromEntries(read!.query)).toEqual({
      startDateTime: '2026-03-02T15:00:00.000Z',
      endDateTime: '2026-03-04T15:00:00.000Z',
      $select: PLAIN_SELECT,
      $top: '100',
    });
    expect(cues).toEqual([
      { habitId: habit.id, at: ms('2026-03-02T19:00:00Z') },
      { habitId: habit.id, at: ms('2026-03-03T19:00:00Z') },
    ]);
    const snapshot = await h.store.snapshot('outlook');
    expect(snapshot).toEqual({ provider: 'outlook', from: FROM, to: TO, fetchedAt: h.clock.now(), cues });
  });

  it('an archived flexible habit does not turn the scheduling read on', async () => {
    const h = await outlookHarness(fake);
    await habitWithSeries(h);
    const flex = await habitWithSeries(h, { ...FLEX, name: 'Walk' });
    await setHabitArchived(h.deps, flex.habit.id, true);
    const before = fake.log.length;
    await h.outlook.listCues(FROM, TO);
    expect(viewReads(before).map((r) => r.query.get('$select'))).toEqual([PLAIN_SELECT]);
  });
});

describe('OutlookCalendar.listCues with a flexible habit', () => {
  it('reads busy time, all-day events and instances in the same one request', async () => {
    const h = await outlookHarness(fake);
    const fixed = await habitWithSeries(h, { name: 'Review', startTime: '09:00' });
    const flex = await habitWithSeries(h, { ...FLEX, name: 'Walk' });
    // Cueboard's own events are known by their series, not by showAs: even shown busy, they are not busy time.
    fake.events.get(flex.seriesId)!.event.showAs = 'busy';
    fake.events.get(fixed.seriesId)!.event.showAs = 'busy';
    const ids = othersDay();
    fake.cancelEvent(ids.cancelledAllDay);

    const before = fake.log.length;
    const cues = await h.outlook.listCues(FROM, TO);
    expect(fake.log.length - before).toBe(1);
    const [read] = viewReads(before);
    expect(read!.query.get('startDateTime')).toBe('2026-03-02T15:00:00.000Z');
    expect(read!.query.get('endDateTime')).toBe('2026-03-04T15:00:00.000Z');
    expect(read!.query.get('$top')).toBe('100');
    // Skip words are on by default, so titles are asked for (all-day events' sake).
    expect(read!.query.get('$select')).toBe(`${SCHEDULING_SELECT},subject`);

    // Cues exactly as the plain read finds them.
    expect(cues).toEqual([
      { habitId: flex.habit.id, at: ms('2026-03-02T19:00:00Z') },
      { habitId: fixed.habit.id, at: ms('2026-03-03T14:00:00Z') },
      { habitId: flex.habit.id, at: ms('2026-03-03T19:00:00Z') },
      { habitId: fixed.habit.id, at: ms('2026-03-04T14:00:00Z') },
    ]);
    const snapshot = (await h.store.snapshot('outlook'))!;
    expect(snapshot.cues).toEqual(cues);
    expect(snapshot.busy).toEqual([
      { start: ms('2026-03-03T16:00:00Z'), end: ms('2026-03-03T16:30:00Z') }, // tentative
      { start: ms('2026-03-03T18:30:00Z'), end: ms('2026-03-03T19:15:00Z') }, // busy, in New York's zone
      { start: ms('2026-03-03T21:00:00Z'), end: ms('2026-03-03T22:00:00Z') }, // oof, in Berlin's zone
    ]);
    // The dates each event has in its own zone: Auckland's 3 March starts on 2 March in UTC, Los Angeles' ends on
    // the 5th at 08:00Z; neither shifts. The cancelled all-day event is no day off.
    expect(snapshot.allDay).toEqual([
      { startDate: '2026-03-03', endDate: '2026-03-04', title: 'OOO' },
      { startDate: '2026-03-03', endDate: '2026-03-05', title: 'Team offsite' },
    ]);
    const instance = (seriesId: string, original: string): CalendarInstance => ({
      habitId: seriesId === flex.seriesId ? flex.habit.id : fixed.habit.id,
      at: ms(original),
      end: ms(original) + 30 * 60_000,
      originalAt: ms(original),
      instanceId: fake.instanceId(seriesId, ms(original)),
      version: `W/"${fake.instance(seriesId, ms(original))!.changeKey}"`,
    });
    expect(snapshot.instances).toEqual([
      instance(flex.seriesId, '2026-03-02T19:00:00Z'),
      instance(fixed.seriesId, '2026-03-03T14:00:00Z'),
      instance(flex.seriesId, '2026-03-03T19:00:00Z'),
      instance(fixed.seriesId, '2026-03-04T14:00:00Z'),
    ]);
    // No timed event's title is kept anywhere.
    const stored = JSON.stringify(snapshot);
    for (const title of ['Design review', 'Maybe sync', 'Dentist', 'Lunch', 'From home', 'All hands', 'Sync', 'Walk', 'Review'])
      expect(stored).not.toContain(title);
  });

  it('asks for no titles while skip words are off, and keeps none', async () => {
    const h = await outlookHarness(fake);
    await h.repo.updateSettings(() => ({ ...DEFAULT_SETTINGS, skipWords: [] }));
    await habitWithSeries(h, FLEX);
    othersDay();
    const before = fake.log.length;
    await h.outlook.listCues(FROM, TO);
    expect(viewReads(before).map((r) => r.query.get('$select'))).toEqual([SCHEDULING_SELECT]);
    const snapshot = (await h.store.snapshot('outlook'))!;
    expect(snapshot.allDay).toEqual([
      { startDate: '2026-03-03', endDate: '2026-03-04' },
      { startDate: '2026-03-03', endDate: '2026-03-05' },
      { startDate: '2026-03-04', endDate: '2026-03-05' },
    ]);
    expect(snapshot.busy).toHaveLength(3);
  });

  it('without a skipWords reader reads no titles', async () => {
    const h = await outlookHarness(fake);
    await habitWithSeries(h, FLEX);
    fake.addAllDay({ subject: 'OOO', date: '2026-03-03' });
    const bare = new OutlookCalendar({ client: h.client, origin: fake.url, store: h.store, habits: () => h.repo.habits(), clock: h.clock });
    const before = fake.log.length;
    await bare.listCues(FROM, TO);
    expect(viewReads(before).map((r) => r.query.get('$select'))).toEqual([SCHEDULING_SELECT]);
    expect((await h.store.snapshot('outlook'))!.allDay).toEqual([{ startDate: '2026-03-03', endDate: '2026-03-04' }]);
  });

  it('logs no title while it reads them', async () => {
    const h = await outlookHarness(fake);
    await habitWithSeries(h, FLEX);
    othersDay();
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((name) => vi.spyOn(console, name));
    await h.outlook.listCues(FROM, TO);
    const said = JSON.stringify(spies.flatMap((s) => s.mock.calls));
    for (const title of ['Design review', 'Dentist', 'OOO', 'Team offsite']) expect(said).not.toContain(title);
  });

  it('follows next pages with the same selection: still one read, page by page', async () => {
    const h = await outlookHarness(fake);
    await habitWithSeries(h, FLEX);
    for (let i = 0; i < 150; i++)
      fake.addMeeting({ subject: `Meeting ${i}`, start: ms('2026-03-03T15:00:00Z') + i * 60_000, end: ms('2026-03-03T15:30:00Z') + i * 60_000 });
    const before = fake.log.length;
    await h.outlook.listCues(FROM, TO);
    const reads = viewReads(before);
    expect(reads).toHaveLength(2);
    for (const r of reads) expect(r.query.get('$select')).toBe(`${SCHEDULING_SELECT},subject`);
    const snapshot = (await h.store.snapshot('outlook'))!;
    expect(snapshot.busy).toHaveLength(150);
    expect(snapshot.instances).toHaveLength(2);
    expect(JSON.stringify(snapshot)).not.toContain('Meeting');
  });

  it('shows an occurrence the person moved at its new time, with its original time and new version', async () => {
    const h = await outlookHarness(fake);
    const { habit, seriesId } = await habitWithSeries(h, FLEX);
    const original = ms('2026-03-03T19:00:00Z');
    fake.userMovesInstance(seriesId, original, original + 90 * 60_000);
    const cues = await h.outlook.listCues(FROM, TO);
    expect(cues).toContainEqual({ habitId: habit.id, at: original + 90 * 60_000 });
    const moved = (await h.store.snapshot('outlook'))!.instances!.find((i) => i.originalAt === original);
    expect(moved).toEqual({
      habitId: habit.id,
      at: original + 90 * 60_000,
      end: original + 120 * 60_000,
      originalAt: original,
      instanceId: fake.instanceId(seriesId, original),
      version: `W/"${fake.instance(seriesId, original)!.changeKey}"`,
    });
  });

  it('an ended series is Cueboard’s own: neither busy time nor an instance to move', async () => {
    const h = await outlookHarness(fake);
    const first = await habitWithSeries(h, FLEX);
    h.clock.set('2026-03-03T15:00:00Z');
    // A new ideal time starts a new series today; the old one ends with yesterday's block, still in the window.
    const changed = await saveHabit(h.deps, habitInput({ ...FLEX, startTime: '15:00' }), first.habit.id);
    if (!changed.ok) throw new Error('fixture invalid');
    await h.outlook.drain();
    const current = fake.seriesFor(first.habit.id).find((s) => s.id !== first.seriesId)!;
    fake.events.get(first.seriesId)!.event.showAs = 'busy';
    const cues = await h.outlook.listCues(FROM, ms('2026-03-05T15:00:00Z'));
    expect(cues.map((c) => c.at)).toEqual([ms('2026-03-03T20:00:00Z'), ms('2026-03-04T20:00:00Z')]);
    expect(fake.instance(first.seriesId, ms('2026-03-02T19:00:00Z'))).toBeDefined();
    const snapshot = (await h.store.snapshot('outlook'))!;
    expect(snapshot.busy).toEqual([]);
    expect(snapshot.instances!.map((i) => i.instanceId)).toEqual([
      fake.instanceId(current.id, ms('2026-03-03T20:00:00Z')),
      fake.instanceId(current.id, ms('2026-03-04T20:00:00Z')),
    ]);
  });
});

describe('OutlookCalendar.listCues with malformed items', () => {
  /** A Graph client answering one page of `value`, recording what it was asked. */
  function stubClient(value: unknown[]) {
    const asked: { select?: string[] } = {};
    const request = {
      query: () => request,
      select: (s: string[]) => ((asked.select = s), request),
      top: () => request,
      get: async () => ({ value }),
    };
    return { client: { api: () => request }, asked };
  }

  it('skips what it cannot read and keeps the rest, without throwing', async () => {
    const h = await outlookHarness(fake);
    const { habit, seriesId } = await habitWithSeries(h, FLEX);
    const utc = (iso: string) => ({ dateTime: iso.replace('Z', '.0000000'), timeZone: 'UTC' });
    const good = { id: 'm1', start: utc('2026-03-03T18:00:00Z'), end: utc('2026-03-03T18:30:00Z'), showAs: 'busy', isAllDay: false, isCancelled: false };
    const occurrence = {
      id: 'occ-1',
      seriesMasterId: seriesId,
      type: 'occurrence',
      start: utc('2026-03-03T19:00:00Z'),
      end: utc('2026-03-03T19:30:00Z'),
      originalStart: '2026-03-03T19:00:00Z',
      changeKey: 'ck1',
    };
    const { client } = stubClient([
      null,
      'text',
      42,
      [],
      {},
      { id: 'no-end', start: utc('2026-03-03T18:00:00Z'), showAs: 'busy' },
      { id: 'no-start', end: utc('2026-03-03T18:00:00Z') },
      { id: 'backwards', start: utc('2026-03-03T18:00:00Z'), end: utc('2026-03-03T17:00:00Z') },
      { id: 'garbage', start: { dateTime: 'tomorrow', timeZone: 'UTC' }, end: { dateTime: 12, timeZone: 'UTC' } },
      {
        id: 'offset',
        start: { dateTime: '2026-03-03T18:00:00', timeZone: 'Eastern Standard Time' },
        end: { dateTime: '2026-03-03T19:00:00', timeZone: 'Eastern Standard Time' },
      },
      { id: 'odd-status', start: utc('2026-03-03T18:00:00Z'), end: utc('2026-03-03T18:30:00Z'), responseStatus: 'declined', showAs: 7 },
      {
        id: 'bad-all-day',
        isAllDay: true,
        start: { dateTime: '2026-02-30T00:00:00.0000000', timeZone: 'UTC' },
        end: { dateTime: '2026-03-01T00:00:00.0000000', timeZone: 'UTC' },
      },
      { id: 'empty-all-day', isAllDay: true, start: utc('2026-03-03T00:00:00Z'), end: utc('2026-03-03T00:00:00Z') },
      { id: 'all-day-no-end', isAllDay: true, start: utc('2026-03-03T00:00:00Z') },
      { ...occurrence, id: 'occ-no-original', originalStart: undefined },
      { ...occurrence, id: 'occ-bad-original', originalStart: 'yesterday' },
      { ...occurrence, id: undefined },
      { ...occurrence, seriesMasterId: 12 },
      good,
      occurrence,
    ]);
    const calendar = new OutlookCalendar({ client: client as never, origin: fake.url, store: h.store, habits: () => h.repo.habits(), clock: h.clock });
    const cues = await calendar.listCues(FROM, TO);
    // The occurrences with an unreadable original time still fire (as before); they are only not movable.
    expect(cues).toEqual([
      { habitId: habit.id, at: ms('2026-03-03T19:00:00Z') },
      { habitId: habit.id, at: ms('2026-03-03T19:00:00Z') },
      { habitId: habit.id, at: ms('2026-03-03T19:00:00Z') },
      { habitId: habit.id, at: ms('2026-03-03T19:00:00Z') },
    ]);
    const snapshot = (await h.store.snapshot('outlook'))!;
    expect(snapshot.busy).toEqual([
      { start: ms('2026-03-03T18:00:00Z'), end: ms('2026-03-03T18:30:00Z') }, // odd-status: an unreadable answer is no decline
      // An event tied to no series Cueboard knows (its series id unreadable) is somebody's time: busy, to be safe.
      { start: ms('2026-03-03T19:00:00Z'), end: ms('2026-03-03T19:30:00Z') },
      { start: ms('2026-03-03T18:00:00Z'), end: ms('2026-03-03T18:30:00Z') },
    ]);
    expect(snapshot.allDay).toEqual([]);
    expect(snapshot.instances).toEqual([
      {
        habitId: habit.id,
        at: ms('2026-03-03T19:00:00Z'),
        end: ms('2026-03-03T19:30:00Z'),
        originalAt: ms('2026-03-03T19:00:00Z'),
        instanceId: 'occ-1',
        version: 'W/"ck1"',
      },
    ]);
  });
});

describe('OutlookCalendar.moveInstance', () => {
  async function polled(h: Harness) {
    const flex = await habitWithSeries(h, FLEX);
    await h.outlook.listCues(FROM, TO);
    const original = ms('2026-03-03T19:00:00Z');
    const instance = (await h.store.snapshot('outlook'))!.instances!.find((i) => i.originalAt === original)!;
    return { ...flex, original, instance };
  }

  it('patches the occurrence with wall-clock times in the habit’s zone; the next poll finds it moved', async () => {
    const h = await outlookHarness(fake);
    const { habit, seriesId, original, instance } = await polled(h);
    const start = ms('2026-03-03T20:30:00Z');
    expect(await h.outlook.moveInstance(instance, start, start + 30 * 60_000)).toBe('moved');
    expect(fake.instancePatches).toEqual([
      expect.objectContaining({
        by: 'client',
        seriesId,
        occurrenceId: instance.instanceId,
        originalStart: original,
        body: {
          start: { dateTime: '2026-03-03T15:30:00', timeZone: 'America/New_York' },
          end: { dateTime: '2026-03-03T16:00:00', timeZone: 'America/New_York' },
        },
        start: '2026-03-03T20:30:00.0000000',
        end: '2026-03-03T21:00:00.0000000',
      }),
    ]);
    const cues = await h.outlook.listCues(FROM, TO);
    expect(cues).toContainEqual({ habitId: habit.id, at: start });
    expect(cues).not.toContainEqual({ habitId: habit.id, at: original });
    const after = (await h.store.snapshot('outlook'))!.instances!.find((i) => i.instanceId === instance.instanceId);
    expect(after).toMatchObject({ at: start, end: start + 30 * 60_000, originalAt: original, version: `W/"${fake.instancePatches[0]!.changeKey}"` });
    expect(after!.version).not.toBe(instance.version);
  });

  it('sends nothing when the instance is already there', async () => {
    const h = await outlookHarness(fake);
    const { instance } = await polled(h);
    const before = fake.log.length;
    expect(await h.outlook.moveInstance(instance, instance.at, instance.end)).toBe('moved');
    expect(fake.log.length).toBe(before);
    expect(fake.instancePatches).toEqual([]);
  });

  it('"changed" when the person moved it after the poll (412 on the old version); their move stays', async () => {
    const h = await outlookHarness(fake);
    const { seriesId, original, instance } = await polled(h);
    fake.userMovesInstance(seriesId, original, original + 60 * 60_000);
    expect(await h.outlook.moveInstance(instance, original + 120 * 60_000, original + 150 * 60_000)).toBe('changed');
    expect(fake.instancePatches.map((p) => p.by)).toEqual(['user']);
    expect(fake.instance(seriesId, original)!.start.dateTime).toBe('2026-03-03T20:00:00.0000000');
  });

  it('"moved" when a retry after a lost answer meets 412: the occurrence already stands where it was sent', async () => {
    const h = await outlookHarness(fake);
    const { instance } = await polled(h);
    const later = instance.at + 60 * 60_000;
    expect(await h.outlook.moveInstance(instance, later, later + 30 * 60_000)).toBe('moved');
    // The same move again with the version read before it: Graph answers 412, the read-back finds it in place.
    const before = fake.log.length;
    expect(await h.outlook.moveInstance(instance, later, later + 30 * 60_000)).toBe('moved');
    expect(fake.log.slice(before).map((r) => r.method)).toEqual(['PATCH', 'GET']);
    expect(fake.instancePatches.map((p) => p.by)).toEqual(['client']);
  });

  it('"gone" on Graph’s 404 and when the occurrence was deleted; "changed" on 409 and 412', async () => {
    const h = await outlookHarness(fake);
    const { seriesId, original, instance } = await polled(h);
    const later = original + 60 * 60_000;
    fake.faultPolicy = (method) => (method === 'PATCH' ? '404' : undefined);
    expect(await h.outlook.moveInstance(instance, later, later + 30 * 60_000)).toBe('gone');
    // 409/412 with the occurrence still at its old place (the read-back finds it there): changed meanwhile.
    fake.faultPolicy = (method) => (method === 'PATCH' ? '409' : undefined);
    expect(await h.outlook.moveInstance(instance, later, later + 30 * 60_000)).toBe('changed');
    fake.faultPolicy = (method) => (method === 'PATCH' ? '412' : undefined);
    expect(await h.outlook.moveInstance(instance, later, later + 30 * 60_000)).toBe('changed');
    fake.faultPolicy = () => undefined;
    fake.events.get(seriesId)!.exceptions.set(original, null);
    expect(await h.outlook.moveInstance(instance, later, later + 30 * 60_000)).toBe('gone');
    expect(fake.instancePatches).toEqual([]);
  });

  it('moves without If-Match when no version is known', async () => {
    const h = await outlookHarness(fake);
    const { seriesId, original, instance } = await polled(h);
    fake.userMovesInstance(seriesId, original, original + 60 * 60_000);
    const { version: _stale, ...unversioned } = instance;
    const later = original + 120 * 60_000;
    expect(await h.outlook.moveInstance(unversioned, later, later + 30 * 60_000)).toBe('moved');
    expect(fake.instancePatches.map((p) => p.by)).toEqual(['user', 'client']);
  });

  it('throws a CalendarError for other failures, after the client’s short retries of 503', async () => {
    const h = await outlookHarness(fake);
    const { instance } = await polled(h);
    const later = instance.at + 60 * 60_000;
    fake.faultPolicy = (method) => (method === 'PATCH' ? '503' : undefined);
    const sleeps = recordRetrySleeps();
    await expect(h.outlook.moveInstance(instance, later, later + 30 * 60_000)).rejects.toMatchObject({ kind: 'server' });
    expect(sleeps.length).toBeGreaterThan(0);
    fake.faultPolicy = (method) => (method === 'PATCH' ? '500' : undefined);
    await expect(h.outlook.moveInstance(instance, later, later + 30 * 60_000)).rejects.toBeInstanceOf(CalendarError);
    fake.faultPolicy = () => undefined;
    await expect(h.outlook.moveInstance(instance, later, later)).rejects.toThrow(/end after it starts/);
    expect(fake.instancePatches).toEqual([]);
  });
});
