// The fake Graph's support for auto-scheduling (issue 12): other people's events in calendarView, `$select`,
// occurrence PATCH (exceptions, If-Match on the changeKey, faults) and the person's own moves. Driven by plain fetch,
// so the exact wire shapes are what is checked, and once by the real Graph client.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { graphClient } from '@/src/adapters/calendar/outlook/graph-client';
import { FakeGraph } from './fake-graph-server';
import { fakeGraphTokens, recordedSleep } from './outlook-harness';

let fake: FakeGraph;
let token: string;

beforeEach(async () => {
  fake = await new FakeGraph().start();
  token = fake.issueAccessToken();
});
afterEach(async () => {
  await fake.stop();
});

const ms = (iso: string) => Date.parse(iso);
type Item = Record<string, any>;

async function api(method: string, path: string, opts: { query?: Record<string, string>; body?: unknown; headers?: Record<string, string> } = {}) {
  const url = new URL(`${fake.apiBase}${path}`);
  for (const [k, v] of Object.entries(opts.query ?? {})) url.searchParams.set(k, v);
  const res = await fetch(url, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...opts.headers },
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, json: text ? (JSON.parse(text) as Item) : undefined };
}

/** Cueboard's own daily 14:00 New York series from Monday 2 March 2026 (DST starts Sunday 8 March). */
async function cueSeries(): Promise<string> {
  const res = await api('POST', '/me/events', {
    body: {
      subject: 'Stretch',
      start: { dateTime: '2026-03-02T14:00:00', timeZone: 'America/New_York' },
      end: { dateTime: '2026-03-02T14:30:00', timeZone: 'America/New_York' },
      recurrence: { pattern: { type: 'daily', interval: 1 }, range: { type: 'noEnd', startDate: '2026-03-02', recurrenceTimeZone: 'America/New_York' } },
      showAs: 'free',
      transactionId: 'tx-1',
    },
  });
  expect(res.status).toBe(201);
  return res.json!.id;
}

const view = async (startDateTime = '2026-03-03T00:00:00Z', endDateTime = '2026-03-04T00:00:00Z', more: Record<string, string> = {}) =>
  (await api('GET', '/me/calendarView', { query: { startDateTime, endDateTime, $top: '100', ...more } })).json!;

