import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expandSchedule, scheduleErrors, type Schedule } from '@/src/core/schedule';

// The expected instants here never come from Temporal or from the code under test: they are worked out from the
// wall clock that Intl.DateTimeFormat reads off an instant in a zone, searched by hand. Only the zone database is
// shared with the code under test.

/**
 * 72 zones: DST in both hemispheres, half-hour and 45-minute offsets and DST steps, a two-hour step (Troll),
 * transitions at midnight (Havana, Santiago, Beirut, Cairo, Azores), late in the evening (Nuuk), on a Friday
 * (Jerusalem), Morocco's Ramadan change, and zones with no change at all.
 */
const ZONES = [
  'UTC',
  'Europe/London',
  'Europe/Dublin',
  'Europe/Lisbon',
  'Atlantic/Azores',
  'Atlantic/Cape_Verde',
  'Atlantic/Reykjavik',
  'Europe/Paris',
  'Europe/Berlin',
  'Europe/Chisinau',
  'Europe/Helsinki',
  'Europe/Istanbul',
  'Europe/Moscow',
  'Africa/Casablanca',
  'Africa/Cairo',
  'Africa/Lagos',
  'Africa/Johannesburg',
  'Africa/Nairobi',
  'Asia/Jerusalem',
  'Asia/Beirut',
  'Asia/Gaza',
  'Asia/Tehran',
  'Asia/Dubai',
  'Asia/Kabul',
  'Asia/Karachi',
  'Asia/Kolkata',
  'Asia/Colombo',
  'Asia/Kathmandu',
  'Asia/Dhaka',
  'Asia/Yangon',
  'Asia/Bangkok',
  'Asia/Shanghai',
  'Asia/Tokyo',
  'Australia/Perth',
  'Australia/Eucla',
  'Australia/Darwin',
  'Australia/Adelaide',
  'Australia/Brisbane',
  'Australia/Sydney',
  'Australia/Hobart',
  'Australia/Lord_Howe',
  'Pacific/Norfolk',
  'Pacific/Auckland',
  'Pacific/Chatham',
  'Pacific/Fiji',
  'Pacific/Apia',
  'Pacific/Kiritimati',
  'Pacific/Pago_Pago',
  'Pacific/Honolulu',
  'Pacific/Marquesas',
  'America/Adak',
  'America/Anchorage',
  'America/Los_Angeles',
  'America/Phoenix',
  'America/Denver',
  'America/Chicago',
  'America/Mexico_City',
  'America/Havana',
  'America/New_York',
  'America/Bogota',
  'America/Caracas',
  'America/Halifax',
  'America/St_Johns',
  'America/Santiago',
  'America/Asuncion',
  'America/Sao_Paulo',
  'America/Argentina/Buenos_Aires',
  'America/Noronha',
  'America/Nuuk',
  'America/Scoresbysund',
  'Antarctica/Troll',
  'Pacific/Easter',
] as const;
const YEARS = [2025, 2026, 2027] as const;

const MINUTE = 60_000;
const DAY = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The wall clock of an instant in a zone, as Intl reads it, written as epoch ms as if that wall clock were UTC. */
function wallOf(zone: string, at: number): number {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, f);
  }
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(at)) if (part.type !== 'literal') p[part.type] = Number(part.value);
  return Date.UTC(p.year!, p.month! - 1, p.day, p.hour, p.minute, p.second);
}

const offsetAt = (zone: string, at: number) => wallOf(zone, at) - at;

/**
 * Where a wall time (as UTC-epoch ms) should land in a zone under the documented rule: the one instant showing it;
 * in a fold, the earlier of the two; in a gap, the wall time read with the offset in force before the gap (so it
 * moves forward by the gap's length).
 */
