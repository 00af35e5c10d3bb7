// The fake Google Calendar's support for auto-scheduling (issue 12): other people's events, the unfiltered
// events.list with `fields`, instance ids, instance PATCH (exceptions, If-Match, faults) and the person's own moves.
// Driven by plain fetch, so the exact wire shapes are what is checked.
import { auth, calendar } from '@googleapis/calendar';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeGoogle } from './fake-google-server';

let fake: FakeGoogle;
let token: string;

beforeEach(async () => {
  fake = await new FakeGoogle().start();
  token = fake.issueToken();
});
afterEach(async () => {
  await fake.stop();
});

const ms = (iso: string) => Date.parse(iso);

async function api(method: string, path: string, opts: { query?: Record<string, string | string[]>; body?: unknown; headers?: Record<string, string> } = {}) {
  const url = new URL(`${fake.apiBase}${path}`);
  for (const [k, v] of Object.entries(opts.query ?? {})) for (const one of [v].flat()) url.searchParams.append(k, one);
  const res = await fetch(url, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...opts.headers },
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, json: text ? (JSON.parse(text) as Record<string, any>) : undefined };
}

/** Cueboard's own daily 14:00 New York series from Monday 2 March 2026 (DST starts Sunday 8 March). */
async function cueSeries(id = 'cuetest0001') {
  const res = await api('POST', '/calendars/primary/events', {
    body: {
      id,
      summary: 'Stretch',
      start: { dateTime: '2026-03-02T14:00:00', timeZone: 'America/New_York' },
      end: { dateTime: '2026-03-02T14:30:00', timeZone: 'America/New_York' },
      recurrence: ['RRULE:FREQ=DAILY'],
      transparency: 'transparent',
      extendedProperties: { private: { app: 'cueboard', habitId: 'h1' } },
    },
  });
  expect(res.status).toBe(200);
  return id;
}

const window = { singleEvents: 'true', orderBy: 'startTime', timeMin: '2026-03-03T00:00:00Z', timeMax: '2026-03-04T00:00:00Z' };
const list = async (query: Record<string, string | string[]> = window) => (await api('GET', '/calendars/primary/events', { query })).json!;