describe('fake Graph: other people’s events in calendarView', () => {
  it('lists busy, free, declined, cancelled and all-day events beside Cueboard’s occurrences, in Graph’s shapes', async () => {
    const series = await cueSeries();
    const busy = fake.addMeeting({
      subject: 'Design review',
      start: '2026-03-03T13:30:00-05:00',
      end: '2026-03-03T14:15:00-05:00',
      timeZone: 'America/New_York',
    });
    const free = fake.addMeeting({ subject: 'Lunch', start: ms('2026-03-03T17:00:00Z'), end: ms('2026-03-03T18:00:00Z'), showAs: 'free' });
    const declined = fake.addMeeting({ subject: 'All hands', start: ms('2026-03-03T20:00:00Z'), end: ms('2026-03-03T21:00:00Z'), response: 'declined' });
    const cancelled = fake.addMeeting({ subject: 'Sync', start: ms('2026-03-03T15:00:00Z'), end: ms('2026-03-03T15:30:00Z'), isCancelled: true });
    const ooo = fake.addAllDay({ subject: 'OOO', date: '2026-03-03', timeZone: 'America/New_York', showAs: 'oof' });

    const items: Item[] = (await view('2026-03-03T00:00:00Z', '2026-03-04T00:00:00Z')).value;
    // By start instant: the all-day event begins at midnight in New York (05:00Z).
    expect(items.map((e) => e.id)).toEqual([ooo, cancelled, free, busy, `${series}_OCC_${ms('2026-03-03T19:00:00Z')}`, declined]);
    const byId = new Map(items.map((e) => [e.id, e]));
    // Times in UTC without an offset (no Prefer header).
    expect(byId.get(busy)).toMatchObject({
      type: 'singleInstance',
      showAs: 'busy',
      isAllDay: false,
      isCancelled: false,
      responseStatus: { response: 'accepted' },
      start: { dateTime: '2026-03-03T18:30:00.0000000', timeZone: 'UTC' },
      end: { dateTime: '2026-03-03T19:15:00.0000000', timeZone: 'UTC' },
      originalStartTimeZone: 'America/New_York',
    });
    expect(byId.get(free)!.showAs).toBe('free');
    expect(byId.get(declined)!.responseStatus.response).toBe('declined');
    expect(byId.get(cancelled)!.isCancelled).toBe(true);
    // All-day: midnight whatever the zone, though it spans 05:00Z to 05:00Z the next day.
    expect(byId.get(ooo)).toMatchObject({
      isAllDay: true,
      subject: 'OOO',
      showAs: 'oof',
      start: { dateTime: '2026-03-03T00:00:00.0000000', timeZone: 'UTC' },
      end: { dateTime: '2026-03-04T00:00:00.0000000', timeZone: 'UTC' },
    });
    expect(byId.get(`${series}_OCC_${ms('2026-03-03T19:00:00Z')}`)).toMatchObject({
      type: 'occurrence',
      seriesMasterId: series,
      showAs: 'free',
      isAllDay: false,
      responseStatus: { response: 'organizer' },
    });
    for (const e of items) expect(e['@odata.etag']).toBe(`W/"${e.changeKey}"`);
  });

  it('filters all-day events by their real span, midnight to midnight in their own zone', async () => {
    const id = fake.addAllDay({ subject: 'Vacation', date: '2026-03-05', endDate: '2026-03-07', timeZone: 'America/New_York' });
    const ids = async (from: string, to: string) => (await view(from, to)).value.map((e: Item) => e.id);
    expect(await ids('2026-03-05T00:00:00Z', '2026-03-05T05:00:00Z')).toEqual([]);
    expect(await ids('2026-03-05T00:00:00Z', '2026-03-05T05:00:01Z')).toEqual([id]);
    expect(await ids('2026-03-07T04:59:59Z', '2026-03-08T00:00:00Z')).toEqual([id]);
    expect(await ids('2026-03-07T05:00:00Z', '2026-03-08T00:00:00Z')).toEqual([]);
  });

  it('moves, cancels and removes another person’s event between polls', async () => {
    const id = fake.addMeeting({ start: ms('2026-03-03T19:00:00Z'), end: ms('2026-03-03T20:00:00Z'), timeZone: 'America/New_York' });
    const before = (await view()).value[0];
    fake.moveEvent(id, ms('2026-03-03T21:00:00Z'));
    const moved = (await view()).value[0];
    expect(moved).toMatchObject({ id, start: { dateTime: '2026-03-03T21:00:00.0000000' }, end: { dateTime: '2026-03-03T22:00:00.0000000' } });
    expect(moved.changeKey).not.toBe(before.changeKey);
    fake.moveEvent(id, '2026-03-03T09:00:00-05:00', '2026-03-03T09:15:00-05:00');
    expect((await view()).value[0]).toMatchObject({ start: { dateTime: '2026-03-03T14:00:00.0000000' }, end: { dateTime: '2026-03-03T14:15:00.0000000' } });
    fake.cancelEvent(id);
    expect((await view()).value[0].isCancelled).toBe(true);
    const ooo = fake.addAllDay({ subject: 'OOO', date: '2026-03-02' });
    fake.moveEvent(ooo, '2026-03-03');
    expect((await view()).value.find((e: Item) => e.id === ooo)).toMatchObject({
      start: { dateTime: '2026-03-03T00:00:00.0000000' },
      end: { dateTime: '2026-03-04T00:00:00.0000000' },
    });
    fake.removeEvent(id);
    fake.removeEvent(ooo);
    expect((await view()).value).toEqual([]);
    expect((await api('GET', `/me/events/${id}`)).json!.error.code).toBe('ErrorItemNotFound');
  });

  it('expands another person’s weekly series into occurrences tied to it', async () => {
    const id = fake.addMeeting({
      start: '2026-03-02T10:00:00-05:00',
      end: '2026-03-02T10:30:00-05:00',
      timeZone: 'America/New_York',
      recurrence: {
        pattern: { type: 'weekly', interval: 1, daysOfWeek: ['monday', 'tuesday'], firstDayOfWeek: 'sunday' },
        range: { type: 'noEnd', startDate: '2026-03-02' },
      },
    });
    const items: Item[] = (await view('2026-03-02T00:00:00Z', '2026-03-11T00:00:00Z')).value;
    expect(items.map((e) => [e.type, e.seriesMasterId, e.start.dateTime])).toEqual([
      ['occurrence', id, '2026-03-02T15:00:00.0000000'],
      ['occurrence', id, '2026-03-03T15:00:00.0000000'],
      ['occurrence', id, '2026-03-09T14:00:00.0000000'],
      ['occurrence', id, '2026-03-10T14:00:00.0000000'],
    ]);
    expect(items[0]).toMatchObject({ showAs: 'busy', responseStatus: { response: 'accepted' }, isOrganizer: false });
  });
});