function expectedInstant(zone: string, wall: number): { at: number; kind: 'plain' | 'fold' | 'gap' } {
  const offsets = new Set([wall - DAY, wall, wall + DAY].map((t) => offsetAt(zone, t)));
  const hits = [...offsets]
    .map((o) => wall - o)
    .filter((t) => wallOf(zone, t) === wall)
    .sort((a, b) => a - b);
  if (hits.length > 0) return { at: hits[0]!, kind: hits.length > 1 ? 'fold' : 'plain' };
  return { at: wall - offsetAt(zone, wall - DAY), kind: 'gap' };
}

interface Transition {
  /** The first instant with the new offset. */
  at: number;
  before: number;
  after: number;
}

/** Every offset change in a zone during a year, found by scanning Intl's offsets day by day and bisecting to the minute. */
function transitionsIn(zone: string, year: number): Transition[] {
  const out: Transition[] = [];
  const end = Date.UTC(year + 1, 0, 1);
  for (let t = Date.UTC(year, 0, 1), prev = offsetAt(zone, t); t < end; t += DAY) {
    const next = offsetAt(zone, t + DAY);
    if (next === prev) continue;
    let lo = t;
    let hi = t + DAY;
    while (hi - lo > MINUTE) {
      const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
      if (offsetAt(zone, mid) === prev) lo = mid;
      else hi = mid;
    }
    out.push({ at: hi, before: prev, after: next });
    prev = next;
  }
  return out;
}

const TRANSITIONS = new Map<string, Transition[]>(ZONES.flatMap((zone) => YEARS.map((year) => [`${zone} ${year}`, transitionsIn(zone, year)] as const)));

const isoDate = (wall: number) => new Date(wall).toISOString().slice(0, 10);
const hhmm = (wall: number) => new Date(wall).toISOString().slice(11, 16);
const isoWeekday = (wall: number) => ((new Date(wall).getUTCDay() + 6) % 7) + 1;
const midnight = (wall: number) => Math.floor(wall / DAY) * DAY;

/** The instances the rule predicts for a schedule and window, computed date by date without the code under test. */
function predicted(schedule: Schedule, fromMs: number, toMs: number, startsOn?: string) {
  const [h, m] = schedule.startTime.split(':').map(Number) as [number, number];
  const out: { at: number; localDate: string }[] = [];
  // Any local date of an instant in the window lies within a day of its UTC date (offsets stay within ±14 h).
  for (let date = midnight(fromMs) - 2 * DAY; date <= midnight(toMs) + 2 * DAY; date += DAY) {
    if (!schedule.days.includes(isoWeekday(date))) continue;
    if (startsOn && isoDate(date) < startsOn) continue;
    const { at } = expectedInstant(schedule.timeZone, date + (h * 60 + m) * MINUTE);
    if (at >= fromMs && at < toMs) out.push({ at, localDate: isoDate(date) });
  }
  return out.sort((a, b) => a.at - b.at);
}

/** Checks each expanded instance's wall clock against its schedule, by the rule, and returns how many were in a gap or a fold. */
function checkWallClocks(schedule: Schedule, instances: readonly { at: number; localDate: string }[]) {
  const [h, m] = schedule.startTime.split(':').map(Number) as [number, number];
  const seen = { gap: 0, fold: 0 };
  for (const { at, localDate } of instances) {
    const wall = Date.parse(`${localDate}T00:00:00Z`) + (h * 60 + m) * MINUTE;
    const kind = expectedInstant(schedule.timeZone, wall).kind;
    if (kind === 'gap') {
      // Nonexistent: it shows the wall time moved forward by the gap's length (the offset change there).
      seen.gap++;
      expect(wallOf(schedule.timeZone, at) - wall).toBe(offsetAt(schedule.timeZone, at) - offsetAt(schedule.timeZone, at - DAY));
    } else {
      expect(isoDate(wallOf(schedule.timeZone, at)), `${schedule.timeZone} ${localDate}`).toBe(localDate);
      expect(hhmm(wallOf(schedule.timeZone, at)), `${schedule.timeZone} ${localDate}`).toBe(schedule.startTime);
      if (kind === 'fold') {
        // Repeated: the same wall time comes round again later, so this is the earlier instant.
        seen.fold++;
        const repeat = offsetAt(schedule.timeZone, at) - offsetAt(schedule.timeZone, at + DAY);
        expect(repeat).toBeGreaterThan(0);
        expect(wallOf(schedule.timeZone, at + repeat)).toBe(wall);
      }
    }
  }
  return seen;
}

