import { GraphError } from '@microsoft/microsoft-graph-client';
import { describe, expect, it } from 'vitest';
import {
  allDayDate,
  graphUtcMs,
  offsetMs,
  readScheduling,
  schedulingSelect,
  withoutTimedTitle,
  type ViewOwners,
} from '@/src/adapters/calendar/outlook/calendar-view';
import { OutlookCalendar } from '@/src/adapters/calendar/outlook/outlook-calendar';
import type { CalendarInstance } from '@/src/core/calendar-sync';
import { aHabit } from '../../../fakes/habits';
import { FixedClock } from '../../../fakes/fixed-clock';

const ms = (iso: string) => Date.parse(iso);
const utc = (dateTime: string) => ({ dateTime, timeZone: 'UTC' });

describe('graphUtcMs and offsetMs', () => {
  it('read Graph’s UTC form with any fraction, and nothing else', () => {
    expect(graphUtcMs(utc('2026-03-10T18:00:00.0000000'))).toBe(ms('2026-03-10T18:00:00Z'));
    expect(graphUtcMs(utc('2026-03-10T18:00:00.1239999'))).toBe(ms('2026-03-10T18:00:00.123Z'));
    expect(graphUtcMs(utc('2026-03-10T18:00'))).toBe(ms('2026-03-10T18:00:00Z'));
    for (const bad of [
      undefined,
      null,
      'x',
      utc('2026-03-10T18:00:00Z'),
      utc('tomorrow'),
      { dateTime: '2026-03-10T18:00:00', timeZone: 'Pacific Standard Time' },
      { dateTime: 5, timeZone: 'UTC' },
    ]) {
      expect(graphUtcMs(bad)).toBeNaN();
    }
    expect(offsetMs('2026-03-03T19:00:00Z')).toBe(ms('2026-03-03T19:00:00Z'));
    expect(offsetMs('2026-03-03T19:00:00.0000000Z')).toBe(ms('2026-03-03T19:00:00Z'));
    expect(offsetMs('2026-03-03T14:00:00-05:00')).toBe(ms('2026-03-03T19:00:00Z'));
    for (const bad of [undefined, 3, '2026-03-03T19:00:00', 'soon']) expect(offsetMs(bad)).toBeNaN();
  });
});

describe('allDayDate', () => {
  it('takes the dates of a midnight all-day event as they are, whatever zone is around', () => {
    expect(allDayDate(utc('2026-03-03T00:00:00.0000000'), 'America/New_York', false)).toBe('2026-03-03');
    expect(allDayDate(utc('2026-03-04T00:00:00.0000000'), 'Pacific/Auckland', true)).toBe('2026-03-04');
    expect(allDayDate({ dateTime: '2026-03-03T00:00:00.0000000', timeZone: 'Tokyo Standard Time' }, undefined, false)).toBe('2026-03-03');
  });

  it('reads a UTC instant that is not midnight in the person’s zone, an end covering its whole day', () => {
    // Berlin's 5 March from midnight is 4 March 23:00Z.
    expect(allDayDate(utc('2026-03-04T23:00:00.0000000'), 'Europe/Berlin', false)).toBe('2026-03-05');
    expect(allDayDate(utc('2026-03-05T23:00:00.0000000'), 'Europe/Berlin', true)).toBe('2026-03-06');
    expect(allDayDate(utc('2026-03-05T12:00:00.0000000'), 'Europe/Berlin', true)).toBe('2026-03-06');
    expect(allDayDate(utc('2026-03-05T12:00:00.0000000'), undefined, false)).toBeUndefined();
  });

  it('refuses what is no date', () => {
    for (const bad of [undefined, utc('2026-02-30T00:00:00.0000000'), utc('2026-13-01T00:00:00'), utc('3 March'), { dateTime: null }]) {
      expect(allDayDate(bad, 'UTC', false)).toBeUndefined();
    }
  });
});

