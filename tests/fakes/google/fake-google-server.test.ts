// Contract test: Google's own Node client (@googleapis/calendar) drives the fake, so the fake speaks Google's
// protocol (paths, query encoding, error shapes) and not only Cueboard's.
import { auth, calendar, type calendar_v3 } from '@googleapis/calendar';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeGoogle } from './fake-google-server';

let fake: FakeGoogle;
let cal: calendar_v3.Calendar;

beforeEach(async () => {
  fake = await new FakeGoogle().start();
  const client = new auth.OAuth2();
  client.setCredentials({ access_token: fake.issueToken() });
  cal = calendar({ version: 'v3', rootUrl: `${fake.url}/`, auth: client, retry: false });
});
afterEach(async () => {
  await fake.stop();
});

const series = (over: Partial<calendar_v3.Schema$Event> = {}): calendar_v3.Schema$Event => ({
  id: 'cuetest0001',
  summary: 'Review team code',
  start: { dateTime: '2025-03-06T14:00:00', timeZone: 'America/New_York' },
  end: { dateTime: '2025-03-06T14:30:00', timeZone: 'America/New_York' },
  recurrence: ['RRULE:FREQ=DAILY'],
  reminders: { useDefault: false, overrides: [{ method: 'popup', minutes: 0 }] },
  transparency: 'transparent',
  extendedProperties: { private: { app: 'cueboard', habitId: 'h1' } },
  ...over,
});

async function status(p: Promise<unknown>): Promise<{ code: number; reason?: string }> {
  try {
    await p;
    return { code: 200 };
  } catch (error) {
    const e = error as { status?: number; response?: { status: number; data?: { error?: { errors?: { reason?: string }[] } } } };
    return { code: e.response?.status ?? e.status ?? -1, reason: e.response?.data?.error?.errors?.[0]?.reason };
  }
}

