// GoogleCalendar's side of auto-scheduling (issue 12) against the fake Google server over real HTTP: the one
// events.list per poll (filtered as before without a flexible habit; unfiltered with `fields` with one), what the
// snapshot then carries (busy time, all-day events, Cueboard's instances), and moving one instance with If-Match.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { googleEventId } from '@/src/adapters/calendar/google/event-body';
import { GoogleCalendar } from '@/src/adapters/calendar/google/google-calendar';
import { GoogleApiError, GoogleClient } from '@/src/adapters/calendar/google/google-client';
import { flexibleListFields } from '@/src/adapters/calendar/google/list-items';
import { saveHabit, setHabitArchived } from '@/src/app/save-habit';
import type { CalendarInstance } from '@/src/core/calendar-sync';
import type { HabitInput } from '@/src/core/habit-input';
import { FakeGoogle } from '../../../fakes/google/fake-google-server';
import { googleHarness } from '../../../fakes/google/google-harness';
import { habitInput } from '../../../fakes/habits';

const ms = (iso: string) => Temporal.Instant.from(iso).epochMilliseconds;
const iso = (t: number) => new Date(t).toISOString();
// The harness's clock: Monday 2 March 2026, 10:00 in New York. The poll reads the next 48 hours.
const FROM = ms('2026-03-02T15:00:00Z');
const TO = ms('2026-03-04T15:00:00Z');
const FIELDS =
  'items(id,status,start,end,transparency,attendees(self,responseStatus),recurringEventId,originalStartTime,extendedProperties/private,etag),nextPageToken';

let fake: FakeGoogle;
beforeEach(async () => {
  fake = await new FakeGoogle().start();
});
afterEach(async () => {
  await fake.stop();
});

type Harness = Awaited<ReturnType<typeof googleHarness>>;

/** A habit saved and written to the fake; every day at 14:00 New York (19:00Z) unless told otherwise. */
async function created(h: Harness, overrides: Partial<HabitInput> = {}) {
  const saved = await saveHabit(h.deps, habitInput({ days: [1, 2, 3, 4, 5, 6, 7], ...overrides }));
  if (!saved.ok) throw new Error(`fixture invalid: ${JSON.stringify(saved)}`);
  await h.google.drain();
  return { habit: saved.value, seriesId: googleEventId(saved.value.id, saved.value.scheduleSince) };
}

const flexible = (h: Harness, overrides: Partial<HabitInput> = {}) =>
  created(h, { name: 'Stretch', window: { from: '13:00', to: '17:00', buffer: '5' }, ...overrides });

/** The same provider as the harness's, with a skip-words reader (the worker wires the settings' list). */
function withSkipWords(h: Harness, words: string[]): GoogleCalendar {
  return new GoogleCalendar({ client: h.client, store: h.store, habits: () => h.repo.habits(), clock: h.clock, skipWords: async () => words });
}

const listReads = () => fake.log.filter((r) => r.method === 'GET' && /\/events$/.test(r.path));

/** Other people's events around Tuesday's 14:00 New York block, one of each kind. */
function othersEvents() {
  return {
    busy: fake.addMeeting({ summary: 'Design review', start: '2026-03-03T13:30:00-05:00', end: '2026-03-03T14:15:00-05:00', timeZone: 'America/New_York' }),
    accepted: fake.addMeeting({ summary: 'Planning', start: ms('2026-03-02T20:00:00Z'), end: ms('2026-03-02T21:00:00Z'), response: 'accepted' }),
    tentative: fake.addMeeting({
      summary: 'Maybe',
      start: ms('2026-03-03T16:00:00Z'),
      end: ms('2026-03-03T16:30:00Z'),
      response: 'tentative',
      status: 'tentative',
    }),
    free: fake.addMeeting({ summary: 'Lunch (free)', start: ms('2026-03-03T17:00:00Z'), end: ms('2026-03-03T18:00:00Z'), transparency: 'transparent' }),
    declined: fake.addMeeting({ summary: 'All hands', start: ms('2026-03-03T20:00:00Z'), end: ms('2026-03-03T21:00:00Z'), response: 'declined' }),
    cancelled: fake.addMeeting({ summary: 'Cancelled sync', start: ms('2026-03-03T15:00:00Z'), end: ms('2026-03-03T15:30:00Z'), status: 'cancelled' }),
    ooo: fake.addAllDay({ summary: 'OOO', date: '2026-03-03' }),
  };
}