describe('fake Google: other people’s events', () => {
  it('adds busy, transparent, declined, cancelled and all-day events in Google’s shapes; the unfiltered list returns them beside Cueboard’s instances', async () => {
    await cueSeries();
    const busy = fake.addMeeting({
      summary: 'Design review',
      start: '2026-03-03T13:30:00-05:00',
      end: '2026-03-03T14:15:00-05:00',
      timeZone: 'America/New_York',
    });
    const free = fake.addMeeting({ summary: 'Lunch (free)', start: ms('2026-03-03T17:00:00Z'), end: ms('2026-03-03T18:00:00Z'), transparency: 'transparent' });
    const declined = fake.addMeeting({ summary: 'All hands', start: ms('2026-03-03T20:00:00Z'), end: ms('2026-03-03T21:00:00Z'), response: 'declined' });
    const cancelled = fake.addMeeting({ summary: 'Cancelled sync', start: ms('2026-03-03T15:00:00Z'), end: ms('2026-03-03T15:30:00Z'), status: 'cancelled' });
    const ooo = fake.addAllDay({ summary: 'OOO', date: '2026-03-03' });

    const body = await list();
    expect(body).toMatchObject({ kind: 'calendar#events', timeZone: 'UTC' });
    const byId = new Map<string, Record<string, any>>(body.items.map((e: Record<string, any>) => [e.id, e]));
    // Ordered by start: the all-day event (midnight), then by time; the cancelled meeting is absent.
    expect(body.items.map((e: Record<string, any>) => e.id)).toEqual([ooo, free, busy, 'cuetest0001_20260303T190000Z', declined]);
    expect(byId.has(cancelled)).toBe(false);

    expect(byId.get(busy)).toMatchObject({
      status: 'confirmed',
      start: { dateTime: '2026-03-03T13:30:00-05:00', timeZone: 'America/New_York' },
      end: { dateTime: '2026-03-03T14:15:00-05:00' },
    });
    expect(byId.get(busy)!.transparency).toBeUndefined(); // opaque is the default, which Google leaves out
    expect(byId.get(free)!.transparency).toBe('transparent');
    expect(byId.get(declined)!.attendees).toEqual([
      { email: 'colleague@example.com', organizer: true, responseStatus: 'accepted' },
      { email: fake.selfEmail, self: true, responseStatus: 'declined' },
    ]);
    expect(byId.get(ooo)).toMatchObject({ summary: 'OOO', start: { date: '2026-03-03' }, end: { date: '2026-03-04' } });
    expect(byId.get(ooo)!.start.dateTime).toBeUndefined();

    // showDeleted brings the cancelled one back, as a cancelled event.
    const withDeleted = await list({ ...window, showDeleted: 'true' });
    expect(withDeleted.items.find((e: Record<string, any>) => e.id === cancelled)).toMatchObject({ status: 'cancelled' });
  });

  it('keeps the Cueboard-only filtered read as it was: only our instances', async () => {
    await cueSeries();
    fake.addMeeting({ start: ms('2026-03-03T19:00:00Z'), end: ms('2026-03-03T20:00:00Z') });
    const body = await list({ ...window, privateExtendedProperty: 'app=cueboard' });
    expect(body.items.map((e: Record<string, any>) => e.id)).toEqual(['cuetest0001_20260303T190000Z']);
  });

  it('places all-day events midnight to midnight (end exclusive) in the calendar’s zone when filtering', async () => {
    fake.calendarTimeZone = 'America/New_York';
    const id = fake.addAllDay({ summary: 'Vacation', date: '2026-03-05', endDate: '2026-03-07' });
    const ids = async (timeMin: string, timeMax: string) =>
      (await list({ singleEvents: 'true', timeMin, timeMax })).items.map((e: Record<string, any>) => e.id);
    expect(await ids('2026-03-05T00:00:00Z', '2026-03-05T05:00:00Z')).toEqual([]); // before midnight in New York
    expect(await ids('2026-03-05T00:00:00Z', '2026-03-05T05:00:01Z')).toEqual([id]);
    expect(await ids('2026-03-07T04:59:59Z', '2026-03-08T00:00:00Z')).toEqual([id]);
    expect(await ids('2026-03-07T05:00:00Z', '2026-03-08T00:00:00Z')).toEqual([]); // end date exclusive
    expect((await list({ singleEvents: 'true', timeMin: '2026-03-05T12:00:00Z', timeMax: '2026-03-05T13:00:00Z' })).timeZone).toBe('America/New_York');
  });

  it('moves and removes another person’s event between polls', async () => {
    const id = fake.addMeeting({ start: ms('2026-03-03T19:00:00Z'), end: ms('2026-03-03T20:00:00Z'), timeZone: 'America/New_York' });
    const before = (await list()).items[0];
    fake.moveEvent(id, ms('2026-03-03T21:00:00Z'));
    const moved = (await list()).items[0];
    expect(moved).toMatchObject({ id, start: { dateTime: '2026-03-03T16:00:00-05:00' }, end: { dateTime: '2026-03-03T17:00:00-05:00' }, sequence: 1 });
    expect(moved.etag).not.toBe(before.etag);
    fake.moveEvent(id, '2026-03-03T09:00:00-05:00', '2026-03-03T09:15:00-05:00');
    expect((await list()).items[0]).toMatchObject({ start: { dateTime: '2026-03-03T09:00:00-05:00' }, end: { dateTime: '2026-03-03T09:15:00-05:00' } });
    const ooo = fake.addAllDay({ summary: 'OOO', date: '2026-03-02' });
    fake.moveEvent(ooo, '2026-03-03');
    expect((await list()).items.find((e: Record<string, any>) => e.id === ooo)).toMatchObject({ start: { date: '2026-03-03' }, end: { date: '2026-03-04' } });
    fake.removeEvent(id);
    fake.removeEvent(ooo);
    expect((await list()).items).toEqual([]);
    expect((await api('GET', `/calendars/primary/events/${id}`)).json).toMatchObject({ status: 'cancelled' });
  });

  it('expands another person’s weekly meeting into instances with their own ids', async () => {
    const id = fake.addMeeting({
      id: 'standup001',
      start: '2026-03-02T10:00:00-05:00',
      end: '2026-03-02T10:30:00-05:00',
      timeZone: 'America/New_York',
      recurrence: ['RRULE:FREQ=WEEKLY;BYDAY=MO,TU'],
      response: 'accepted',
    });
    const items = (await list({ singleEvents: 'true', orderBy: 'startTime', timeMin: '2026-03-02T00:00:00Z', timeMax: '2026-03-11T00:00:00Z' })).items;
    expect(items.map((e: Record<string, any>) => [e.id, e.recurringEventId, e.originalStartTime.dateTime])).toEqual([
      [`${id}_20260302T150000Z`, id, '2026-03-02T10:00:00-05:00'],
      [`${id}_20260303T150000Z`, id, '2026-03-03T10:00:00-05:00'],
      [`${id}_20260309T140000Z`, id, '2026-03-09T10:00:00-04:00'],
      [`${id}_20260310T140000Z`, id, '2026-03-10T10:00:00-04:00'],
    ]);
    expect(items[0].attendees[1]).toEqual({ email: fake.selfEmail, self: true, responseStatus: 'accepted' });
  });
});