describe('fake Graph: $select', () => {
  it('returns only the selected properties plus id and @odata.etag; selected but absent ones are null', async () => {
    const series = await cueSeries();
    const meeting = fake.addMeeting({ start: ms('2026-03-03T20:00:00Z'), end: ms('2026-03-03T21:00:00Z'), response: 'declined' });
    const body = await view(undefined, undefined, { $select: 'start,end,showAs,isAllDay,isCancelled,seriesMasterId,type,responseStatus' });
    const [occ, other] = body.value as Item[];
    expect(Object.keys(occ!).sort()).toEqual([
      '@odata.etag',
      'end',
      'id',
      'isAllDay',
      'isCancelled',
      'responseStatus',
      'seriesMasterId',
      'showAs',
      'start',
      'type',
    ]);
    expect(occ).toMatchObject({
      seriesMasterId: series,
      type: 'occurrence',
      showAs: 'free',
      start: { dateTime: '2026-03-03T19:00:00.0000000', timeZone: 'UTC' },
    });
    expect(other).toMatchObject({ id: meeting, seriesMasterId: null, type: 'singleInstance', responseStatus: { response: 'declined' } });
    expect(other!.subject).toBeUndefined();
    // Case does not matter; * is everything; $select=id is just id (and the etag).
    expect(Object.keys((await view(undefined, undefined, { $select: 'ShowAs' })).value[0]).sort()).toEqual(['@odata.etag', 'id', 'showAs']);
    expect((await view(undefined, undefined, { $select: '*' })).value[0].subject).toBe('Stretch');
    expect(Object.keys((await api('GET', `/me/events/${series}`, { query: { $select: 'id' } })).json!).sort()).toEqual(['@odata.etag', 'id']);
  });

  it('keeps $select on @odata.nextLink pages, and refuses a property events do not have', async () => {
    await cueSeries();
    const first = (
      await api('GET', '/me/calendarView', { query: { startDateTime: '2026-03-02T00:00:00Z', endDateTime: '2026-03-16T00:00:00Z', $select: 'start' } })
    ).json!;
    expect(first.value).toHaveLength(10);
    const next = await fetch(first['@odata.nextLink'], { headers: { Authorization: `Bearer ${token}` } });
    const second = (await next.json()) as Item;
    expect(second.value).toHaveLength(4);
    expect(Object.keys(second.value[0]).sort()).toEqual(['@odata.etag', 'id', 'start']);
    const bad = await api('GET', '/me/calendarView', {
      query: { startDateTime: '2026-03-02T00:00:00Z', endDateTime: '2026-03-03T00:00:00Z', $select: 'start,busy' },
    });
    expect(bad.status).toBe(400);
    expect(bad.json!.error).toMatchObject({
      code: 'RequestBroker--ParseUri',
      message: "Could not find a property named 'busy' on type 'Microsoft.OutlookServices.Event'.",
    });
  });

  it('is honoured through the real Graph client’s .select()', async () => {
    await cueSeries();
    const client = graphClient({ origin: fake.url, tokens: fakeGraphTokens(fake), sleep: recordedSleep });
    const page = await client
      .api('/me/calendarView')
      .query({ startDateTime: '2026-03-03T00:00:00Z', endDateTime: '2026-03-04T00:00:00Z' })
      .select(['start', 'end', 'showAs', 'isAllDay', 'isCancelled'])
      .get();
    expect(Object.keys(page.value[0]).sort()).toEqual(['@odata.etag', 'end', 'id', 'isAllDay', 'isCancelled', 'showAs', 'start']);
  });
});

