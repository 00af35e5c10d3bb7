// RRULE expansion for the fake Google server, written independently of Cueboard's own schedule code so the fake
// checks the client rather than agreeing with it. Supports what Calendar v3 events commonly carry:
// FREQ=DAILY|WEEKLY, INTERVAL, BYDAY, UNTIL (UTC), COUNT. Expansion happens in the event's own time zone.
import { Temporal } from 'temporal-polyfill';

const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

export interface Rule {
  freq: 'DAILY' | 'WEEKLY';
  interval: number;
  byDay?: number[];
  untilMs?: number;
  count?: number;
}

/** Parse an RRULE line; throws with Google's kind of message on what it does not understand. */
export function parseRule(line: string): Rule {
  if (!line.startsWith('RRULE:')) throw new Error(`Invalid recurrence rule: ${line}`);
  const parts = new Map(
    line
      .slice(6)
      .split(';')
      .map((p) => p.split('=') as [string, string]),
  );
  const freq = parts.get('FREQ');
  if (freq !== 'DAILY' && freq !== 'WEEKLY') throw new Error(`Unsupported FREQ in ${line}`);
  const rule: Rule = { freq, interval: Number(parts.get('INTERVAL') ?? 1) };
  const byDay = parts.get('BYDAY');
  if (byDay) {
    rule.byDay = byDay.split(',').map((d) => {
      const i = DAYS.indexOf(d);
      if (i < 0) throw new Error(`Invalid BYDAY in ${line}`);
      return i + 1;
    });
  }
  const until = parts.get('UNTIL');
  if (until) {
    const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(until);
    if (!m) throw new Error(`Invalid UNTIL in ${line}`);
    rule.untilMs = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
  }
  const count = parts.get('COUNT');
  if (count) rule.count = Number(count);
  return rule;
}

/** Original start instants (epoch ms) of a series whose first instance is `start` (local) in `zone`, up to `untilMs`. */
export function expand(startLocal: string, zone: string, rules: Rule[], windowEndMs: number): number[] {
  const start = Temporal.PlainDateTime.from(startLocal);
  const startDate = start.toPlainDate();
  const time = start.toPlainTime();
  const out = new Set<number>();
  for (const rule of rules) {
    let emitted = 0;
    for (let date = startDate, i = 0; i < 20_000; date = date.add({ days: 1 }), i++) {
      const at = date.toZonedDateTime({ timeZone: zone, plainTime: time }).epochMilliseconds;
      if (at >= windowEndMs) break;
      const first = i === 0; // DTSTART is always an instance (RFC 5545), even when UNTIL lies before it.
      if (!first && rule.untilMs !== undefined && at > rule.untilMs) break;
      if (rule.count !== undefined && emitted >= rule.count) break;
      const days = date.since(startDate).days;
      const matches =
        rule.freq === 'DAILY'
          ? days % rule.interval === 0
          : Math.floor((days + startDate.dayOfWeek - 1) / 7) % rule.interval === 0 && (rule.byDay ?? [startDate.dayOfWeek]).includes(date.dayOfWeek);
      if (first || matches) {
        out.add(at);
        emitted++;
      }
    }
  }
  return [...out].sort((a, b) => a - b);
}

/** "2025-03-10T14:00:00-04:00": RFC 3339 with the zone's offset at that instant, as Google returns instances. */
export function rfc3339In(epochMs: number, zone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(zone).toString({ timeZoneName: 'never', smallestUnit: 'second' });
}

/** Parse an RFC 3339 date-time (offset required) or a local one in a zone. */
export function instantOf(dateTime: string, zone?: string): number {
  if (/(Z|[+-]\d\d:\d\d)$/.test(dateTime)) return Temporal.Instant.from(dateTime).epochMilliseconds;
  if (!zone) throw new Error('Missing time zone definition for start time.');
  return Temporal.PlainDateTime.from(dateTime).toZonedDateTime(zone).epochMilliseconds;
}

/** "20250310T180000Z". */
export function utcBasic(epochMs: number): string {
  return new Date(epochMs)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}
