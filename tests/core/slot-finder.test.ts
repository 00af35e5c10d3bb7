import { describe, expect, it } from 'vitest';
import { planDay, type AllDay, type Busy, type DayPlanInput, type FlexRequest } from '@/src/core/slot-finder';

// Instants are written as ISO strings with their offset, never computed by the code under test. 2026-06-16 is a
// Tuesday in New York summer time (UTC-4).
const DAY = '2026-06-16';
const at = (hhmm: string, date = DAY, offset = '-04:00') => Date.parse(`${date}T${hhmm}:00${offset}`);
const span = (from: string, to: string, date = DAY, offset = '-04:00'): Busy => ({ start: at(from, date, offset), end: at(to, date, offset) });
const utc = (iso: string) => Date.parse(iso);

function request(overrides: Partial<FlexRequest> = {}): FlexRequest {
  return {
    habitId: 'review',
    keystone: false,
    placementsThisWeek: 0,
    window: { from: '13:00', to: '17:00', bufferMinutes: 5 },
    ideal: '14:00',
    durationMinutes: 30,
    timeZone: 'America/New_York',
    ...overrides,
  };
}

function day(overrides: Partial<DayPlanInput> = {}): DayPlanInput {
  return {
    date: DAY,
    requests: [request()],
    busy: [],
    fixedBlocks: [],
    allDay: [],
    skipWords: ['OOO', 'Vacation', 'Out of office'],
    capMinutes: 120,
    ...overrides,
  };
}

/** The one placement of a one-request day, with the start and end as local New York times for reading. */
function only(input: DayPlanInput) {
  const placements = planDay(input);
  expect(placements).toHaveLength(1);
  return placements[0]!;
}

const placedAt = (from: string, to: string, moved = true) => ({ habitId: 'review', start: at(from), end: at(to), moved });

describe('planDay on an ordinary day', () => {
  it('keeps the ideal time when it is free', () => {
    expect(only(day())).toEqual(placedAt('14:00', '14:30', false));
  });

  it('moves past back-to-back meetings to the nearest free slot, here before them', () => {
    const busy = [span('13:30', '14:00'), span('14:00', '15:00'), span('15:00', '16:00')];
    expect(only(day({ busy }))).toEqual(placedAt('13:00', '13:30'));
  });

  it('takes a gap exactly as long as the block between two meetings when no buffer is asked', () => {
    const busy = [span('13:00', '14:00'), span('14:30', '15:30')];
    expect(only(day({ busy, requests: [request({ window: { from: '13:00', to: '17:00', bufferMinutes: 0 } })] }))).toEqual(placedAt('14:00', '14:30', false));
    // With a five-minute gap after the first meeting the block no longer fits there: after the second one it goes.
    expect(only(day({ busy }))).toEqual(placedAt('15:35', '16:05'));
  });

  it('ends a block right where a meeting at the window’s end begins', () => {
    expect(only(day({ busy: [span('16:00', '17:00')], requests: [request({ ideal: '16:30' })] }))).toEqual(placedAt('15:30', '16:00'));
    expect(only(day({ busy: [span('16:45', '17:30')], requests: [request({ ideal: '16:30' })] }))).toEqual(placedAt('16:15', '16:45'));
  });

  it('keeps the gap after a meeting, even one that ended before the window opened, and none before a meeting', () => {
    expect(only(day({ busy: [span('13:00', '14:00')] }))).toEqual(placedAt('14:05', '14:35'));
    const early = request({ ideal: '13:00', window: { from: '13:00', to: '17:00', bufferMinutes: 10 } });
    expect(only(day({ busy: [span('12:30', '13:00')], requests: [early] }))).toEqual(placedAt('13:10', '13:40'));
    expect(only(day({ busy: [span('14:30', '15:00')] }))).toEqual(placedAt('14:00', '14:30', false));
  });

  it('finds the exact nearest start, also one that ends a block as a meeting starts', () => {
    // 14:20–14:50 ends as the meeting starts: 40 minutes from the ideal, against 65 for 16:05 after it.
    expect(only(day({ busy: [span('14:50', '16:00')], requests: [request({ ideal: '15:00' })] }))).toEqual(placedAt('14:20', '14:50'));
  });

  it('takes the earlier of two equally near slots', () => {
    const r = request({ durationMinutes: 10, window: { from: '13:00', to: '17:00', bufferMinutes: 0 } });
    // 13:40 and 14:20 are both 20 minutes from 14:00.
    expect(only(day({ busy: [span('13:50', '14:20')], requests: [r] }))).toEqual(placedAt('13:40', '13:50'));
  });

  it('steps around fixed cue blocks without a gap after them', () => {
    const r = request({ ideal: '14:10' });
    expect(only(day({ fixedBlocks: [span('14:00', '14:30')], requests: [r] }))).toEqual(placedAt('14:30', '15:00'));
  });

  it('says when there is no free time in the window, in words', () => {
    expect(only(day({ busy: [span('12:00', '18:00')] }))).toEqual({
      habitId: 'review',
      kind: 'no-free-time',
      reason: 'No free 30 minutes between 13:00 and 17:00 today.',
    });
    const long = request({ durationMinutes: 90 });
    expect(only(day({ busy: [span('13:30', '14:30'), span('15:30', '16:30')], requests: [long] }))).toMatchObject({
      reason: 'No free 1 hour 30 minutes between 13:00 and 17:00 today.',
    });
    const hour = request({ durationMinutes: 60 });
    expect(only(day({ busy: [span('13:30', '16:30')], requests: [hour] }))).toMatchObject({ reason: 'No free 1 hour between 13:00 and 17:00 today.' });
  });
});