describe('fake Google: partial responses (fields)', () => {
  const busyFields =
    'items(id,start,end,transparency,status,attendees(self,responseStatus),recurringEventId,originalStartTime,summary,extendedProperties),nextPageToken,nextSyncToken';

  it('returns only the selected fields, nested ones trimmed, absent ones simply missing', async () => {
    await cueSeries();
    const declined = fake.addMeeting({ id: 'allhands01', start: ms('2026-03-03T20:00:00Z'), end: ms('2026-03-03T21:00:00Z'), response: 'declined' });
    const body = await list({ ...window, fields: busyFields });
    expect(Object.keys(body).sort()).toEqual(['items', 'nextSyncToken']);
    const [cue, meeting] = body.items;
    expect(cue).toEqual({
      id: 'cuetest0001_20260303T190000Z',
      status: 'confirmed',
      summary: 'Stretch',
      transparency: 'transparent',
      start: { dateTime: '2026-03-03T14:00:00-05:00', timeZone: 'America/New_York' },
      end: { dateTime: '2026-03-03T14:30:00-05:00', timeZone: 'America/New_York' },
      recurringEventId: 'cuetest0001',
      originalStartTime: { dateTime: '2026-03-03T14:00:00-05:00', timeZone: 'America/New_York' },
      extendedProperties: { private: { app: 'cueboard', habitId: 'h1' } },
    });
    expect(meeting).toEqual({
      id: declined,
      status: 'confirmed',
      summary: 'Meeting',
      start: { dateTime: '2026-03-03T20:00:00+00:00', timeZone: 'UTC' },
      end: { dateTime: '2026-03-03T21:00:00+00:00', timeZone: 'UTC' },
      attendees: [{ responseStatus: 'accepted' }, { self: true, responseStatus: 'declined' }],
    });
  });

  it('pages with nextPageToken when selected, and understands a/b paths, * and repeated selections', async () => {
    await cueSeries();
    fake.pageSize = 2;
    const query = { ...window, timeMax: '2026-03-08T00:00:00Z', fields: 'items(id),nextPageToken' };
    const first = await list(query);
    expect(first).toEqual({ items: [{ id: 'cuetest0001_20260303T190000Z' }, { id: 'cuetest0001_20260304T190000Z' }], nextPageToken: '2' });
    const second = await list({ ...query, pageToken: first.nextPageToken });
    expect(second.items).toHaveLength(2);
    fake.pageSize = undefined;
    expect(await list({ ...window, fields: 'items/start/dateTime,kind' })).toEqual({
      kind: 'calendar#events',
      items: [{ start: { dateTime: '2026-03-03T14:00:00-05:00' } }],
    });
    expect((await list({ ...window, fields: 'items(start(*))' })).items[0]).toEqual({
      start: { dateTime: '2026-03-03T14:00:00-05:00', timeZone: 'America/New_York' },
    });
    expect((await list({ ...window, fields: 'items(start/timeZone,start(dateTime))' })).items[0]).toEqual({
      start: { dateTime: '2026-03-03T14:00:00-05:00', timeZone: 'America/New_York' },
    });
    expect((await list({ ...window, fields: 'items(extendedProperties/private/habitId)' })).items[0]).toEqual({
      extendedProperties: { private: { habitId: 'h1' } },
    });
  });

  it('refuses an invalid selection with 400 before doing anything, and trims single-event answers too', async () => {
    const id = await cueSeries();
    for (const fields of ['items(idd)', 'items(id', 'bogus', 'items(start(minutes))', 'items(id)),', 'items(id,,start)']) {
      const res = await api('GET', '/calendars/primary/events', { query: { ...window, fields } });
      expect(res.status, fields).toBe(400);
      expect(res.json!.error.errors[0]).toMatchObject({
        reason: 'invalidParameter',
        location: 'fields',
        message: expect.stringMatching(/^Invalid field selection/),
      });
    }
    const refused = await api('PATCH', `/calendars/primary/events/${id}_20260303T190000Z`, {
      query: { fields: 'nope' },
      body: { start: { dateTime: '2026-03-03T16:00:00-05:00' } },
    });
    expect(refused.status).toBe(400);
    expect(fake.instancePatches).toEqual([]);
    const patched = await api('PATCH', `/calendars/primary/events/${id}_20260303T190000Z`, {
      query: { fields: 'id,start,etag' },
      body: { start: { dateTime: '2026-03-03T16:00:00-05:00' }, end: { dateTime: '2026-03-03T16:30:00-05:00' } },
    });
    expect(Object.keys(patched.json!).sort()).toEqual(['etag', 'id', 'start']);
    expect((await api('GET', `/calendars/primary/events/${id}`, { query: { fields: 'recurrence' } })).json).toEqual({ recurrence: ['RRULE:FREQ=DAILY'] });
  });

  it('is what @googleapis/calendar sends for `fields`', async () => {
    await cueSeries();
    const client = new auth.OAuth2();
    client.setCredentials({ access_token: token });
    const cal = calendar({ version: 'v3', rootUrl: `${fake.url}/`, auth: client, retry: false });
    const { data } = await cal.events.list({ calendarId: 'primary', ...window, singleEvents: true, fields: 'items(id,start/dateTime),nextSyncToken' });
    expect(data.items).toEqual([{ id: 'cuetest0001_20260303T190000Z', start: { dateTime: '2026-03-03T14:00:00-05:00' } }]);
  });
});

