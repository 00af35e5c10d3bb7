import { basicDateTime, escapeText } from './ical-text';

/** One change of a zone's UTC offset: its onset in local time before the change, and the offsets (seconds). */
interface Change {
  onset: Temporal.PlainDateTime;
  from: number;
  to: number;
}

const BYDAY = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

const offsetSeconds = (zdt: Temporal.ZonedDateTime) => Math.round(zdt.offsetNanoseconds / 1e9);

/**
 * The zone's offset changes from the one in force on 1 January of `fromYear` up to 1 January of `toYear`, from
 * Temporal's view of the IANA data. (The Temporal polyfill finds none past ten years after the real clock's year,
 * so a span that reaches further simply ends with its last change.)
 */
function changes(zone: string, fromYear: number, toYear: number): Change[] {
  const start = Temporal.PlainDate.from({ year: fromYear, month: 1, day: 1 }).toZonedDateTime({ timeZone: zone });
  const end = Temporal.PlainDate.from({ year: toYear, month: 1, day: 1 }).toZonedDateTime({ timeZone: zone });
  // 'previous' looks strictly before, so a change at the very start of the span still counts as the one in force.
  const inForce = start.add({ nanoseconds: 1 }).getTimeZoneTransition('previous');
  const found = inForce ? [inForce] : [];
  for (let t = (inForce ?? start).getTimeZoneTransition('next'); t && Temporal.ZonedDateTime.compare(t, end) < 0; t = t.getTimeZoneTransition('next')) {
    found.push(t);
  }
  return found.map((t) => {
    const from = offsetSeconds(t.toInstant().subtract({ nanoseconds: 1 }).toZonedDateTimeISO(zone));
    const onset = t.toInstant().add({ seconds: from }).toZonedDateTimeISO('UTC').toPlainDateTime();
    return { onset, from, to: offsetSeconds(t) };
  });
}

/** "+0530", "-0500", "+0000"; seconds only when the offset has them (old local mean times). */
function utcOffset(seconds: number): string {
  const abs = Math.abs(seconds);
  const pad = (n: number) => String(n).padStart(2, '0');
  const rest = abs % 60 ? pad(abs % 60) : '';
  return `${seconds < 0 ? '-' : '+'}${pad(Math.floor(abs / 3600))}${pad(Math.floor(abs / 60) % 60)}${rest}`;
}

interface Rule {
  /** The run of changes, one a year, oldest first. */
  changes: Change[];
  /** The earliest and latest day of the month they fell on. */
  low: number;
  high: number;
}

/**
 * The changes that follow a yearly rule at the end of the span, one rule per direction, so they can be written as
 * RRULEs and calendars keep the zone right after the span. A rule here is the IANA kind: the same weekday, month and
 * local time each year, within a fixed 7-day stretch of the month ("Sun>=8": the second Sunday). Only a run whose
 * days cover the whole stretch pins it down: otherwise "the last Saturday" and "the Saturday before the last
 * Sunday" (Nuuk) could both fit and part later. Undefined when there is no such rule into the span's last year: no
 * DST, an abolished one, Morocco's Ramadan breaks, or too few years.
 */
function yearlyTail(all: readonly Change[], lastYear: number): Rule[] | undefined {
  const key = (c: Change) => `${c.from}/${c.to}`;
  const [a, b] = all.slice(-2);
  if (!a || !b || a.from !== b.to || a.to !== b.from || a.onset.year !== lastYear || b.onset.year !== lastYear) return undefined;
  const rules = new Map<string, Rule>([a, b].map((c) => [key(c), { changes: [], low: c.onset.day, high: c.onset.day }]));
  for (let i = all.length - 1; i >= 0; i--) {
    const change = all[i] as Change;
    const rule = rules.get(key(change));
    if (!rule) break;
    const later = rule.changes[0];
    const { onset } = change;
    const low = Math.min(rule.low, onset.day);
    const high = Math.max(rule.high, onset.day);
    const same =
      !later ||
      (later.onset.year === onset.year + 1 &&
        later.onset.month === onset.month &&
        later.onset.dayOfWeek === onset.dayOfWeek &&
        Temporal.PlainTime.compare(later.onset.toPlainTime(), onset.toPlainTime()) === 0);
    if (!same || high - low > 6) break;
    Object.assign(rule, { low, high });
    rule.changes.unshift(change);
  }
  const tail = [...rules.values()];
  return tail.every((r) => r.high - r.low === 6) ? tail : undefined;
}

/** The RRULE of a rule: "2SU" or "-1SU" where the stretch is a week of the month, else the stretch's days. */
function rrule(rule: Rule): string {
  const { month, dayOfWeek } = (rule.changes[0] as Change).onset;
  const weekday = BYDAY[dayOfWeek - 1] as string;
  const yearly = (byDay: string) => `RRULE:FREQ=YEARLY;BYMONTH=${month};${byDay}`;
  if (rule.low % 7 === 1) return yearly(`BYDAY=${(rule.low + 6) / 7}${weekday}`);
  // February's last week moves with leap years; no zone changes then, and the day list below is right either way.
  if (month !== 2 && rule.high === Temporal.PlainYearMonth.from({ year: 2001, month }).daysInMonth) return yearly(`BYDAY=-1${weekday}`);
  return yearly(`BYDAY=${weekday};BYMONTHDAY=${Array.from({ length: 7 }, (_, i) => rule.low + i).join(',')}`);
}

/**
 * The VTIMEZONE of an IANA zone covering [fromYear, toYear): the offset in force at the start, then every change
 * Temporal knows in the span. A zone's current yearly rule is written as two RRULEs (STANDARD and DAYLIGHT); earlier
 * or irregular changes each get a component of their own, and a zone that never changes gets a single STANDARD.
 * DAYLIGHT marks a move to a later offset that the zone also makes in reverse; everything else is STANDARD.
 */
export function vtimezoneLines(zone: string, fromYear: number, toYear: number): string[] {
  const all = changes(zone, fromYear, toYear);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${escapeText(zone)}`];
  if (all.length === 0) {
    const offset = utcOffset(offsetSeconds(Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(zone)));
    return [...lines, 'BEGIN:STANDARD', 'DTSTART:19700101T000000', `TZOFFSETFROM:${offset}`, `TZOFFSETTO:${offset}`, 'END:STANDARD', 'END:VTIMEZONE'];
  }
  const undone = new Set(all.map((c) => `${c.to}/${c.from}`));
  const component = (c: Change, recurrence?: string) => {
    const name = c.to > c.from && undone.has(`${c.from}/${c.to}`) ? 'DAYLIGHT' : 'STANDARD';
    const offsets = [`TZOFFSETFROM:${utcOffset(c.from)}`, `TZOFFSETTO:${utcOffset(c.to)}`];
    return [`BEGIN:${name}`, `DTSTART:${basicDateTime(c.onset)}`, ...(recurrence ? [recurrence] : []), ...offsets, `END:${name}`];
  };
  const tail = (yearlyTail(all, toYear - 1) ?? []).map((rule) => ({ rule, at: all.indexOf(rule.changes[0] as Change) }));
  tail.sort((x, y) => x.at - y.at);
  for (const change of all.slice(0, tail[0]?.at ?? all.length)) lines.push(...component(change));
  for (const { rule } of tail) lines.push(...component(rule.changes[0] as Change, rrule(rule)));
  lines.push('END:VTIMEZONE');
  return lines;
}