describe('withoutTimedTitle', () => {
  it('drops the subject of anything not all-day and keeps an all-day title', () => {
    expect(withoutTimedTitle({ id: 'a', subject: 'Salary talk', isAllDay: false })).toEqual({ id: 'a', isAllDay: false });
    expect(withoutTimedTitle({ id: 'b', subject: 'Salary talk' })).toEqual({ id: 'b' });
    expect(withoutTimedTitle({ id: 'c', subject: 'OOO', isAllDay: true })).toEqual({ id: 'c', subject: 'OOO', isAllDay: true });
    expect(withoutTimedTitle(null)).toBeNull();
  });

  it('the scheduling read asks for subject only with titles', () => {
    expect(schedulingSelect(false)).not.toContain('subject');
    expect(schedulingSelect(true)).toContain('subject');
  });
});

describe('readScheduling', () => {
  const owners: ViewOwners = { active: new Map([['S1', 'h1']]), current: new Map([['S1', 'h1']]), own: new Set(['S1', 'OLD']) };
  const timed = (over: Record<string, unknown>) => ({ start: utc('2026-03-03T18:00:00.0000000'), end: utc('2026-03-03T19:00:00.0000000'), ...over });

  it('tells busy from free, working elsewhere, declined, cancelled, Cueboard’s and empty events', () => {
    const view = readScheduling(
      [
        timed({ id: 'busy', showAs: 'busy' }),
        timed({ id: 'unknown', showAs: 'unknown' }),
        timed({ id: 'no-show-as' }),
        timed({ id: 'free', showAs: 'free' }),
        timed({ id: 'elsewhere', showAs: 'workingElsewhere' }),
        timed({ id: 'declined', showAs: 'busy', responseStatus: { response: 'declined' } }),
        timed({ id: 'tentative-answer', showAs: 'busy', responseStatus: { response: 'tentativelyAccepted' } }),
        timed({ id: 'cancelled', showAs: 'busy', isCancelled: true }),
        timed({ id: 'old-cue', showAs: 'busy', seriesMasterId: 'OLD', originalStart: '2026-03-03T18:00:00Z' }),
        timed({ id: 'zero', showAs: 'busy', end: utc('2026-03-03T18:00:00.0000000') }),
      ],
      owners,
      { titles: false },
    );
    expect(view.busy).toHaveLength(4);
    expect(view.instances).toEqual([]);
  });

  it('keeps all-day titles only when asked, and no declined or cancelled all-day event', () => {
    const allDay = (over: Record<string, unknown>) => ({
      isAllDay: true,
      subject: 'OOO',
      start: utc('2026-03-03T00:00:00.0000000'),
      end: utc('2026-03-04T00:00:00.0000000'),
      ...over,
    });
    const items = [
      allDay({ id: 'a' }),
      allDay({ id: 'b', responseStatus: { response: 'declined' } }),
      allDay({ id: 'c', isCancelled: true }),
      allDay({ id: 'd', subject: 42 }),
    ];
    expect(readScheduling(items, owners, { titles: true }).allDay).toEqual([
      { startDate: '2026-03-03', endDate: '2026-03-04', title: 'OOO' },
      { startDate: '2026-03-03', endDate: '2026-03-04' },
    ]);
    expect(readScheduling(items, owners, { titles: false }).allDay).toEqual([
      { startDate: '2026-03-03', endDate: '2026-03-04' },
      { startDate: '2026-03-03', endDate: '2026-03-04' },
    ]);
  });

  it('versions an instance by @odata.etag, else by its changeKey; a cancelled occurrence is none', () => {
    const occ = (over: Record<string, unknown>) => timed({ seriesMasterId: 'S1', originalStart: '2026-03-03T18:00:00Z', ...over });
    const view = readScheduling(
      [
        occ({ id: 'o1', '@odata.etag': 'W/"e1"', changeKey: 'k1' }),
        occ({ id: 'o2', changeKey: 'k2' }),
        occ({ id: 'o3' }),
        occ({ id: 'o4', isCancelled: true }),
      ],
      owners,
      { titles: false },
    );
    expect(view.instances.map((i) => [i.instanceId, i.version])).toEqual([
      ['o1', 'W/"e1"'],
      ['o2', 'W/"k2"'],
      ['o3', undefined],
    ]);
    expect(view.busy).toEqual([]);
  });
});

