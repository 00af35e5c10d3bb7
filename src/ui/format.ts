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