describe('GoogleCalendar.listCues without a flexible habit', () => {
  it('sends exactly the filtered request as before, and the snapshot carries cues only', async () => {
    const h = await googleHarness(fake);
    const { habit } = await created(h);
    othersEvents();
    const cues = await h.google.listCues(FROM, TO);
    expect(cues.map((c) => iso(c.at))).toEqual(['2026-03-02T19:00:00.000Z', '2026-03-03T19:00:00.000Z']);
    const reads = listReads();
    expect(reads).toHaveLength(1);
    expect(Object.fromEntries(reads[0]!.query)).toEqual({
      singleEvents: 'true',
      orderBy: 'startTime',
      timeMin: '2026-03-02T15:00:00.000Z',
      timeMax: '2026-03-04T15:00:00.000Z',
      privateExtendedProperty: 'app=cueboard',
      maxResults: '250',
    });
    expect(reads[0]!.query.has('fields')).toBe(false);
    const snapshot = await h.store.snapshot('google');
    expect(snapshot).toEqual({ provider: 'google', from: FROM, to: TO, fetchedAt: h.clock.now(), cues: cues.map((c) => ({ habitId: habit.id, at: c.at })) });
  });

  it('an archived flexible habit does not turn the unfiltered read on, and skip words are then not even read', async () => {
    const h = await googleHarness(fake);
    const { habit } = await flexible(h);
    await setHabitArchived(h.deps, habit.id, true);
    let asked = 0;
    const google = new GoogleCalendar({
      client: h.client,
      store: h.store,
      habits: () => h.repo.habits(),
      clock: h.clock,
      skipWords: async () => (asked++, ['OOO']),
    });
    await google.listCues(FROM, TO);
    expect(listReads().at(-1)!.query.get('privateExtendedProperty')).toBe('app=cueboard');
    expect(asked).toBe(0);
  });
});