describe('fake Graph: moving occurrences', () => {
  const wedStart = ms('2026-03-04T19:00:00Z');

  it('PATCH on an occurrence id makes it an exception, listed with the new times, same id, seriesMasterId and originalStart, new changeKey', async () => {
    const series = await cueSeries();
    const wed = fake.instanceId(series, wedStart);
    const before: Item[] = (await view('2026-03-03T00:00:00Z', '2026-03-06T00:00:00Z')).value;
    const master = (await api('GET', `/me/events/${series}`)).json!;
    const res = await api('PATCH', `/me/events/${wed}`, {
      body: {
        start: { dateTime: '2026-03-04T16:15:00', timeZone: 'America/New_York' },
        end: { dateTime: '2026-03-04T16:45:00', timeZone: 'America/New_York' },
      },
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      id: wed,
      type: 'exception',
      seriesMasterId: series,
      originalStart: '2026-03-04T19:00:00Z',
      start: { dateTime: '2026-03-04T21:15:00.0000000', timeZone: 'UTC' },
    });
    const after: Item[] = (await view('2026-03-03T00:00:00Z', '2026-03-06T00:00:00Z')).value;
    expect(after.map((e) => [e.id, e.type, e.start.dateTime, e.end.dateTime, e.originalStart])).toEqual([
      [before[0]!.id, 'occurrence', '2026-03-03T19:00:00.0000000', '2026-03-03T19:30:00.0000000', '2026-03-03T19:00:00Z'],
      [wed, 'exception', '2026-03-04T21:15:00.0000000', '2026-03-04T21:45:00.0000000', '2026-03-04T19:00:00Z'],
      [before[2]!.id, 'occurrence', '2026-03-05T19:00:00.0000000', '2026-03-05T19:30:00.0000000', '2026-03-05T19:00:00Z'],
    ]);
    expect(after[1]!.changeKey).not.toBe(before[1]!.changeKey);
    expect([after[0]!.changeKey, after[2]!.changeKey]).toEqual([before[0]!.changeKey, before[2]!.changeKey]);
    expect((await api('GET', `/me/events/${series}`)).json!.changeKey).toBe(master.changeKey);
    expect((await api('GET', `/me/events/${wed}`)).json).toMatchObject({ type: 'exception', start: { dateTime: '2026-03-04T21:15:00.0000000' } });
    expect(fake.instancePatches).toEqual([
      {
        by: 'client',
        seriesId: series,
        occurrenceId: wed,
        originalStart: wedStart,
        body: {
          start: { dateTime: '2026-03-04T16:15:00', timeZone: 'America/New_York' },
          end: { dateTime: '2026-03-04T16:45:00', timeZone: 'America/New_York' },
        },
        start: '2026-03-04T21:15:00.0000000',
        end: '2026-03-04T21:45:00.0000000',
        changeKey: after[1]!.changeKey,
      },
    ]);
    expect(fake.instance(series, wedStart)).toMatchObject({ type: 'exception' });
  });

  it('refuses offsets in dateTime, and 404s occurrence ids that are not (or no longer) in the series', async () => {
    const series = await cueSeries();
    const wed = fake.instanceId(series, wedStart);
    expect((await api('PATCH', `/me/events/${wed}`, { body: { start: { dateTime: '2026-03-04T21:15:00Z', timeZone: 'UTC' } } })).status).toBe(400);
    expect((await api('PATCH', `/me/events/${wed}`, { body: { start: { dateTime: '2026-03-04T21:15:00' } } })).status).toBe(400);
    expect(fake.instancePatches).toEqual([]);
    for (const id of [fake.instanceId(series, wedStart + 60_000), fake.instanceId(series, ms('2026-03-01T19:00:00Z')), 'AAMkAGnothing_OCC_1']) {
      const res = await api('PATCH', `/me/events/${id}`, { body: { subject: 'x' } });
      expect([res.status, res.json!.error.code], id).toEqual([404, 'ErrorItemNotFound']);
    }
    expect((await api('DELETE', `/me/events/${wed}`)).status).toBe(204);
    expect((await api('PATCH', `/me/events/${wed}`, { body: { subject: 'x' } })).status).toBe(404);
    expect(fake.instance(series, wedStart)).toBeUndefined();
  });

  it('If-Match: the current @odata.etag passes, a stale one is 412 ErrorIrresolvableConflict and changes nothing', async () => {
    const series = await cueSeries();
    const wed = fake.instanceId(series, wedStart);
    const etag = fake.instance(series, wedStart)!['@odata.etag'];
    const move = (hour: string, ifMatch: string) =>
      api('PATCH', `/me/events/${wed}`, {
        headers: { 'If-Match': ifMatch },
        body: { start: { dateTime: `2026-03-04T${hour}:00:00`, timeZone: 'UTC' }, end: { dateTime: `2026-03-04T${hour}:30:00`, timeZone: 'UTC' } },
      });
    const ok = await move('21', etag);
    expect(ok.status).toBe(200);
    const stale = await move('22', etag);
    expect([stale.status, stale.json!.error.code]).toEqual([412, 'ErrorIrresolvableConflict']);
    expect(fake.instance(series, wedStart)!.start.dateTime).toBe('2026-03-04T21:00:00.0000000');
    expect((await move('22', ok.json!['@odata.etag'])).status).toBe(200);
    // The master too.
    const master = (await api('GET', `/me/events/${series}`)).json!;
    expect((await api('PATCH', `/me/events/${series}`, { headers: { 'If-Match': 'W/"old"' }, body: { subject: 'x' } })).status).toBe(412);
    expect((await api('PATCH', `/me/events/${series}`, { headers: { 'If-Match': master['@odata.etag'] }, body: { subject: 'Stretch more' } })).status).toBe(
      200,
    );
  });

  it('the person moving an occurrence by hand: an exception with a new changeKey, recorded as theirs; Cueboard’s stale If-Match then fails', async () => {
    const series = await cueSeries();
    const wed = fake.instanceId(series, wedStart);
    const seen = fake.instance(series, wedStart)!;
    const moved = fake.userMovesInstance(series, wedStart, ms('2026-03-04T22:00:00Z'));
    expect(moved).toMatchObject({
      id: wed,
      type: 'exception',
      start: { dateTime: '2026-03-04T22:00:00.0000000' },
      end: { dateTime: '2026-03-04T22:30:00.0000000' },
      originalStart: '2026-03-04T19:00:00Z',
    });
    expect(moved.changeKey).not.toBe(seen.changeKey);
    expect(fake.instancePatches.map((p) => [p.by, p.occurrenceId, p.start])).toEqual([['user', wed, '2026-03-04T22:00:00.0000000']]);
    expect((await view('2026-03-04T00:00:00Z', '2026-03-05T00:00:00Z')).value).toEqual([moved]);
    const res = await api('PATCH', `/me/events/${wed}`, { headers: { 'If-Match': seen['@odata.etag'] }, body: { subject: 'x' } });
    expect(res.status).toBe(412);
    fake.userMovesInstance(series, ms('2026-03-05T19:00:00Z'), ms('2026-03-05T20:00:00Z'), ms('2026-03-05T21:00:00Z'));
    expect(fake.instance(series, ms('2026-03-05T19:00:00Z'))!.end.dateTime).toBe('2026-03-05T21:00:00.0000000');
    fake.moveOccurrence(series, ms('2026-03-06T19:00:00Z'), ms('2026-03-06T20:00:00Z'));
    expect(fake.instancePatches.map((p) => p.by)).toEqual(['user', 'user', 'user']);
    expect(() => fake.userMovesInstance(series, wedStart + 1, 0)).toThrow(/No occurrence/);
  });

  it('injected faults on an occurrence PATCH: 404, 409, 412, 429 with Retry-After, 5xx, timeout — none change it; a dropped answer does', async () => {
    const series = await cueSeries();
    const wed = fake.instanceId(series, wedStart);
    fake.retryAfterSeconds = 30;
    const body = { start: { dateTime: '2026-03-04T21:00:00', timeZone: 'UTC' }, end: { dateTime: '2026-03-04T21:30:00', timeZone: 'UTC' } };
    for (const [fault, status, code] of [
      ['404', 404, 'ErrorItemNotFound'],
      ['409', 409, 'ErrorIrresolvableConflict'],
      ['412', 412, 'ErrorIrresolvableConflict'],
      ['429', 429, 'ApplicationThrottled'],
      ['500', 500, 'generalException'],
      ['503', 503, 'ServiceUnavailable'],
      ['504', 504, 'ServiceUnavailable'],
    ] as const) {
      fake.faultPolicy = (method, path) => (method === 'PATCH' && path.endsWith(wed) ? fault : undefined);
      const res = await api('PATCH', `/me/events/${wed}`, { body });
      expect([res.status, res.json!.error.code]).toEqual([status, code]);
      if (fault === '429' || fault === '503') expect(res.headers.get('retry-after')).toBe('30');
      expect((await view('2026-03-04T00:00:00Z', '2026-03-05T00:00:00Z')).value[0]).toMatchObject({
        type: 'occurrence',
        start: { dateTime: '2026-03-04T19:00:00.0000000' },
      });
    }
    fake.faultPolicy = (method) => (method === 'PATCH' ? 'timeout' : undefined);
    await expect(
      fetch(`${fake.apiBase}/me/events/${wed}`, {
        method: 'PATCH',
        headers: { Authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(200),
      }),
    ).rejects.toThrow();
    expect(fake.instancePatches).toEqual([]);
    fake.faultPolicy = (method) => (method === 'PATCH' ? 'drop' : undefined);
    await expect(
      fetch(`${fake.apiBase}/me/events/${wed}`, { method: 'PATCH', headers: { Authorization: `Bearer ${token}` }, body: JSON.stringify(body) }),
    ).rejects.toThrow();
    expect(fake.instance(series, wedStart)).toMatchObject({ type: 'exception', start: { dateTime: '2026-03-04T21:00:00.0000000' } });
    expect(fake.instancePatches).toHaveLength(1);
  });
});
