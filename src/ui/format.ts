import type { Progress } from '@/src/core/progress';

/** "14:00" (or "2:00 PM", as the browser's locale prefers) for an instant in a zone. */
export function formatTime(epochMs: number, timeZone: string): string {
  return new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit', timeZone }).format(epochMs);
}

/** "2 / 10 this week", "30 / 30 min today"; counted per person, "4 of 6 this week". */
export function progressText(progress: Progress): string {
  const unit = progress.unit === 'minutes' ? ' min' : '';
  return `${progress.done}${progress.notYet ? ' of ' : ' / '}${progress.target}${unit} ${progress.per === 'day' ? 'today' : 'this week'}`;
}

/** "1:59" for a count-down in seconds. */
export function formatCountdown(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** "Wed 14:00" (in the browser's locale) for an instant in a zone: a missed cue's day and time. */
export function formatDayTime(epochMs: number, timeZone: string): string {
  return new Intl.DateTimeFormat(undefined, { weekday: 'short', hour: 'numeric', minute: '2-digit', timeZone }).format(epochMs);
}

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
