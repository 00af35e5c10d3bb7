import type { Schedule } from '@/src/core/schedule';

const BYDAY = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/** "20260309T185959Z": RRULE's UTC form for UNTIL, whole seconds. */
export function utcBasic(epochMs: number): string {
  return new Date(Math.floor(epochMs / 1000) * 1000)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/**
 * The RRULE line of a schedule, expanded by Google in the event's own time zone: daily when every day is chosen,
 * weekly on the chosen days otherwise; every two weeks is WEEKLY;INTERVAL=2 on the chosen days (even all seven),
 * counted from DTSTART's week (WKST=MO by default). `untilMs` ends the series (inclusive, UTC, as RFC 5545 wants
 * for timed events).
 */
export function scheduleToRrule(schedule: Pick<Schedule, 'days' | 'everyWeeks'>, untilMs?: number): string {
  const days = [...new Set(schedule.days)].sort((a, b) => a - b);
  const biweekly = schedule.everyWeeks === 2;
  const freq = days.length === 7 && !biweekly ? 'FREQ=DAILY' : `FREQ=WEEKLY;${biweekly ? 'INTERVAL=2;' : ''}BYDAY=${days.map((d) => BYDAY[d - 1]).join(',')}`;
  return `RRULE:${freq}${untilMs === undefined ? '' : `;UNTIL=${utcBasic(untilMs)}`}`;
}

/** Read back the days, interval and UNTIL of an RRULE line we wrote; undefined for rules Cueboard does not write. */
export function parseRrule(line: string): { days: number[]; everyWeeks?: 2; untilMs?: number } | undefined {
  if (!line.startsWith('RRULE:')) return undefined;
  const parts = new Map(
    line
      .slice(6)
      .split(';')
      .map((p) => p.split('=') as [string, string]),
  );
  const until = parts.get('UNTIL');
  const untilMs = until ? Date.parse(until.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z')) : undefined;
  if (untilMs !== undefined && Number.isNaN(untilMs)) return undefined;
  const freq = parts.get('FREQ');
  const interval = parts.get('INTERVAL') ?? '1';
  if (interval !== '1' && !(interval === '2' && freq === 'WEEKLY')) return undefined;
  let days: number[];
  if (freq === 'DAILY') days = [1, 2, 3, 4, 5, 6, 7];
  else if (freq === 'WEEKLY') {
    days = (parts.get('BYDAY') ?? '').split(',').map((d) => BYDAY.indexOf(d) + 1);
    if (days.some((d) => d === 0)) return undefined;
  } else return undefined;
  return { days, ...(interval === '2' ? { everyWeeks: 2 as const } : {}), ...(untilMs !== undefined ? { untilMs } : {}) };
}
