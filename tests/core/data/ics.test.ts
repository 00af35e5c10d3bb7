import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import { scheduleToRrule } from '@/src/adapters/calendar/google/rrule';
import { cuesIcs, seriesRrule } from '@/src/core/data/ics';
import { contentLines, foldLine } from '@/src/core/data/ical-text';
import { vtimezoneLines } from '@/src/core/data/vtimezone';
import type { Habit } from '@/src/core/habit';
import { expandSchedule, type Schedule } from '@/src/core/schedule';
import { aHabit } from '../../fakes/habits';

const ms = (iso: string) => Temporal.Instant.from(iso).epochMilliseconds;
const iso = (at: number) => Temporal.Instant.fromEpochMilliseconds(at).toString();
const NOW = ms('2026-01-05T09:00:00Z');
// 2026 holds both clock changes of every zone below (Lord Howe's April fold and October gap too).
const FROM = ms('2026-01-01T00:00:00Z');
const TO = ms('2027-01-01T00:00:00Z');
const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];
const NY = 'America/New_York';
const LORD_HOWE = 'Australia/Lord_Howe';

function habit(id: string, name: string, schedule: Schedule, since = '2025-12-15T00:00:00Z', extra: Partial<Habit> = {}): Habit {
  return aHabit({ id, name, schedule, scheduleSince: ms(since), startsOn: since.slice(0, 10), ...extra });
}

const HABITS: Habit[] = [
  habit('daily-ny', 'Review team code', { days: EVERY_DAY, startTime: '14:00', durationMinutes: 30, timeZone: NY }),
  // A flexible habit: its series sits at the ideal time, the window does not show.
  habit('weekdays-london', 'Plan the day', {
    days: [1, 2, 3, 4, 5],
    startTime: '07:30',
    durationMinutes: 20,
    timeZone: 'Europe/London',
    window: { from: '07:00', to: '09:00', bufferMinutes: 5 },
  }),
  // Every other week on Tuesday and Thursday, and Sunday too: clock changes fall on Sundays, so Tue/Thu alone never
  // meets one. Anchored on the week of Monday 5 January, which makes the weeks of 8 March (02:30 does not exist) and
  // 1 November on-weeks.
  habit('biweekly-gap', '1:1 prep', { days: [2, 4, 7], startTime: '02:30', durationMinutes: 45, timeZone: NY, everyWeeks: 2 }, '2026-01-05T12:00:00Z', {
    kind: 'checkin',
  }),
  // 01:30 happens twice on 1 November.
  habit('fold-ny', 'Night shift handover', { days: EVERY_DAY, startTime: '01:30', durationMinutes: 15, timeZone: NY }),
  habit('tokyo', 'Deep work', { days: [1, 3, 5], startTime: '09:00', durationMinutes: 90, timeZone: 'Asia/Tokyo' }, undefined, {
    kind: 'focus',
    focus: { minutes: 90, intention: 'Billing migration doc' },
  }),
  // Lord Howe moves 30 minutes: 02:10 does not exist on 4 October, 01:45 happens twice on 5 April.
  habit('lord-howe-gap', 'Stretch', { days: EVERY_DAY, startTime: '02:10', durationMinutes: 10, timeZone: LORD_HOWE }),
  habit('lord-howe-fold', 'Journal', { days: EVERY_DAY, startTime: '01:45', durationMinutes: 10, timeZone: LORD_HOWE }),
];

const uidOf = (h: Habit) => `${h.id}-${h.scheduleSince}@cueboard`;