const schedule = (timeZone: string, startTime: string, days: number[]): Schedule => ({ days, startTime, durationMinutes: 30, timeZone });

describe('the gap and fold rule, by hand-worked examples', () => {
  it.each([
    // [zone, local date, cue time, expected instant, why]
    ['Australia/Lord_Howe', '2025-10-05', '02:10', '2025-10-04T15:40:00Z', 'gap 02:00→02:30 (+10:30→+11): read at +10:30, shows 02:40'],
    ['Australia/Lord_Howe', '2026-04-05', '01:45', '2026-04-04T14:45:00Z', 'fold 02:00→01:30: the first 01:45, at +11'],
    ['Pacific/Chatham', '2025-09-28', '03:00', '2025-09-27T14:15:00Z', 'gap 02:45→03:45 (+12:45→+13:45): read at +12:45, shows 04:00'],
    ['Pacific/Chatham', '2026-04-05', '02:30', '2026-04-04T12:45:00Z', 'fold 03:45→02:45: the first 02:30, at +13:45'],
    ['Antarctica/Troll', '2026-03-29', '02:00', '2026-03-29T02:00:00Z', 'two-hour gap 01:00→03:00 (+00→+02): read at +00, shows 04:00'],
    ['America/Santiago', '2025-09-07', '00:30', '2025-09-07T04:30:00Z', 'gap at midnight 00:00→01:00 (−04→−03): read at −04, shows 01:30 the same day'],
    ['America/St_Johns', '2026-03-08', '02:30', '2026-03-08T06:00:00Z', 'gap 02:00→03:00 (−03:30→−02:30): read at −03:30, shows 03:30'],
    ['America/St_Johns', '2026-11-01', '01:30', '2026-11-01T04:00:00Z', 'fold 02:00→01:00: the first 01:30, at −02:30'],
    ['Asia/Kathmandu', '2026-03-08', '14:00', '2026-03-08T08:15:00Z', 'no change: +05:45 all year'],
  ])('%s %s %s → %s (%s)', (zone, date, time, instant) => {
    const day = Date.parse(`${date}T00:00:00Z`);
    const got = expandSchedule(schedule(zone, time, [isoWeekday(day)]), day - 2 * DAY, day + 2 * DAY);
    expect(got).toEqual([{ at: Date.parse(instant), localDate: date }]);
  });
});