describe('OutlookCalendar.moveInstance against a stub client', () => {
  /** A client whose PATCH fails with `fail` (when given) and whose read of the occurrence answers `stands`. */
  function calendar(fail?: number, stands: unknown = { start: utc('2026-03-03T13:00:00.0000000'), end: utc('2026-03-03T13:30:00.0000000') }) {
    const sent: { path: string; headers: Record<string, string>; body?: unknown }[] = [];
    const client = {
      api(path: string) {
        const call = { path, headers: {} as Record<string, string> };
        const request = {
          header(name: string, value: string) {
            call.headers[name] = value;
            return request;
          },
          select: () => request,
          async get() {
            if (stands instanceof Error) throw stands;
            return stands;
          },
          async patch(body: unknown) {
            sent.push({ ...call, body });
            if (fail) throw new GraphError(fail, 'refused');
            return {};
          },
        };
        return request;
      },
    };
    const habit = aHabit({ id: 'h1', schedule: { ...aHabit().schedule, timeZone: 'Europe/Berlin', window: { from: '13:00', to: '17:00', bufferMinutes: 5 } } });
    const outlook = new OutlookCalendar({
      client: client as never,
      origin: 'https://graph.example',
      store: {} as never,
      habits: async () => [habit],
      clock: FixedClock.at('2026-03-02T12:00:00Z'),
    });
    return { outlook, sent };
  }
  const instance: CalendarInstance = {
    habitId: 'h1',
    at: ms('2026-03-03T13:00:00Z'),
    end: ms('2026-03-03T13:30:00Z'),
    originalAt: ms('2026-03-03T13:00:00Z'),
    instanceId: 'AAMk/a+b=',
    version: 'W/"ck"',
  };

  it('sends wall-clock times in the habit’s zone, the id escaped, and If-Match', async () => {
    const { outlook, sent } = calendar();
    expect(await outlook.moveInstance(instance, ms('2026-03-03T14:30:00Z'), ms('2026-03-03T15:00:00Z'))).toBe('moved');
    expect(sent).toEqual([
      {
        path: '/me/events/AAMk%2Fa%2Bb%3D',
        headers: { 'If-Match': 'W/"ck"' },
        body: { start: { dateTime: '2026-03-03T15:30:00', timeZone: 'Europe/Berlin' }, end: { dateTime: '2026-03-03T16:00:00', timeZone: 'Europe/Berlin' } },
      },
    ]);
  });

  it('maps 404 and 410 to "gone", 409 and 412 to "changed", and throws the rest as CalendarErrors', async () => {
    const later = ms('2026-03-03T15:00:00Z');
    for (const [status, result] of [
      [404, 'gone'],
      [410, 'gone'],
      [409, 'changed'],
      [412, 'changed'],
    ] as const) {
      expect(await calendar(status).outlook.moveInstance(instance, later, later + 1_800_000)).toBe(result);
    }
    // A conflict over a move that already landed (the answer to the first try lost) is no conflict.
    const there = { start: utc('2026-03-03T15:00:00.0000000'), end: utc('2026-03-03T15:30:00.0000000') };
    expect(await calendar(412, there).outlook.moveInstance(instance, later, later + 1_800_000)).toBe('moved');
    expect(await calendar(409, { ...there, isCancelled: true }).outlook.moveInstance(instance, later, later + 1_800_000)).toBe('gone');
    expect(await calendar(412, new GraphError(404, 'gone')).outlook.moveInstance(instance, later, later + 1_800_000)).toBe('gone');
    expect(await calendar(412, new GraphError(503, 'busy')).outlook.moveInstance(instance, later, later + 1_800_000)).toBe('changed');
    expect(await calendar(412, 'nonsense').outlook.moveInstance(instance, later, later + 1_800_000)).toBe('changed');
    await expect(calendar(400).outlook.moveInstance(instance, later, later + 1_800_000)).rejects.toMatchObject({ kind: 'unexpected' });
    await expect(calendar(403).outlook.moveInstance(instance, later, later + 1_800_000)).rejects.toMatchObject({ kind: 'forbidden' });
  });
});