describe('planDay on a day off', () => {
  const ooo: AllDay = { startDate: '2026-06-15', endDate: '2026-06-18', title: 'OOO - conference' };

  it('places nothing under an all-day event whose title holds a skip word', () => {
    const two = [request(), request({ habitId: 'walk' })];
    expect(planDay(day({ allDay: [ooo], requests: two }))).toEqual([
      { habitId: 'review', kind: 'day-off', reason: 'A day off (“OOO”): no cue blocks today.' },
      { habitId: 'walk', kind: 'day-off', reason: 'A day off (“OOO”): no cue blocks today.' },
    ]);
  });

  it('matches whole words and phrases, ignoring case and spacing, and names the word as the person wrote it', () => {
    const titled = (title: string): AllDay[] => [{ startDate: DAY, endDate: '2026-06-17', title }];
    expect(only(day({ allDay: titled('out of  OFFICE (Lisbon)') }))).toMatchObject({
      kind: 'day-off',
      reason: 'A day off (“Out of office”): no cue blocks today.',
    });
    expect(only(day({ allDay: titled('Summer vacation') }))).toMatchObject({ kind: 'day-off', reason: 'A day off (“Vacation”): no cue blocks today.' });
    for (const title of ['Zoology', 'Zooology', 'OOOPS release', 'Team offsite', 'Vacationing plans']) {
      expect(only(day({ allDay: titled(title) })), title).toEqual(placedAt('14:00', '14:30', false));
    }
  });

  it('ignores an all-day event that does not cover the date (the end date is exclusive), one without a title, and all of them with no skip words', () => {
    expect(only(day({ allDay: [{ startDate: '2026-06-15', endDate: DAY, title: 'OOO' }] }))).toMatchObject({ moved: false });
    expect(only(day({ allDay: [{ startDate: DAY, endDate: '2026-06-17' }] }))).toMatchObject({ moved: false });
    expect(only(day({ allDay: [ooo], skipWords: [] }))).toMatchObject({ moved: false });
    expect(only(day({ allDay: [ooo], skipWords: ['  '] }))).toMatchObject({ moved: false });
  });

  it('reads a malformed all-day end as a one-day event and skips unreadable dates', () => {
    expect(only(day({ allDay: [{ startDate: DAY, endDate: DAY, title: 'OOO' }] }))).toMatchObject({ kind: 'day-off' });
    expect(only(day({ allDay: [{ startDate: DAY, endDate: 'soon', title: 'OOO' }] }))).toMatchObject({ kind: 'day-off' });
    expect(only(day({ allDay: [{ startDate: 'June', endDate: '2026-06-20', title: 'OOO' }] }))).toMatchObject({ moved: false });
  });
});

