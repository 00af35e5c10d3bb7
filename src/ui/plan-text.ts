// A habit's plan in words ("30 min a day", "Mon–Fri"). Only the guided start writes plans out, so these live apart
// from format.ts, which every glance page loads.

/** "30 min a day", "10 times a week", "once a day". */
export function targetText(target: { kind: 'count' | 'minutes'; amount: number; per: 'day' | 'week' }): string {
  const per = target.per === 'day' ? 'a day' : 'a week';
  if (target.kind === 'minutes') return `${target.amount} min ${per}`;
  return `${target.amount === 1 ? 'once' : target.amount === 2 ? 'twice' : `${target.amount} times`} ${per}`;
}

const DAY_SHORT = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** "every day", "Mon–Fri", "Mon, Wed, Fri" for ISO weekdays (1 = Monday). */
export function daysText(days: readonly number[]): string {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  if (sorted.length === 7) return 'every day';
  if (sorted.join() === '1,2,3,4,5') return 'Mon–Fri';
  return sorted.map((d) => DAY_SHORT[d - 1]).join(', ');
}
