// Contract test: the real @microsoft/microsoft-graph-client (with Cueboard's middleware chain and the library's own
// HTTPMessageHandler) drives the fake Graph server, so the fake speaks Graph's protocol.
import { GraphError, type Client } from '@microsoft/microsoft-graph-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { graphClient } from '@/src/adapters/calendar/outlook/graph-client';
import { FakeGraph } from './fake-graph-server';
import { fakeGraphTokens, recordedSleep, recordRetrySleeps } from './outlook-harness';

let fake: FakeGraph;
let client: Client;
let sleeps: number[];
beforeEach(async () => {
  fake = await new FakeGraph().start();
  client = graphClient({ origin: fake.url, tokens: fakeGraphTokens(fake), sleep: recordedSleep });
  sleeps = recordRetrySleeps();
});
afterEach(async () => {
  await fake.stop();
});

const series = (over: Record<string, unknown> = {}) => ({
  subject: 'Review team code',
  start: { dateTime: '2025-03-06T14:00:00', timeZone: 'America/New_York' },
  end: { dateTime: '2025-03-06T14:30:00', timeZone: 'America/New_York' },
  recurrence: { pattern: { type: 'daily', interval: 1 }, range: { type: 'noEnd', startDate: '2025-03-06', recurrenceTimeZone: 'America/New_York' } },
  isReminderOn: true,
  reminderMinutesBeforeStart: 0,
  showAs: 'free',
  transactionId: 'tx-1',
  singleValueExtendedProperties: [{ id: 'String {6a1f3c2e-5b7d-4e8a-9c0f-2d4b6e8a1c3e} Name cueboardSeries', value: 'h1|1' }],
  ...over,
});

async function failure(p: Promise<unknown>): Promise<{ status: number; code: string | null } | 'ok'> {
  try {
    await p;
    return 'ok';
  } catch (error) {
    if (!(error instanceof GraphError)) throw error;
    return { status: error.statusCode, code: error.code };
  }
}

describe('fake Microsoft Graph, driven by @microsoft/microsoft-graph-client', () => {
  it('creates a series (201), replays a transactionId without a duplicate, finds it by extended property', async () => {
    const created = await client.api('/me/events').post(series());
    expect(created).toMatchObject({ type: 'seriesMaster', subject: 'Review team code' });
    expect(created.singleValueExtendedProperties).toBeUndefined();
    const again = await client.api('/me/events').post(series());
    expect(again.id).toBe(created.id);
    expect(fake.events.size).toBe(1);
    const found = await client
      .api('/me/events')
      .filter("singleValueExtendedProperties/Any(ep: ep/id eq 'String {6a1f3c2e-5b7d-4e8a-9c0f-2d4b6e8a1c3e} Name cueboardSeries' and ep/value eq 'h1|1')")
      .get();
    expect(found.value.map((e: { id: string }) => e.id)).toEqual([created.id]);
  });

  it('answers calendarView in UTC with no offset, 10 per page with @odata.nextLink, occurrences tied to their master', async () => {
    const { id } = await client.api('/me/events').post(series());
    const first = await client.api('/me/calendarView').query({ startDateTime: '2025-03-06T00:00:00Z', endDateTime: '2025-03-20T00:00:00Z' }).get();
    expect(first.value).toHaveLength(10);
    expect(first['@odata.nextLink']).toMatch(/\$skip=10/);
    expect(first.value[0]).toMatchObject({
      seriesMasterId: id,
      type: 'occurrence',
      originalStart: '2025-03-06T19:00:00Z',
      start: { dateTime: '2025-03-06T19:00:00.0000000', timeZone: 'UTC' },
    });
    // DST: 14:00 in New York is 18:00Z from 9 March.
    expect(first.value[3].start.dateTime).toBe('2025-03-09T18:00:00.0000000');
    const next = new URL(first['@odata.nextLink']);
    const second = await client.api(`${next.pathname.replace('/v1.0', '')}${next.search}`).get();
    expect(second.value).toHaveLength(4);
    expect(second['@odata.nextLink']).toBeUndefined();
  });

  it('moves and deletes occurrences, ends a series by date, and 404s what is gone', async () => {
    const { id } = await client.api('/me/events').post(series());
    const view = () => client.api('/me/calendarView').query({ startDateTime: '2025-03-06T00:00:00Z', endDateTime: '2025-03-09T00:00:00Z' }).get();
    const [a, b] = (await view()).value;
    await client
      .api(`/me/events/${a.id}`)
      .patch({ start: { dateTime: '2025-03-06T21:00:00.0000000', timeZone: 'UTC' }, end: { dateTime: '2025-03-06T21:30:00.0000000', timeZone: 'UTC' } });
    await client.api(`/me/events/${b.id}`).delete();
    const after = (await view()).value;
    expect(after.map((o: { type: string; start: { dateTime: string } }) => [o.type, o.start.dateTime])).toEqual([
      ['exception', '2025-03-06T21:00:00.0000000'],
      ['occurrence', '2025-03-08T19:00:00.0000000'],
    ]);
    await client.api(`/me/events/${id}`).patch({
      recurrence: {
        ...series().recurrence,
        range: { type: 'endDate', startDate: '2025-03-06', endDate: '2025-03-07', recurrenceTimeZone: 'America/New_York' },
      },
    });
    expect((await view()).value).toHaveLength(2);
    await client.api(`/me/events/${id}`).delete();
    expect(await failure(client.api(`/me/events/${id}`).get())).toEqual({ status: 404, code: 'ErrorItemNotFound' });
  });

  it('refuses bad input with Graph’s codes', async () => {
    expect(await failure(client.api('/me/calendarView').get())).toEqual({ status: 400, code: 'ErrorInvalidParameter' });
    expect(
      await failure(
        client
          .api('/me/events')
          .post(series({ transactionId: 'tx-2', recurrence: { ...series().recurrence, range: { type: 'noEnd', startDate: '2025-03-07' } } })),
      ),
    ).toEqual({
      status: 400,
      code: 'ErrorInvalidParameter',
    });
    expect(
      await failure(client.api('/me/events').post(series({ transactionId: 'tx-3', start: { dateTime: '2025-03-06T14:00:00Z', timeZone: 'UTC' } }))),
    ).toMatchObject({ status: 400 });
  });

  it('throttles with 429 + Retry-After, which the client honours within its short budget; 503/504 too; 401 reaches the caller', async () => {
    fake.retryAfterSeconds = 1;
    const faults = ['429', '503'] as const;
    let i = 0;
    fake.faultPolicy = () => faults[i++];
    await client.api('/me/events').filter("singleValueExtendedProperties/Any(ep: ep/id eq 'x' and ep/value eq 'y')").get();
    expect(sleeps).toEqual([1000, 1000]);
    fake.retryAfterSeconds = 7;
    fake.faultPolicy = () => '504';
    expect(await failure(client.api('/me/events').filter("singleValueExtendedProperties/Any(ep: ep/id eq 'x' and ep/value eq 'y')").get())).toEqual({
      status: 504,
      code: 'ServiceUnavailable',
    });
    expect(sleeps).toEqual([1000, 1000]);
    fake.faultPolicy = () => undefined;
    fake.faultPolicy = () => '401';
    await expect(client.api('/me/calendarView').query({ startDateTime: '2025-03-06T00:00:00Z', endDateTime: '2025-03-07T00:00:00Z' }).get()).rejects.toThrow(
      /connect again/,
    );
  });
});