describe('planDay on the days New York changes its clocks', () => {
  const night = (overrides: Partial<FlexRequest>) => request({ window: { from: '01:00', to: '04:00', bufferMinutes: 0 }, ideal: '01:00', ...overrides });

  it('gives a 01:00–04:00 window two hours on 2026-03-08, when 02:00 jumps to 03:00', () => {
    const date = '2026-03-08';
    // 01:00 EST is 06:00Z and 04:00 EDT is 08:00Z.
    expect(planDay(day({ date, requests: [night({ durationMinutes: 120 })] }))).toEqual([
      { habitId: 'review', start: utc('2026-03-08T06:00:00Z'), end: utc('2026-03-08T08:00:00Z'), moved: false },
    ]);
    expect(planDay(day({ date, capMinutes: 240, requests: [night({ durationMinutes: 121 })] }))).toEqual([
      { habitId: 'review', kind: 'no-free-time', reason: 'No free 2 hours 1 minute between 01:00 and 04:00 today.' },
    ]);
  });

  it('reads an ideal time in the gap as expandSchedule does: 02:30 becomes 03:30 EDT', () => {
    const date = '2026-03-08';
    expect(planDay(day({ date, requests: [night({ ideal: '02:30' })] }))).toEqual([
      { habitId: 'review', start: utc('2026-03-08T07:30:00Z'), end: utc('2026-03-08T08:00:00Z'), moved: false },
    ]);
  });

  it('gives the same window four hours on 2026-11-01, when 02:00 falls back to 01:00', () => {
    const date = '2026-11-01';
    // 01:00 happens twice: the window opens at the first (EDT, 05:00Z) and closes at 04:00 EST (09:00Z).
    expect(planDay(day({ date, capMinutes: 240, requests: [night({ durationMinutes: 240 })] }))).toEqual([
      { habitId: 'review', start: utc('2026-11-01T05:00:00Z'), end: utc('2026-11-01T09:00:00Z'), moved: false },
    ]);
    // Busy times are instants, not wall times: a meeting in the first 01:00–01:30 (EDT) leaves the block to start at
    // 01:30 EDT (05:30Z), not at the second 01:30 an hour later.
    const busy = [{ start: utc('2026-11-01T05:00:00Z'), end: utc('2026-11-01T05:30:00Z') }];
    expect(planDay(day({ date, busy, requests: [night({})] }))).toEqual([
      { habitId: 'review', start: utc('2026-11-01T05:30:00Z'), end: utc('2026-11-01T06:00:00Z'), moved: true },
    ]);
  });

  it('places a 14:00 block at 18:00Z on the spring day and 19:00Z on the autumn day', () => {
    expect(planDay(day({ date: '2026-03-08' }))).toEqual([
      { habitId: 'review', start: utc('2026-03-08T18:00:00Z'), end: utc('2026-03-08T18:30:00Z'), moved: false },
    ]);
    expect(planDay(day({ date: '2026-11-01' }))).toEqual([
      { habitId: 'review', start: utc('2026-11-01T19:00:00Z'), end: utc('2026-11-01T19:30:00Z'), moved: false },
    ]);
  });
});

describe('planDay with several flexible habits', () => {
  it('places the keystone first, even when it had more blocks this week', () => {
    const plain = request({ habitId: 'a-plain', placementsThisWeek: 0 });
    const keystone = request({ habitId: 'b-keystone', keystone: true, placementsThisWeek: 5 });
    expect(planDay(day({ requests: [plain, keystone] }))).toEqual([
      { habitId: 'b-keystone', start: at('14:00'), end: at('14:30'), moved: false },
      // 13:30 and 14:30 are equally near the ideal: the earlier wins.
      { habitId: 'a-plain', start: at('13:30'), end: at('14:00'), moved: true },
    ]);
  });

  it('then the habit with fewer blocks this week, then by id', () => {
    const busy = [span('13:00', '14:00'), span('14:30', '17:00')];
    const requests = [request({ habitId: 'x', placementsThisWeek: 3 }), request({ habitId: 'y', placementsThisWeek: 1 })];
    expect(planDay(day({ busy, requests: requests.map((r) => ({ ...r, window: { ...r.window, bufferMinutes: 0 } })) }))).toEqual([
      { habitId: 'y', start: at('14:00'), end: at('14:30'), moved: false },
      { habitId: 'x', kind: 'no-free-time', reason: 'No free 30 minutes between 13:00 and 17:00 today.' },
    ]);
    const tied = planDay(day({ requests: [request({ habitId: 'm' }), request({ habitId: 'k' })] }));
    expect(tied.map((p) => p.habitId)).toEqual(['k', 'm']);
  });

  it('places each habit once a day: a repeated request is dropped', () => {
    const placements = planDay(day({ requests: [request({ ideal: '15:00' }), request({ ideal: '13:00' })] }));
    expect(placements).toEqual([placedAt('15:00', '15:30', false)]);
  });

  it('lets habits in different zones share one day', () => {
    const berlin = request({ habitId: 'berlin', timeZone: 'Europe/Berlin', ideal: '20:00', window: { from: '19:00', to: '22:00', bufferMinutes: 0 } });
    // 20:00 in Berlin (UTC+2) is 14:00 in New York: the New York habit took it first, so Berlin moves on.
    const ny = request({ habitId: 'a-ny', keystone: true });
    expect(planDay(day({ requests: [berlin, ny] }))).toEqual([
      { habitId: 'a-ny', start: at('14:00'), end: at('14:30'), moved: false },
      { habitId: 'berlin', start: at('13:30'), end: at('14:00'), moved: true },
    ]);
  });
});