describe('GoogleCalendar.listCues with a flexible habit', () => {
  it('one unfiltered request per poll with `fields`; busy leaves out free, declined, cancelled and Cueboard’s own', async () => {
    const h = await googleHarness(fake);
    const { habit } = await flexible(h);
    const fixed = await created(h, { name: 'Plan the day', startTime: '09:00' });
    othersEvents();

    const before = h.requests.length;
    const cues = await h.google.listCues(FROM, TO);
    expect(h.requests.length - before).toBe(1);
    const read = listReads().at(-1)!;
    expect(read.query.get('fields')).toBe(FIELDS);
    expect(flexibleListFields(false)).toBe(FIELDS);
    expect(read.query.has('privateExtendedProperty')).toBe(false);
    expect(read.query.get('timeMin')).toBe('2026-03-02T15:00:00.000Z');

    // The cues are what the filtered read gives: both habits' current series, nothing else.
    expect(cues.map((c) => [c.habitId, iso(c.at)])).toEqual([
      [habit.id, '2026-03-02T19:00:00.000Z'],
      [fixed.habit.id, '2026-03-03T14:00:00.000Z'],
      [habit.id, '2026-03-03T19:00:00.000Z'],
      [fixed.habit.id, '2026-03-04T14:00:00.000Z'],
    ]);
    const snapshot = (await h.store.snapshot('google'))!;
    expect(snapshot.cues).toEqual(cues);
    expect(snapshot.busy!.map((b) => [iso(b.start), iso(b.end)])).toEqual([
      ['2026-03-02T20:00:00.000Z', '2026-03-02T21:00:00.000Z'], // accepted
      ['2026-03-03T16:00:00.000Z', '2026-03-03T16:30:00.000Z'], // tentative still holds the time
      ['2026-03-03T18:30:00.000Z', '2026-03-03T19:15:00.000Z'], // the design review
    ]);
    // Skip words not wired (no reader): all-day events without their titles.
    expect(snapshot.allDay).toEqual([{ startDate: '2026-03-03', endDate: '2026-03-04' }]);
    expect(JSON.stringify(snapshot)).not.toMatch(/Design review|Planning|Maybe|Lunch|All hands|Cancelled sync|OOO/);

    // A second poll is one request again.
    const again = h.requests.length;
    await h.google.listCues(FROM, TO);
    expect(h.requests.length - again).toBe(1);
  });

  it('reads all-day titles only while skip words are on, and never keeps a timed event’s title', async () => {
    const h = await googleHarness(fake);
    await flexible(h);
    othersEvents();
    fake.addAllDay({ summary: 'Vacation', date: '2026-03-04', endDate: '2026-03-06' });

    await withSkipWords(h, ['OOO', 'Vacation']).listCues(FROM, TO);
    expect(listReads().at(-1)!.query.get('fields')).toBe(FIELDS.replace(',etag)', ',etag,summary)'));
    const on = (await h.store.snapshot('google'))!;
    expect(on.allDay).toEqual([
      { startDate: '2026-03-03', endDate: '2026-03-04', title: 'OOO' },
      { startDate: '2026-03-04', endDate: '2026-03-06', title: 'Vacation' },
    ]);
    // The timed events' titles crossed the wire (Google cannot leave them out per event type) but were dropped.
    expect(JSON.stringify(on)).not.toMatch(/Design review|Planning|Maybe|Lunch|All hands|Stretch/);

    for (const words of [[], ['  ']]) {
      await withSkipWords(h, words).listCues(FROM, TO);
      expect(listReads().at(-1)!.query.get('fields')).toBe(FIELDS);
      expect((await h.store.snapshot('google'))!.allDay).toEqual([
        { startDate: '2026-03-03', endDate: '2026-03-04' },
        { startDate: '2026-03-04', endDate: '2026-03-06' },
      ]);
    }
  });

  it('instances carry their instance ids, etags and original starts; one the person moved shows at ≠ originalAt', async () => {
    const h = await googleHarness(fake);
    const { habit, seriesId } = await flexible(h);
    await h.google.listCues(FROM, TO);
    const mon = ms('2026-03-02T19:00:00Z');
    const tue = ms('2026-03-03T19:00:00Z');
    expect((await h.store.snapshot('google'))!.instances).toEqual(
      [mon, tue].map((at) => ({
        habitId: habit.id,
        at,
        end: at + 30 * 60_000,
        originalAt: at,
        instanceId: fake.instanceId(seriesId, at),
        version: fake.instance(seriesId, at)!.etag,
      })),
    );

    const moved = fake.userMovesInstance(seriesId, tue, ms('2026-03-03T21:00:00Z'));
    await h.google.listCues(FROM, TO);
    const tuesday = (await h.store.snapshot('google'))!.instances!.find((i) => i.originalAt === tue)!;
    expect(tuesday).toEqual({
      habitId: habit.id,
      at: ms('2026-03-03T21:00:00Z'),
      end: ms('2026-03-03T21:30:00Z'),
      originalAt: tue,
      instanceId: `${seriesId}_20260303T190000Z`,
      version: moved.etag,
    });
    expect(tuesday.version).not.toBe(fake.instance(seriesId, mon)!.etag);
  });

  it('follows pages, and 500 overlapping meetings are just busy time', async () => {
    const h = await googleHarness(fake);
    await flexible(h);
    for (let i = 0; i < 500; i++) fake.addMeeting({ start: ms('2026-03-03T18:00:00Z') + i * 1000, end: ms('2026-03-03T20:00:00Z') });
    const before = h.requests.length;
    const cues = await h.google.listCues(FROM, TO);
    expect(h.requests.length - before).toBe(3); // 502 items, 250 a page
    expect(cues).toHaveLength(2);
    const snapshot = (await h.store.snapshot('google'))!;
    expect(snapshot.busy).toHaveLength(500);
    expect(snapshot.instances).toHaveLength(2);
  });

  it('skips malformed items without throwing: no end, end ≤ start, unparsable or offset-less times, bad dates', async () => {
    const h = await googleHarness(fake);
    const { habit, seriesId } = await flexible(h);
    fake.addMeeting({ start: ms('2026-03-03T15:00:00Z'), end: ms('2026-03-03T16:00:00Z') });
    const malformed: unknown[] = [
      null,
      'not an event',
      { id: 'noend', start: { dateTime: '2026-03-03T10:00:00-05:00' } },
      { id: 'noboth' },
      { id: 'empty', start: { dateTime: '2026-03-03T10:00:00-05:00' }, end: { dateTime: '2026-03-03T10:00:00-05:00' } },
      { id: 'backwards', start: { dateTime: '2026-03-03T11:00:00-05:00' }, end: { dateTime: '2026-03-03T10:00:00-05:00' } },
      { id: 'words', start: { dateTime: 'tomorrow' }, end: { dateTime: 'later' } },
      { id: 'nooffset', start: { dateTime: '2026-03-03T10:00:00' }, end: { dateTime: '2026-03-03T11:00:00' } },
      { id: 'numbers', start: { dateTime: 1 }, end: { dateTime: 2 } },
      {
        id: 'weirdattendees',
        attendees: 'me',
        extendedProperties: { private: null },
        start: { dateTime: '2026-03-03T12:00:00Z' },
        end: { dateTime: '2026-03-03T12:30:00Z' },
      },
      { id: 'dayempty', start: { date: '2026-03-03' }, end: { date: '2026-03-03' } },
      { id: 'daybad', start: { date: '2026-02-30' }, end: { date: '2026-03-01' } },
      { id: 'daynoend', start: { date: '2026-03-03' } },
      // Cueboard's own instance of the current series with no end: still a cue (as before), never a movable instance.
      {
        id: `${seriesId}_20260304T140000Z`,
        status: 'confirmed',
        recurringEventId: seriesId,
        start: { dateTime: '2026-03-04T09:00:00-05:00' },
        originalStartTime: { dateTime: '2026-03-04T09:00:00-05:00' },
        extendedProperties: { private: { app: 'cueboard', habitId: habit.id } },
      },
    ];
    // The fake's real answer, with the malformed items slipped in, as a misbehaving server might send them.
    const client = new GoogleClient({
      apiBase: fake.apiBase,
      tokens: { token: async () => fake.issueToken() },
      fetch: async (input, init) => {
        const res = await fetch(input, init);
        if (init?.method !== 'GET' || !new URL(input instanceof Request ? input.url : input).pathname.endsWith('/events')) return res;
        const body = (await res.json()) as { items: unknown[] };
        return new Response(JSON.stringify({ ...body, items: [...malformed, ...body.items] }), { status: 200 });
      },
    });
    const google = new GoogleCalendar({ client, store: h.store, habits: () => h.repo.habits(), clock: h.clock });
    const cues = await google.listCues(FROM, TO);
    expect(cues.map((c) => iso(c.at))).toEqual(['2026-03-04T14:00:00.000Z', '2026-03-02T19:00:00.000Z', '2026-03-03T19:00:00.000Z']);
    const snapshot = (await h.store.snapshot('google'))!;
    expect(snapshot.busy!.map((b) => [iso(b.start), iso(b.end)])).toEqual([
      ['2026-03-03T12:00:00.000Z', '2026-03-03T12:30:00.000Z'],
      ['2026-03-03T15:00:00.000Z', '2026-03-03T16:00:00.000Z'],
    ]);
    expect(snapshot.allDay).toEqual([]);
    expect(snapshot.instances!.map((i) => iso(i.at))).toEqual(['2026-03-02T19:00:00.000Z', '2026-03-03T19:00:00.000Z']);
  });
});