describe('fake Google Calendar, driven by @googleapis/calendar', () => {
  it('inserts, gets, patches and deletes (204, then 410 deleted)', async () => {
    const inserted = await cal.events.insert({ calendarId: 'primary', requestBody: series() });
    expect(inserted.status).toBe(200);
    expect(inserted.data).toMatchObject({ id: 'cuetest0001', status: 'confirmed', iCalUID: 'cuetest0001@google.com' });
    expect((await cal.events.get({ calendarId: 'primary', eventId: 'cuetest0001' })).data.summary).toBe('Review team code');
    const patched = await cal.events.patch({
      calendarId: 'primary',
      eventId: 'cuetest0001',
      requestBody: { summary: 'Review code', extendedProperties: { private: { v: '2' } } },
    });
    expect(patched.data.summary).toBe('Review code');
    expect(patched.data.extendedProperties?.private).toEqual({ app: 'cueboard', habitId: 'h1', v: '2' });
    expect((await cal.events.delete({ calendarId: 'primary', eventId: 'cuetest0001' })).status).toBe(204);
    expect(await status(cal.events.delete({ calendarId: 'primary', eventId: 'cuetest0001' }))).toEqual({ code: 410, reason: 'deleted' });
    expect((await cal.events.get({ calendarId: 'primary', eventId: 'cuetest0001' })).data.status).toBe('cancelled');
  });

  it('refuses bad input with Google’s reasons', async () => {
    await cal.events.insert({ calendarId: 'primary', requestBody: series() });
    expect(await status(cal.events.insert({ calendarId: 'primary', requestBody: series() }))).toEqual({ code: 409, reason: 'duplicate' });
    expect(await status(cal.events.insert({ calendarId: 'primary', requestBody: series({ id: 'UPPERCASE1' }) }))).toMatchObject({ code: 400 });
    expect(await status(cal.events.insert({ calendarId: 'primary', requestBody: series({ id: 'wxyz12345' }) }))).toMatchObject({ code: 400 });
    expect(await status(cal.events.insert({ calendarId: 'primary', requestBody: series({ id: 'abc' }) }))).toMatchObject({ code: 400 });
    expect(
      await status(cal.events.insert({ calendarId: 'primary', requestBody: series({ id: 'cuetest0002', start: { dateTime: '2025-03-06T14:00:00' } }) })),
    ).toMatchObject({ code: 400 });
    const six = Array.from({ length: 6 }, () => ({ method: 'popup', minutes: 0 }));
    expect(
      await status(cal.events.insert({ calendarId: 'primary', requestBody: series({ id: 'cuetest0003', reminders: { useDefault: false, overrides: six } }) })),
    ).toMatchObject({ code: 400 });
    expect(
      await status(
        cal.events.insert({ calendarId: 'primary', requestBody: series({ id: 'cuetest0004', recurrence: ['DTSTART:20250306T140000', 'RRULE:FREQ=DAILY'] }) }),
      ),
    ).toMatchObject({ code: 400 });
    expect(await status(cal.events.list({ calendarId: 'primary', orderBy: 'startTime' }))).toMatchObject({ code: 400 });
    expect(await status(cal.events.list({ calendarId: 'primary', timeMin: '2025-03-10T00:00:00Z', timeMax: '2025-03-09T00:00:00Z' }))).toEqual({
      code: 400,
      reason: 'timeRangeEmpty',
    });
  });

  it('expands a series in its own zone across DST, filtered by private property, in pages', async () => {
    await cal.events.insert({ calendarId: 'primary', requestBody: series() });
    await cal.events.insert({ calendarId: 'primary', requestBody: series({ id: 'otherapp01', extendedProperties: { private: { app: 'other' } } }) });
    fake.pageSize = 2;
    const starts: string[] = [];
    let pageToken: string | undefined;
    let pages = 0;
    do {
      const { data } = await cal.events.list({
        calendarId: 'primary',
        singleEvents: true,
        orderBy: 'startTime',
        timeMin: '2025-03-07T00:00:00Z',
        timeMax: '2025-03-12T00:00:00Z',
        privateExtendedProperty: ['app=cueboard'],
        pageToken,
      });
      pages++;
      starts.push(...(data.items ?? []).map((e) => e.start?.dateTime ?? ''));
      expect(Boolean(data.nextPageToken) !== Boolean(data.nextSyncToken)).toBe(true);
      pageToken = data.nextPageToken ?? undefined;
    } while (pageToken);
    expect(pages).toBe(3);
    expect(starts).toEqual([
      '2025-03-07T14:00:00-05:00',
      '2025-03-08T14:00:00-05:00',
      '2025-03-09T14:00:00-04:00',
      '2025-03-10T14:00:00-04:00',
      '2025-03-11T14:00:00-04:00',
    ]);
  });

  it('moves and cancels single instances (exceptions) and ends a series with UNTIL', async () => {
    await cal.events.insert({ calendarId: 'primary', requestBody: series() });
    const list = async () =>
      (
        await cal.events.list({
          calendarId: 'primary',
          singleEvents: true,
          orderBy: 'startTime',
          timeMin: '2025-03-07T00:00:00Z',
          timeMax: '2025-03-10T00:00:00Z',
        })
      ).data.items ?? [];
    const [first, second] = await list();
    expect(first?.recurringEventId).toBe('cuetest0001');
    await cal.events.patch({
      calendarId: 'primary',
      eventId: first!.id!,
      requestBody: { start: { dateTime: '2025-03-07T16:00:00-05:00' }, end: { dateTime: '2025-03-07T16:30:00-05:00' } },
    });
    await cal.events.delete({ calendarId: 'primary', eventId: second!.id! });
    const after = await list();
    expect(after.map((e) => e.start?.dateTime)).toEqual(['2025-03-07T16:00:00-05:00', '2025-03-09T14:00:00-04:00']);
    expect(after[0]?.originalStartTime?.dateTime).toBe('2025-03-07T14:00:00-05:00');

    await cal.events.patch({ calendarId: 'primary', eventId: 'cuetest0001', requestBody: { recurrence: ['RRULE:FREQ=DAILY;UNTIL=20250308T235959Z'] } });
    expect((await list()).map((e) => e.start?.dateTime)).toEqual(['2025-03-07T16:00:00-05:00']);
  });

  it('injects the contract’s faults: 401 authError, 429 with Retry-After, 403 rate limit, 500', async () => {
    for (const [fault, code, reason] of [
      ['401', 401, 'authError'],
      ['429', 429, 'rateLimitExceeded'],
      ['403-rate', 403, 'userRateLimitExceeded'],
      ['500', 500, 'backendError'],
    ] as const) {
      fake.faultPolicy = () => fault;
      expect(await status(cal.events.list({ calendarId: 'primary' }))).toEqual({ code, reason });
    }
    fake.faultPolicy = () => '429';
    fake.retryAfterSeconds = 7;
    const res = await fetch(`${fake.apiBase}/calendars/primary/events`, { headers: { Authorization: `Bearer ${fake.issueToken()}` } });
    expect(res.headers.get('retry-after')).toBe('7');
  });
});