describe('planDay and the daily cap', () => {
  it('counts fixed blocks and placed ones, and says why a block did not fit', () => {
    expect(only(day({ capMinutes: 60, fixedBlocks: [span('09:00', '09:45')] }))).toEqual({
      habitId: 'review',
      kind: 'cap',
      reason: 'A 30-minute block would take today’s cue blocks past your 1-hour cap.',
    });
    expect(only(day({ fixedBlocks: [span('09:00', '11:00')] }))).toEqual({
      habitId: 'review',
      kind: 'cap',
      reason: 'Today’s cue blocks already fill your 2-hour cap.',
    });
    expect(only(day({ capMinutes: 75, fixedBlocks: [span('09:00', '09:45')] }))).toEqual(placedAt('14:00', '14:30', false));
  });

  it('lets a smaller block use what a larger one could not', () => {
    const requests = [
      request({ habitId: 'a', durationMinutes: 60 }),
      request({ habitId: 'b', durationMinutes: 60, ideal: '15:00' }),
      request({ habitId: 'c', durationMinutes: 30, ideal: '16:00' }),
    ];
    expect(planDay(day({ capMinutes: 90, requests }))).toEqual([
      { habitId: 'a', start: at('14:00'), end: at('15:00'), moved: false },
      { habitId: 'b', kind: 'cap', reason: 'A 1-hour block would take today’s cue blocks past your 90-minute cap.' },
      { habitId: 'c', start: at('16:00'), end: at('16:30'), moved: false },
    ]);
  });
});

describe('planDay and now', () => {
  it('offers no slot that starts before now, rounded up to the minute', () => {
    expect(only(day({ now: at('14:10') + 30_000 }))).toEqual(placedAt('14:11', '14:41'));
    expect(only(day({ now: at('13:20') }))).toEqual(placedAt('14:00', '14:30', false));
  });

  it('says the window has passed when the block no longer fits before its end', () => {
    const passed = { habitId: 'review', kind: 'passed', reason: 'Too late today: a 30-minute block no longer fits before 17:00.' };
    expect(only(day({ now: at('16:31') }))).toEqual(passed);
    expect(only(day({ now: at('19:00') }))).toEqual(passed);
    expect(only(day({ now: at('16:30') }))).toEqual(placedAt('16:30', '17:00'));
  });
});

describe('planDay with surprising data', () => {
  it('ignores busy times that are not finite or end before they start, and never throws', () => {
    const junk = [
      { start: Number.NaN, end: at('15:00') },
      { start: at('13:00'), end: Number.POSITIVE_INFINITY },
      { start: at('14:30'), end: at('14:00') },
      { start: at('14:00'), end: at('14:00') },
      null as unknown as Busy,
      { start: '14:00', end: '15:00' } as unknown as Busy,
    ];
    expect(only(day({ busy: junk, fixedBlocks: junk }))).toEqual(placedAt('14:00', '14:30', false));
  });

  it('answers a request it cannot read (an unknown zone, no minutes) with a reason and still places the others', () => {
    const requests = [request({ habitId: 'mars', timeZone: 'Mars/Olympus_Mons' }), request({ habitId: 'zero', durationMinutes: 0 }), request()];
    expect(planDay(day({ requests }))).toEqual([
      { habitId: 'mars', kind: 'no-free-time', reason: 'This habit’s window (13:00–17:00) or length cannot be read; edit the habit to place its block.' },
      placedAt('14:00', '14:30', false),
      { habitId: 'zero', kind: 'no-free-time', reason: 'This habit’s window (13:00–17:00) or length cannot be read; edit the habit to place its block.' },
    ]);
  });

  it('stays fast and exact under 500 overlapping events', () => {
    // 500 meetings of 20 to 60 minutes starting every few seconds from 13:00 to 15:45 cover 13:00–16:05 or so.
    const busy: Busy[] = [];
    let latestEnd = 0;
    for (let i = 0; i < 500; i++) {
      const start = at('13:00') + ((i * 7919) % 166) * 60_000;
      const end = start + (20 + ((i * 31) % 41)) * 60_000;
      busy.push({ start, end });
      latestEnd = Math.max(latestEnd, end);
    }
    const requests = Array.from({ length: 10 }, (_, i) =>
      request({ habitId: `h${i}`, durationMinutes: 10, window: { from: '13:00', to: '23:00', bufferMinutes: 5 } }),
    );
    const started = performance.now();
    const placements = planDay(day({ busy, requests, capMinutes: 1440 }));
    const took = performance.now() - started;
    // Ten blocks back to back after the gap that follows the last meeting.
    expect(placements.map((p) => ('start' in p ? p.start : p.reason))).toEqual(requests.map((_, i) => latestEnd + 5 * 60_000 + i * 10 * 60_000));
    expect(took).toBeLessThan(200);
  });
});
