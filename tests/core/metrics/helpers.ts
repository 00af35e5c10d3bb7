import type { CheckIn } from '@/src/core/check-in';

let n = 0;
/** A check-in on a local date. */
export function ci(localDate: string, status: CheckIn['status'] = 'done', value = 1, habitId = 'h1'): CheckIn {
  return { id: `c${++n}`, habitId, localDate, at: 0, timeZone: 'UTC', value, status, source: 'popup' };
}

/** Done check-ins on every date in [from, to], optionally only on some weekdays. */
export function doneEvery(from: string, to: string, weekdays?: number[], value = 1): CheckIn[] {
  const out: CheckIn[] = [];
  for (let d = Temporal.PlainDate.from(from); Temporal.PlainDate.compare(d, Temporal.PlainDate.from(to)) <= 0; d = d.add({ days: 1 })) {
    if (!weekdays || weekdays.includes(d.dayOfWeek)) out.push(ci(d.toString(), 'done', value));
  }
  return out;
}