/** Parse a document and make its VTIMEZONEs known to ical.js, as a calendar importing it would. */
function parse(doc: string): ICAL.Component {
  const root = new ICAL.Component(ICAL.parse(doc));
  for (const zone of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  return root;
}

afterEach(() => ICAL.TimezoneService.reset());

/** A series' occurrences in [from, to) as ical.js expands its RRULE: the local wall time and the instant it gives it. */
function icalOccurrences(root: ICAL.Component, uid: string, from = FROM, to = TO): { local: string; at: number }[] {
  const vevent = root.getAllSubcomponents('vevent').find((v) => v.getFirstPropertyValue('uid') === uid);
  if (!vevent) throw new Error(`no VEVENT ${uid}`);
  const iterator = new ICAL.Event(vevent).iterator();
  const out: { local: string; at: number }[] = [];
  for (let t = iterator.next(); t; t = iterator.next()) {
    const at = t.toUnixTime() * 1000;
    if (at >= to) break;
    if (at >= from) out.push({ local: t.toString(), at });
  }
  return out;
}

/** Cueboard's own expansion of the habit over [from, to): local wall time and instant. */
function cueboardOccurrences(h: Habit, from = FROM, to = TO): { local: string; at: number }[] {
  return expandSchedule(h.schedule, from, to, h.startsOn, h.scheduleSince).map((o) => ({ local: `${o.localDate}T${h.schedule.startTime}:00`, at: o.at }));
}

/** RFC 5545 §3.3.5: a time in a gap is read with the offset before the gap, a time in a fold as its first occurrence. */
const rfcReading = (local: string, zone: string) =>
  Temporal.PlainDateTime.from(local).toZonedDateTime(zone, { disambiguation: 'compatible' }).epochMilliseconds;

/**
 * How ical.js 2.2.1 reads a local time (Timezone#utcOffset): with the offset of the last change whose local onset is
 * at or before it, the onset taken as the gap's start or the fold's start. So a time in a gap gets the offset after
 * the gap (it fires earlier by the gap, not later), and a time in a fold its second occurrence.
 */
function icalJsReading(local: string, zone: string): number {
  const time = Temporal.PlainDateTime.from(local);
  const exists = time.toZonedDateTime(zone).toPlainDateTime().equals(time);
  return time.toZonedDateTime(zone, { disambiguation: exists ? 'later' : 'earlier' }).epochMilliseconds;
}

describe('cuesIcs: the series, expanded by ical.js', () => {
  const root = parse(cuesIcs(HABITS, NOW));

  it('repeats every series on exactly the local dates and wall times Cueboard expands, all year', () => {
    for (const h of HABITS) {
      const ours = cueboardOccurrences(h);
      expect(ours.length, h.id).toBeGreaterThan(20);
      expect(
        icalOccurrences(root, uidOf(h)).map((o) => o.local),
        h.id,
      ).toEqual(ours.map((o) => o.local));
    }
  });

  it('gives Cueboard’s exact instants when each wall time is read as RFC 5545 says, gaps and folds included', () => {
    for (const h of HABITS) {
      const readByRfc = icalOccurrences(root, uidOf(h)).map((o) => rfcReading(o.local, h.schedule.timeZone));
      expect(readByRfc.map(iso), h.id).toEqual(cueboardOccurrences(h).map((o) => iso(o.at)));
    }
  });

  it('ical.js’s own instants equal Cueboard’s except at the four ambiguous wall times, where ical.js departs from RFC 5545', () => {
    const differences: string[] = [];
    for (const h of HABITS) {
      const ours = cueboardOccurrences(h);
      icalOccurrences(root, uidOf(h)).forEach((o, i) => {
        const cueboard = ours[i]?.at ?? NaN;
        // The whole series follows the documented ical.js reading, not only the listed days.
        expect(o.at, `${h.id} ${o.local}`).toBe(icalJsReading(o.local, h.schedule.timeZone));
        if (o.at !== cueboard) differences.push(`${h.id} ${o.local}: Cueboard ${iso(cueboard)}, ical.js ${iso(o.at)}`);
      });
    }
    expect(differences).toEqual([
      // Spring forward, 02:00 → 03:00: RFC 5545 and Cueboard 03:30 EDT; ical.js 01:30 EST, an hour early.
      'biweekly-gap 2026-03-08T02:30:00: Cueboard 2026-03-08T07:30:00Z, ical.js 2026-03-08T06:30:00Z',
      // Fall back, 01:30 twice: RFC 5545 and Cueboard the first (EDT); ical.js the second (EST).
      'fold-ny 2026-11-01T01:30:00: Cueboard 2026-11-01T05:30:00Z, ical.js 2026-11-01T06:30:00Z',
      // Lord Howe, 02:00 → 02:30: RFC 5545 and Cueboard 02:40 (+11); ical.js 01:40 (+10:30), 30 minutes early.
      'lord-howe-gap 2026-10-04T02:10:00: Cueboard 2026-10-03T15:40:00Z, ical.js 2026-10-03T15:10:00Z',
      // Lord Howe, 02:00 → 01:30: RFC 5545 and Cueboard the first 01:45 (+11); ical.js the second (+10:30).
      'lord-howe-fold 2026-04-05T01:45:00: Cueboard 2026-04-04T14:45:00Z, ical.js 2026-04-04T15:15:00Z',
    ]);
  });

  it('starts each series at its first cue, for its length, with the habit’s name and first step', () => {
    const event = (h: Habit) => new ICAL.Event(root.getAllSubcomponents('vevent').find((v) => v.getFirstPropertyValue('uid') === uidOf(h)));
    const biweekly = event(HABITS[2] as Habit);
    expect(biweekly.startDate.toString()).toBe('2026-01-06T02:30:00');
    expect(biweekly.startDate.zone.tzid).toBe(NY);
    expect(biweekly.duration.toString()).toBe('PT45M');
    expect(biweekly.summary).toBe('1:1 prep');
    expect(biweekly.description).toBe('Two-minute start: Open the review queue\nhttps://example.test/reviews');
    const tokyo = event(HABITS[4] as Habit);
    expect(tokyo.duration.toString()).toBe('PT1H30M');
    expect(tokyo.startDate.toString()).toBe('2025-12-15T09:00:00');
  });
});

describe('cuesIcs: document', () => {
  it('has one VEVENT per active habit, check-ins and focus blocks included, archived ones left out', () => {
    const archived = habit('gone', 'Old habit', { days: [1], startTime: '09:00', durationMinutes: 15, timeZone: 'Europe/Paris' }, undefined, {
      archived: true,
      archivedAt: ms('2025-12-20T00:00:00Z'),
    });
    const root = parse(cuesIcs([...HABITS, archived], NOW));
    expect(root.getAllSubcomponents('vevent').map((v) => v.getFirstPropertyValue('uid'))).toEqual(HABITS.map(uidOf));
    // One VTIMEZONE per zone a series uses: not Paris, whose only habit is archived.
    expect(root.getAllSubcomponents('vtimezone').map((z) => z.getFirstPropertyValue('tzid'))).toEqual([NY, 'Asia/Tokyo', LORD_HOWE, 'Europe/London']);
  });

  it('ends every line with CRLF and has no bare CR or LF', () => {
    const doc = cuesIcs(HABITS, NOW);
    expect(doc.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(doc.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(doc.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('takes DTSTAMP from `now` and gives the same document for the same input', () => {
    const doc = cuesIcs(HABITS, NOW);
    expect(cuesIcs(HABITS, NOW)).toBe(doc);
    expect(doc.match(/^DTSTAMP:.*$/gm)).toEqual(HABITS.map(() => 'DTSTAMP:20260105T090000Z'));
    // Another moment the same year changes only the stamps.
    const later = cuesIcs(HABITS, ms('2026-06-30T23:59:59.900Z'));
    expect(later.replace(/DTSTAMP:20260630T235959Z/g, 'DTSTAMP:20260105T090000Z')).toBe(doc);
  });

  it('keeps each series’ UID across exports and edits of its text, and starts a new one with a new schedule', () => {
    const h = HABITS[0] as Habit;
    const uids = (habits: Habit[]) =>
      parse(cuesIcs(habits, NOW))
        .getAllSubcomponents('vevent')
        .map((v) => v.getFirstPropertyValue('uid'));
    expect(uids([h])).toEqual(['daily-ny-1765756800000@cueboard']);
    expect(uids([{ ...h, name: 'Renamed', start: { firstStep: 'Other' } }])).toEqual(['daily-ny-1765756800000@cueboard']);
    expect(uids([{ ...h, scheduleSince: ms('2026-02-01T00:00:00Z') }])).toEqual(['daily-ny-1769904000000@cueboard']);
  });

  it('escapes backslash, semicolon, comma and newlines in TEXT, drops other control characters, and reads back the same', () => {
    const name = 'Ship; review, then \\ rest\nnext\r\nday\u0007';
    const h = habit('esc;1', name, { days: [1], startTime: '09:00', durationMinutes: 15, timeZone: NY }, undefined, {
      start: { firstStep: 'Open "notes", then; write', link: 'https://example.test/a,b;c' },
    });
    const doc = cuesIcs([h], NOW);
    const unfolded = doc.replace(/\r\n /g, '');
    expect(unfolded).toContain('\r\nSUMMARY:Ship\\; review\\, then \\\\ rest\\nnext\\nday\r\n');
    expect(unfolded).toContain('\r\nDESCRIPTION:Two-minute start: Open "notes"\\, then\\; write\\nhttps://example.test/a\\,b\\;c\r\n');
    expect(unfolded).toContain('\r\nUID:esc\\;1-1765756800000@cueboard\r\n');
    const event = new ICAL.Event(parse(doc).getFirstSubcomponent('vevent') ?? undefined);
    expect(event.summary).toBe('Ship; review, then \\ rest\nnext\nday');
    expect(event.description).toBe('Two-minute start: Open "notes", then; write\nhttps://example.test/a,b;c');
    expect(event.uid).toBe('esc;1-1765756800000@cueboard');
  });

  it('folds a 200-character name with emoji at 75 octets or fewer, never inside a UTF-8 sequence, and unfolds to it', () => {
    const name = [...'Écrire le plan ☕ avec l’équipe 👩‍💻 🇯🇵 — 日本語のメモ 🚀 '.repeat(6)].slice(0, 200).join('');
    expect([...name]).toHaveLength(200);
    const h = habit('long', name, { days: [1], startTime: '09:00', durationMinutes: 15, timeZone: NY });
    const bytes = new TextEncoder().encode(cuesIcs([h], NOW));
    const lines: Uint8Array[] = [];
    for (let start = 0, i = 0; i < bytes.length - 1; i++) {
      if (bytes[i] === 13 && bytes[i + 1] === 10) {
        lines.push(bytes.subarray(start, i));
        start = i + 2;
      }
    }
    const strict = new TextDecoder('utf-8', { fatal: true });
    const text = lines.map((line) => {
      expect(line.length).toBeLessThanOrEqual(75);
      // Each physical line decodes on its own: no sequence was cut.
      return strict.decode(line);
    });
    const summaryAt = text.findIndex((l) => l.startsWith('SUMMARY:'));
    const continued = text.slice(summaryAt + 1).findIndex((l) => !l.startsWith(' '));
    expect(continued).toBeGreaterThan(3);
    expect(
      text
        .slice(summaryAt, summaryAt + 1 + continued)
        .join('\r\n')
        .replace(/\r\n /g, ''),
    ).toBe(`SUMMARY:${name}`);
    expect(new ICAL.Event(parse(new TextDecoder().decode(bytes)).getFirstSubcomponent('vevent') ?? undefined).summary).toBe(name);
  });

  it('folds by octets: 75 ASCII octets stay on one line, a 76th goes on, a 4-octet emoji is never split', () => {
    expect(foldLine('x'.repeat(75))).toBe('x'.repeat(75));
    expect(foldLine('x'.repeat(76))).toBe(`${'x'.repeat(75)}\r\n x`);
    expect(foldLine(`${'x'.repeat(73)}😀y`)).toBe(`${'x'.repeat(73)}\r\n 😀y`);
    expect(
      foldLine('x'.repeat(75 + 74 + 1))
        .split('\r\n')
        .map((l) => l.length),
    ).toEqual([75, 75, 2]);
    expect(contentLines(['A:1', 'B:2'])).toBe('A:1\r\nB:2\r\n');
  });

  it('holds only the series’ own fields: no people, reward, outcome, focus intention or anything else stored', () => {
    const h = habit('private', 'One-on-ones', { days: [3], startTime: '10:00', durationMinutes: 30, timeZone: NY }, undefined, {
      people: ['Alice Secret'],
      reward: 'Secret reward',
      outcomeId: 'secret-outcome',
      kind: 'focus',
      focus: { minutes: 30, intention: 'Secret intention' },
      target: { kind: 'minutes', amount: 987654, per: 'week' },
    });
    const doc = cuesIcs([h], NOW);
    for (const secret of ['Alice', 'Secret', 'secret', '987654', 'token', 'Bearer', 'key']) expect(doc).not.toContain(secret);
    const names = new Set(
      doc
        .replace(/\r\n /g, '')
        .split('\r\n')
        .filter(Boolean)
        .map((l) => l.split(/[:;]/)[0]),
    );
    expect([...names].sort()).toEqual(
      [
        'ACTION',
        'BEGIN',
        'CALSCALE',
        'DESCRIPTION',
        'DTSTAMP',
        'DTSTART',
        'DURATION',
        'END',
        'PRODID',
        'RRULE',
        'SUMMARY',
        'TRANSP',
        'TRIGGER',
        'TZID',
        'TZOFFSETFROM',
        'TZOFFSETTO',
        'UID',
        'VERSION',
      ].sort(),
    );
    const event = new ICAL.Event(parse(doc).getFirstSubcomponent('vevent') ?? undefined);
    expect([event.summary, event.description]).toEqual(['One-on-ones', 'Two-minute start: Open the review queue\nhttps://example.test/reviews']);
  });
});

describe('seriesRrule', () => {
  it('follows the Google adapter’s rules, with WKST=MO spelled out for every two weeks', () => {
    const cases: Pick<Schedule, 'days' | 'everyWeeks'>[] = [
      { days: EVERY_DAY },
      { days: [5, 1, 3] },
      { days: [2, 4, 7], everyWeeks: 2 },
      { days: EVERY_DAY, everyWeeks: 2 },
    ];
    expect(cases.map(seriesRrule)).toEqual([
      'RRULE:FREQ=DAILY',
      'RRULE:FREQ=WEEKLY;BYDAY=MO,WE,FR',
      'RRULE:FREQ=WEEKLY;INTERVAL=2;WKST=MO;BYDAY=TU,TH,SU',
      'RRULE:FREQ=WEEKLY;INTERVAL=2;WKST=MO;BYDAY=MO,TU,WE,TH,FR,SA,SU',
    ]);
    expect(cases.map((s) => seriesRrule(s).replace('WKST=MO;', ''))).toEqual(cases.map((s) => scheduleToRrule(s)));
  });
});

/** A document holding just one zone's VTIMEZONE, and ical.js's Timezone for it. */
function icalZone(zone: string, fromYear: number, toYear: number): ICAL.Timezone {
  const doc = contentLines(['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', ...vtimezoneLines(zone, fromYear, toYear), 'END:VCALENDAR']);
  return new ICAL.Timezone(new ICAL.Component(ICAL.parse(doc)).getFirstSubcomponent('vtimezone'));
}

/** The instant ical.js gives a wall time in a zone. */
function icalInstant(tz: ICAL.Timezone, local: Temporal.PlainDateTime): number {
  const { year, month, day, hour, minute, second } = local;
  return ICAL.Time.fromData({ year, month, day, hour, minute, second, isDate: false }, tz).toUnixTime() * 1000;
}

/** The zone's offset at an instant from Intl, which (unlike the Temporal polyfill) knows the rules for any year. */
function intlOffsetMs(format: Intl.DateTimeFormat, at: number): number {
  const name = format.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? '';
  const m = /^GMT(?:([+-])(\d\d):(\d\d))?$/.exec(name);
  if (!m) throw new Error(name);
  return m[1] ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60_000 : 0;
}

const ZONES = [
  NY,
  'Europe/London',
  LORD_HOWE,
  'Asia/Tokyo',
  'UTC',
  'America/Santiago',
  'Africa/Casablanca',
  'Asia/Jerusalem',
  'America/Nuuk',
  'Africa/Cairo',
  'Pacific/Chatham',
  'Asia/Tehran',
  'Asia/Kolkata',
  'Australia/Sydney',
  'America/Havana',
  'America/Asuncion',
  'Asia/Kathmandu',
];

describe('vtimezoneLines', () => {
  it('writes New York’s current rule as two RRULEs from the change in force when the span starts', () => {
    expect(vtimezoneLines(NY, 2026, 2036)).toEqual([
      'BEGIN:VTIMEZONE',
      'TZID:America/New_York',
      'BEGIN:STANDARD',
      'DTSTART:20251102T020000',
      'RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU',
      'TZOFFSETFROM:-0400',
      'TZOFFSETTO:-0500',
      'END:STANDARD',
      'BEGIN:DAYLIGHT',
      'DTSTART:20260308T020000',
      'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU',
      'TZOFFSETFROM:-0500',
      'TZOFFSETTO:-0400',
      'END:DAYLIGHT',
      'END:VTIMEZONE',
    ]);
  });

  it('gives zones without DST a single STANDARD component', () => {
    const standard = (zone: string) =>
      vtimezoneLines(zone, 2026, 2036).filter((l) => l.startsWith('BEGIN:S') || l.startsWith('BEGIN:D') || l.startsWith('TZOFFSET'));
    // Tokyo's last change: the end of its summer time in 1951.
    expect(standard('Asia/Tokyo')).toEqual(['BEGIN:STANDARD', 'TZOFFSETFROM:+1000', 'TZOFFSETTO:+0900']);
    expect(standard('UTC')).toEqual(['BEGIN:STANDARD', 'TZOFFSETFROM:+0000', 'TZOFFSETTO:+0000']);
    expect(standard('Asia/Kolkata')).toEqual(['BEGIN:STANDARD', 'TZOFFSETFROM:+0630', 'TZOFFSETTO:+0530']);
  });

  it('writes rules IANA states as "the Sunday on or after the 2nd" or "the Friday before the last Sunday" as a 7-day stretch', () => {
    const rrules = (zone: string) => vtimezoneLines(zone, 2026, 2036).filter((l) => l.startsWith('RRULE'));
    expect(rrules('America/Santiago')).toEqual([
      'RRULE:FREQ=YEARLY;BYMONTH=9;BYDAY=SU;BYMONTHDAY=2,3,4,5,6,7,8',
      'RRULE:FREQ=YEARLY;BYMONTH=4;BYDAY=SU;BYMONTHDAY=2,3,4,5,6,7,8',
    ]);
    expect(rrules('Asia/Jerusalem')).toEqual([
      'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
      'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=FR;BYMONTHDAY=23,24,25,26,27,28,29',
    ]);
    expect(rrules(LORD_HOWE)).toEqual(['RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=1SU', 'RRULE:FREQ=YEARLY;BYMONTH=4;BYDAY=1SU']);
    // Morocco's changes follow Ramadan, Egypt's October one slips into November in 2030: written change by change.
    expect(rrules('Africa/Casablanca')).toEqual([]);
    expect(rrules('Africa/Cairo')).toEqual([]);
  });

  it('lets ical.js find every offset change Temporal knows in the span, at its exact instant', () => {
    let checked = 0;
    for (const zone of ZONES) {
      const tz = icalZone(zone, 2026, 2036);
      const start = Temporal.ZonedDateTime.from({ year: 2026, month: 1, day: 1, timeZone: zone });
      const instants: number[] = [];
      for (let t = start.getTimeZoneTransition('next'); t && t.year < 2036; t = t.getTimeZoneTransition('next')) {
        const at = t.epochMilliseconds;
        const jump = Math.abs(t.offsetNanoseconds - t.subtract({ nanoseconds: 1 }).offsetNanoseconds) / 1e6;
        // Either side of the change, and past the gap or fold it makes.
        instants.push(at - jump - 1000, at - 1000, at, at + jump);
      }
      for (let month = Temporal.PlainYearMonth.from('2026-01'); month.year < 2036; month = month.add({ months: 1 })) {
        instants.push(month.toPlainDate({ day: 15 }).toZonedDateTime({ timeZone: 'UTC', plainTime: '12:00' }).epochMilliseconds);
      }
      for (const at of instants) {
        const local = Temporal.Instant.fromEpochMilliseconds(at).toZonedDateTimeISO(zone).toPlainDateTime();
        // Exact where the wall time is unambiguous; in a gap or fold, ical.js's own reading (see icalJsReading).
        expect(iso(icalInstant(tz, local)), `${zone} ${local.toString()}`).toBe(iso(icalJsReading(local.toString(), zone)));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(2000);
  });

  it('keeps a yearly rule right after the span: ical.js agrees with Intl every day of the ten years after it', () => {
    for (const zone of [NY, 'Europe/London', LORD_HOWE, 'America/Santiago', 'Asia/Jerusalem', 'America/Nuuk', 'Pacific/Chatham', 'Australia/Sydney']) {
      const tz = icalZone(zone, 2026, 2036);
      const format = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
      // Noon UTC, far from every one of these zones' change times; plain Date arithmetic, as the polyfill is slow.
      for (let at = Date.UTC(2036, 0, 1, 12); at < Date.UTC(2046, 0, 1); at += 86_400_000) {
        const wall = new Date(at + intlOffsetMs(format, at));
        const { year, month, day, hour, minute } = {
          year: wall.getUTCFullYear(),
          month: wall.getUTCMonth() + 1,
          day: wall.getUTCDate(),
          hour: wall.getUTCHours(),
          minute: wall.getUTCMinutes(),
        };
        const ical = ICAL.Time.fromData({ year, month, day, hour, minute, second: 0, isDate: false }, tz).toUnixTime() * 1000;
        if (ical !== at) expect.fail(`${zone} ${wall.toISOString()}: ical.js ${iso(ical)}, Intl ${iso(at)}`);
      }
    }
  });
});