describe('expandSchedule in 72 zones over 2025–2027 (property)', () => {
  it('knows every zone, and the zones hold gaps and folds of 30, 60 and 120 minutes', () => {
    for (const zone of ZONES) expect(scheduleErrors(schedule(zone, '09:00', [1]))).toEqual({});
    const steps = new Set([...TRANSITIONS.values()].flat().map((t) => (t.after - t.before) / MINUTE));
    for (const step of [30, -30, 60, -60, 120, -120]) expect(steps).toContain(step);
    expect(TRANSITIONS.get('Australia/Lord_Howe 2026')).toHaveLength(2);
    expect(TRANSITIONS.get('Asia/Kolkata 2026')).toEqual([]);
  });

  it('puts the wall time on the right instant around every transition of every zone (gap: forward by its length; fold: the earlier)', () => {
    let gaps = 0;
    let folds = 0;
    for (const [key, transitions] of TRANSITIONS) {
      const zone = key.slice(0, key.lastIndexOf(' '));
      for (const t of transitions) {
        const step = t.after - t.before;
        const changeWall = t.at + t.before;
        // Just before, inside (first, middle, last minute) and just after the skipped or repeated wall times.
        const edge = step > 0 ? changeWall : changeWall + step;
        const walls = [edge - MINUTE, edge, edge + Math.floor(Math.abs(step) / 2 / MINUTE) * MINUTE, edge + Math.abs(step) - MINUTE, edge + Math.abs(step)];
        for (const wall of walls) {
          const s = schedule(zone, hhmm(wall), [isoWeekday(wall)]);
          const from = t.at - 2 * DAY;
          const to = t.at + 2 * DAY;
          const got = expandSchedule(s, from, to);
          expect(got, `${zone} ${new Date(wall).toISOString()}`).toEqual(predicted(s, from, to));
          const seen = checkWallClocks(
            s,
            got.filter((i) => i.localDate === isoDate(wall)),
          );
          gaps += seen.gap;
          folds += seen.fold;
        }
      }
    }
    expect(gaps).toBeGreaterThan(100);
    expect(folds).toBeGreaterThan(100);
  });

  it('lands every expanded instance at its wall-clock time, for any zone, days, time and window', () => {
    // Half the runs aim (in zones that change their clocks) at a wall time from 30 minutes before to 90 after the start
    // of a gap or fold, with a window that holds its day; the rest pick any time and window in the year.
    const nearTransition = fc.record({ index: fc.nat(), shiftMinutes: fc.integer({ min: -30, max: 90 }), leadDays: fc.integer({ min: 0, max: 3 }) });
    const anywhere = fc.record({ dayOfYear: fc.integer({ min: 0, max: 364 }), minuteOfDay: fc.integer({ min: 0, max: 24 * 60 - 1 }) });
    const scenario = fc.record({
      zone: fc.constantFrom(...ZONES),
      year: fc.constantFrom(...YEARS),
      anchor: fc.oneof(nearTransition, anywhere),
      days: fc.subarray([1, 2, 3, 4, 5, 6, 7], { minLength: 1 }),
      spanMinutes: fc.integer({ min: 1, max: 14 * 24 * 60 }),
      fromShiftMinutes: fc.integer({ min: -24 * 60, max: 24 * 60 }),
      startsOnDay: fc.option(fc.integer({ min: 0, max: 10 })),
    });
    fc.assert(
      fc.property(scenario, ({ zone, year, anchor, days, spanMinutes, fromShiftMinutes, startsOnDay }) => {
        const transitions = TRANSITIONS.get(`${zone} ${year}`)!;
        let s: Schedule;
        let from: number;
        let to: number;
        let startsOn: string | undefined;
        if ('index' in anchor && transitions.length > 0) {
          const t = transitions[anchor.index % transitions.length]!;
          const step = t.after - t.before;
          const edge = t.at + t.before + Math.min(0, step);
          const wall = edge + anchor.shiftMinutes * MINUTE;
          s = schedule(zone, hhmm(wall), [...new Set([...days, isoWeekday(wall)])]);
          from = midnight(wall) - anchor.leadDays * DAY + fromShiftMinutes * MINUTE - DAY;
          to = midnight(wall) + 2 * DAY + spanMinutes * MINUTE;
          startsOn = startsOnDay === null ? undefined : isoDate(midnight(wall) - (startsOnDay % 3) * DAY);
        } else {
          const dayOfYear = 'dayOfYear' in anchor ? anchor.dayOfYear : anchor.index % 365;
          const minuteOfDay = 'minuteOfDay' in anchor ? anchor.minuteOfDay : anchor.shiftMinutes + 60;
          const wall = Date.UTC(year, 0, 1) + dayOfYear * DAY + minuteOfDay * MINUTE;
          s = schedule(zone, hhmm(wall), days);
          from = midnight(wall) + fromShiftMinutes * MINUTE;
          to = from + spanMinutes * MINUTE;
          startsOn = startsOnDay === null ? undefined : isoDate(midnight(wall) + startsOnDay * DAY);
        }
        const got = expandSchedule(s, from, to, startsOn);
        expect(got).toEqual(predicted(s, from, to, startsOn));
        checkWallClocks(s, got);
      }),
      // A fixed seed keeps the suite independent of when it runs; change it locally to explore further.
      { numRuns: 400, seed: 20260308 },
    );
  });
});