describe('fake Google: moving single instances', () => {
  const wed = 'cuetest0001_20260304T190000Z';

  it('PATCH on an instance id makes an exception: listed with the new times, same id and originalStartTime, its own etag', async () => {
    const id = await cueSeries();
    const master = (await api('GET', `/calendars/primary/events/${id}`)).json!;
    const before = await list({ ...window, timeMax: '2026-03-06T00:00:00Z' });
    // Z or another zone's offset: Google answers in the instance's zone.
    const res = await api('PATCH', `/calendars/primary/events/${wed}`, {
      body: { start: { dateTime: '2026-03-04T21:15:00Z' }, end: { dateTime: '2026-03-04T21:45:00Z' } },
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      id: wed,
      recurringEventId: id,
      start: { dateTime: '2026-03-04T16:15:00-05:00', timeZone: 'America/New_York' },
      end: { dateTime: '2026-03-04T16:45:00-05:00' },
    });
    const after = await list({ ...window, timeMax: '2026-03-06T00:00:00Z' });
    expect(after.items.map((e: Record<string, any>) => [e.id, e.start.dateTime, e.originalStartTime.dateTime])).toEqual([
      ['cuetest0001_20260303T190000Z', '2026-03-03T14:00:00-05:00', '2026-03-03T14:00:00-05:00'],
      [wed, '2026-03-04T16:15:00-05:00', '2026-03-04T14:00:00-05:00'],
      ['cuetest0001_20260305T190000Z', '2026-03-05T14:00:00-05:00', '2026-03-05T14:00:00-05:00'],
    ]);
    // Only the moved instance's etag changes; the master and the other instances keep theirs.
    expect(after.items[1].etag).not.toBe(before.items[1].etag);
    expect([after.items[0].etag, after.items[2].etag]).toEqual([before.items[0].etag, before.items[2].etag]);
    expect((await api('GET', `/calendars/primary/events/${id}`)).json!.etag).toBe(master.etag);
    expect(fake.instancePatches).toEqual([
      {
        by: 'client',
        seriesId: id,
        instanceId: wed,
        originalStart: ms('2026-03-04T19:00:00Z'),
        body: { start: { dateTime: '2026-03-04T21:15:00Z' }, end: { dateTime: '2026-03-04T21:45:00Z' } },
        start: '2026-03-04T16:15:00-05:00',
        end: '2026-03-04T16:45:00-05:00',
        etag: after.items[1].etag,
        status: 'confirmed',
      },
    ]);
    expect(fake.instance(id, ms('2026-03-04T19:00:00Z'))).toMatchObject({ start: { dateTime: '2026-03-04T16:15:00-05:00' } });
    expect(fake.instanceId(id, ms('2026-03-04T19:00:00Z'))).toBe(wed);
    // Moved out of the window, it leaves it; moved in, it comes in (keyed by its new times).
    await api('PATCH', `/calendars/primary/events/${wed}`, {
      body: { start: { dateTime: '2026-03-05T23:00:00-05:00' }, end: { dateTime: '2026-03-05T23:30:00-05:00' } },
    });
    expect((await list({ ...window, timeMin: '2026-03-04T00:00:00Z', timeMax: '2026-03-05T00:00:00Z' })).items).toEqual([]);
    expect((await list({ ...window, timeMin: '2026-03-06T03:00:00Z', timeMax: '2026-03-06T05:00:00Z' })).items.map((e: Record<string, any>) => e.id)).toEqual([
      wed,
    ]);
  });

  it('moves an instance after the DST change in its own zone; a start after the end is refused and changes nothing', async () => {
    const id = await cueSeries();
    const mon = `${id}_20260309T180000Z`;
    const res = await api('PATCH', `/calendars/primary/events/${mon}`, {
      body: {
        start: { dateTime: '2026-03-09T15:00:00', timeZone: 'America/New_York' },
        end: { dateTime: '2026-03-09T15:30:00', timeZone: 'America/New_York' },
      },
    });
    expect(res.json).toMatchObject({ start: { dateTime: '2026-03-09T15:00:00-04:00' }, originalStartTime: { dateTime: '2026-03-09T14:00:00-04:00' } });
    const bad = await api('PATCH', `/calendars/primary/events/${mon}`, { body: { end: { dateTime: '2026-03-09T14:00:00-04:00' } } });
    expect([bad.status, bad.json!.error.errors[0].reason]).toEqual([400, 'timeRangeEmpty']);
    expect(fake.instance(id, ms('2026-03-09T18:00:00Z'))).toMatchObject({
      start: { dateTime: '2026-03-09T15:00:00-04:00' },
      end: { dateTime: '2026-03-09T15:30:00-04:00' },
    });
    expect(fake.instancePatches).toHaveLength(1);
  });

  it('404s an instance id the series does not have, and an unknown series', async () => {
    const id = await cueSeries();
    for (const bad of [`${id}_20260304T190100Z`, `${id}_20260301T190000Z`, 'nosuchseries_20260304T190000Z']) {
      const res = await api('PATCH', `/calendars/primary/events/${bad}`, { body: { start: { dateTime: '2026-03-04T16:00:00-05:00' } } });
      expect(res.status, bad).toBe(404);
      expect(res.json!.error.errors[0].reason).toBe('notFound');
    }
  });

  it('If-Match: the instance’s etag passes, a stale one is 412 conditionNotMet and changes nothing', async () => {
    const id = await cueSeries();
    const etag = fake.instance(id, ms('2026-03-04T19:00:00Z'))!.etag;
    const move = (to: string, ifMatch: string) =>
      api('PATCH', `/calendars/primary/events/${wed}`, {
        headers: { 'If-Match': ifMatch },
        body: { start: { dateTime: `2026-03-04T${to}:00-05:00` }, end: { dateTime: `2026-03-04T${to}:30-05:00` } },
      });
    const ok = await move('16:00', etag);
    expect(ok.status).toBe(200);
    const stale = await move('17:00', etag);
    expect(stale.status).toBe(412);
    expect(stale.json!.error.errors[0]).toMatchObject({ reason: 'conditionNotMet', location: 'If-Match' });
    expect(fake.instance(id, ms('2026-03-04T19:00:00Z'))!.start.dateTime).toBe('2026-03-04T16:00:00-05:00');
    expect((await move('17:00', ok.json!.etag)).status).toBe(200);
  });

  it('the person moving an instance by hand: new times and etag, recorded as theirs, and Cueboard’s stale If-Match then fails', async () => {
    const id = await cueSeries();
    const seen = fake.instance(id, ms('2026-03-04T19:00:00Z'))!;
    const moved = fake.userMovesInstance(id, ms('2026-03-04T19:00:00Z'), ms('2026-03-04T22:00:00Z'));
    expect(moved).toMatchObject({ id: wed, start: { dateTime: '2026-03-04T17:00:00-05:00' }, end: { dateTime: '2026-03-04T17:30:00-05:00' } });
    expect(moved.etag).not.toBe(seen.etag);
    expect(fake.instancePatches.map((p) => [p.by, p.instanceId, p.start])).toEqual([['user', wed, '2026-03-04T17:00:00-05:00']]);
    const listed = (await list({ ...window, timeMin: '2026-03-04T00:00:00Z', timeMax: '2026-03-05T00:00:00Z' })).items;
    expect(listed).toEqual([moved]);
    const res = await api('PATCH', `/calendars/primary/events/${wed}`, {
      headers: { 'If-Match': seen.etag },
      body: { start: { dateTime: '2026-03-04T14:00:00-05:00' } },
    });
    expect(res.status).toBe(412);
    // A longer block too, and moveInstance (the older name) does the same.
    fake.userMovesInstance(id, ms('2026-03-05T19:00:00Z'), ms('2026-03-05T20:00:00Z'), ms('2026-03-05T21:00:00Z'));
    expect(fake.instance(id, ms('2026-03-05T19:00:00Z'))!.end.dateTime).toBe('2026-03-05T16:00:00-05:00');
    fake.moveInstance(id, ms('2026-03-06T19:00:00Z'), ms('2026-03-06T20:00:00Z'));
    expect(fake.instancePatches.map((p) => p.by)).toEqual(['user', 'user', 'user']);
    expect(() => fake.userMovesInstance(id, ms('2026-03-04T19:30:00Z'), 0)).toThrow(/No instance/);
  });

  it('injected faults on an instance PATCH: 404, 409 conflict, 412, 5xx, 429 with Retry-After, timeout — none change the instance; a dropped answer does', async () => {
    const id = await cueSeries();
    fake.retryAfterSeconds = 30;
    const body = { start: { dateTime: '2026-03-04T16:00:00-05:00' }, end: { dateTime: '2026-03-04T16:30:00-05:00' } };
    for (const [fault, code, reason] of [
      ['404', 404, 'notFound'],
      ['409', 409, 'conflict'],
      ['412', 412, 'conditionNotMet'],
      ['500', 500, 'backendError'],
      ['503', 503, 'backendError'],
      ['429', 429, 'rateLimitExceeded'],
    ] as const) {
      // Only PATCHes on instance ids fail; reads go through.
      fake.faultPolicy = (method, path) => (method === 'PATCH' && path.endsWith(wed) ? fault : undefined);
      const res = await api('PATCH', `/calendars/primary/events/${wed}`, { body });
      expect([res.status, res.json!.error.errors[0].reason]).toEqual([code, reason]);
      if (fault === '429') expect(res.headers.get('retry-after')).toBe('30');
      expect((await list({ ...window, timeMin: '2026-03-04T00:00:00Z', timeMax: '2026-03-05T00:00:00Z' })).items[0].start.dateTime).toBe(
        '2026-03-04T14:00:00-05:00',
      );
    }
    fake.faultPolicy = (method) => (method === 'POST' ? '409' : undefined);
    expect((await api('POST', '/calendars/primary/events', { body: {} })).json!.error.errors[0].reason).toBe('duplicate');

    fake.faultPolicy = (method) => (method === 'PATCH' ? 'timeout' : undefined);
    await expect(
      fetch(`${fake.apiBase}/calendars/primary/events/${wed}`, {
        method: 'PATCH',
        headers: { Authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(200),
      }),
    ).rejects.toThrow();
    expect(fake.instancePatches).toEqual([]);

    fake.faultPolicy = (method) => (method === 'PATCH' ? 'drop' : undefined);
    await expect(
      fetch(`${fake.apiBase}/calendars/primary/events/${wed}`, { method: 'PATCH', headers: { Authorization: `Bearer ${token}` }, body: JSON.stringify(body) }),
    ).rejects.toThrow();
    expect(fake.instance(id, ms('2026-03-04T19:00:00Z'))!.start.dateTime).toBe('2026-03-04T16:00:00-05:00');
    expect(fake.instancePatches).toHaveLength(1);
  });
});