describe('GoogleCalendar.moveInstance', () => {
  async function polled(h: Harness) {
    const made = await flexible(h);
    await h.google.listCues(FROM, TO);
    const instances = (await h.store.snapshot('google'))!.instances!;
    const tuesday = instances.find((i) => i.originalAt === ms('2026-03-03T19:00:00Z'))!;
    return { ...made, tuesday };
  }
  const TO_START = ms('2026-03-03T20:00:00Z');
  const TO_END = ms('2026-03-03T20:30:00Z');

  it('PATCHes the instance id with the new times in the habit’s zone, guarded by its etag; the next poll sees it moved', async () => {
    const h = await googleHarness(fake);
    const { habit, seriesId, tuesday } = await polled(h);
    const before = h.requests.length;
    expect(await h.google.moveInstance(tuesday, TO_START, TO_END)).toBe('moved');
    expect(h.requests.slice(before)).toEqual([`PATCH /calendar/v3/calendars/primary/events/${tuesday.instanceId}`]);
    expect(fake.instancePatches).toEqual([
      expect.objectContaining({
        by: 'client',
        seriesId,
        instanceId: tuesday.instanceId,
        body: {
          start: { dateTime: '2026-03-03T15:00:00-05:00', timeZone: 'America/New_York' },
          end: { dateTime: '2026-03-03T15:30:00-05:00', timeZone: 'America/New_York' },
        },
        start: '2026-03-03T15:00:00-05:00',
        end: '2026-03-03T15:30:00-05:00',
      }),
    ]);
    const cues = await h.google.listCues(FROM, TO);
    expect(cues).toContainEqual({ habitId: habit.id, at: TO_START });
    expect((await h.store.snapshot('google'))!.instances!.find((i) => i.instanceId === tuesday.instanceId)).toMatchObject({
      at: TO_START,
      end: TO_END,
      originalAt: tuesday.originalAt,
      version: fake.instancePatches[0]!.etag,
    });
    // Its old etag is stale now: a second move with it is refused as changed.
    expect(await h.google.moveInstance(tuesday, TO_START + 3_600_000, TO_END + 3_600_000)).toBe('changed');
  });

  it('moving an instance to where it already is costs no request', async () => {
    const h = await googleHarness(fake);
    const { tuesday } = await polled(h);
    const before = h.requests.length;
    expect(await h.google.moveInstance(tuesday, tuesday.at, tuesday.end)).toBe('moved');
    expect(h.requests.length).toBe(before);
    expect(fake.instancePatches).toEqual([]);
  });

  it('writes the offset of the day, across the DST change', async () => {
    const h = await googleHarness(fake);
    const { seriesId } = await flexible(h);
    const original = ms('2026-03-09T18:00:00Z'); // 14:00 EDT
    const instance: CalendarInstance = {
      habitId: (await h.repo.habits())[0]!.id,
      at: original,
      end: original + 1_800_000,
      originalAt: original,
      instanceId: fake.instanceId(seriesId, original),
      version: fake.instance(seriesId, original)!.etag,
    };
    expect(await h.google.moveInstance(instance, ms('2026-03-09T19:00:00Z'), ms('2026-03-09T19:30:00Z'))).toBe('moved');
    expect(fake.instancePatches[0]!.body.start).toEqual({ dateTime: '2026-03-09T15:00:00-04:00', timeZone: 'America/New_York' });
  });

  it('412 after the person moved it: "changed", and their move stands', async () => {
    const h = await googleHarness(fake);
    const { seriesId, tuesday } = await polled(h);
    fake.userMovesInstance(seriesId, tuesday.originalAt, ms('2026-03-03T21:00:00Z'));
    expect(await h.google.moveInstance(tuesday, TO_START, TO_END)).toBe('changed');
    expect(fake.instancePatches.map((p) => p.by)).toEqual(['user']);
    expect(fake.instance(seriesId, tuesday.originalAt)!.start.dateTime).toBe('2026-03-03T16:00:00-05:00');
  });

  it('404 → "gone": injected, and for an instance id the series does not have', async () => {
    const h = await googleHarness(fake);
    const { seriesId, tuesday } = await polled(h);
    fake.faultPolicy = (method) => (method === 'PATCH' ? '404' : undefined);
    expect(await h.google.moveInstance(tuesday, TO_START, TO_END)).toBe('gone');
    fake.faultPolicy = () => undefined;
    expect(await h.google.moveInstance({ ...tuesday, instanceId: `${seriesId}_20260303T190100Z` }, TO_START, TO_END)).toBe('gone');
    expect(fake.instancePatches).toEqual([]);
  });

  it('409 or an injected 412 → "changed" (after one read to see where it stands), and the instance stays where it is', async () => {
    const h = await googleHarness(fake);
    const { seriesId, tuesday } = await polled(h);
    fake.faultPolicy = (method) => (method === 'PATCH' ? '409' : undefined);
    const before = h.requests.length;
    expect(await h.google.moveInstance(tuesday, TO_START, TO_END)).toBe('changed');
    expect(h.requests.slice(before)).toEqual([
      `PATCH /calendar/v3/calendars/primary/events/${tuesday.instanceId}`,
      `GET /calendar/v3/calendars/primary/events/${tuesday.instanceId}`,
    ]);
    fake.faultPolicy = (method) => (method === 'PATCH' ? '412' : undefined);
    expect(await h.google.moveInstance(tuesday, TO_START, TO_END)).toBe('changed');
    expect(fake.instancePatches).toEqual([]);
    expect(fake.instance(seriesId, tuesday.originalAt)!.start.dateTime).toBe('2026-03-03T14:00:00-05:00');
  });

  it('a lost answer: the retry meets 412 from its own move, which stands exactly there, so "moved", never twice', async () => {
    const h = await googleHarness(fake);
    const { tuesday } = await polled(h);
    let drops = 1;
    fake.faultPolicy = (method) => (method === 'PATCH' && drops-- > 0 ? 'drop' : undefined);
    const before = h.requests.length;
    expect(await h.google.moveInstance(tuesday, TO_START, TO_END)).toBe('moved');
    const path = `/calendar/v3/calendars/primary/events/${tuesday.instanceId}`;
    expect(h.requests.slice(before)).toEqual([`PATCH ${path}`, `PATCH ${path}`, `GET ${path}`]);
    expect(fake.instancePatches.map((p) => p.by)).toEqual(['client']);
  });

  it('server failures throw after the client’s short retries, and change nothing', async () => {
    const h = await googleHarness(fake);
    const { seriesId, tuesday } = await polled(h);
    fake.faultPolicy = (method) => (method === 'PATCH' ? '503' : undefined);
    const error = await h.google.moveInstance(tuesday, TO_START, TO_END).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GoogleApiError);
    expect(error).toMatchObject({ status: 503, retryable: true });
    expect(fake.instance(seriesId, tuesday.originalAt)!.start.dateTime).toBe('2026-03-03T14:00:00-05:00');
    await expect(h.google.moveInstance(tuesday, TO_END, TO_START)).rejects.toThrow(RangeError);
  });
});
