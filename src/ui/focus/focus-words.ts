import { endsAt, focusedMinutes, remainingMs, settle, type FocusEnd, type FocusPass, type FocusSession, type FocusState } from '@/src/core/focus-session';
import { formatCountdown, formatTime } from '../format';

/** "1 minute", "47 minutes". */
export function minutesText(minutes: number): string {
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

/** The end's first line: what the block counted (pauses and passes excluded). */
export function focusedWords(minutes: number): string {
  return minutes === 0 ? 'This block counted no minutes of focus.' : `You focused for ${minutesText(minutes)}.`;
}

/**
 * The passes taken during a block, never hidden: "1 one-minute pass to mail.example.com", "3 one-minute passes:
 * mail.example.com (2), chat.example.com". Empty when there were none.
 */
export function passesWords(passes: readonly FocusPass[]): string {
  if (passes.length === 0) return '';
  const counts = new Map<string, number>();
  for (const p of passes) counts.set(p.host, (counts.get(p.host) ?? 0) + 1);
  const one = passes.length === 1;
  const hosts = [...counts].map(([host, n]) => (n === 1 || counts.size === 1 ? host : `${host} (${n})`)).join(', ');
  return `${passes.length} one-minute pass${one ? '' : 'es'}${counts.size === 1 ? ' to ' : ': '}${hosts}`;
}

/** What a page shows of a block at `now`: a display only, the stored block is settled by the worker's alarms. */
export interface FocusView {
  /** The state at `now` (a block whose time is up shows as ended even before the worker has written it so). */
  state: FocusState;
  /** Focus still to come, "46:59" (minutes may pass 59: "90:00"). */
  left: string;
  /** The running block's end in the page's zone, "10:00"; absent when paused or ended. */
  until?: string;
  /** Pending: the time until the timer begins, "1:23". */
  startsIn?: string;
  /** Minutes focused so far (at the end: the block's total). */
  focused: number;
  /** How and when it ended ("10:00"), once it has. */
  end?: FocusEnd;
  endedAt?: string;
}

export function focusView(block: FocusSession, now: number, timeZone: string): FocusView {
  const s = settle(block, now);
  const end = endsAt(s);
  return {
    state: s.state,
    left: formatCountdown(remainingMs(s, now) / 1000),
    ...(end !== undefined ? { until: formatTime(end, timeZone) } : {}),
    ...(s.state === 'pending' ? { startsIn: formatCountdown((s.startsAt - now) / 1000) } : {}),
    focused: focusedMinutes(s, now),
    ...(s.end !== undefined ? { end: s.end } : {}),
    ...(s.endedAt !== undefined ? { endedAt: formatTime(s.endedAt, timeZone) } : {}),
  };
}

/** The end's heading: how the block ended, in a sentence. */
export function endWords(view: FocusView): string {
  if (view.end === 'abandoned') return `The block ended while paused, at ${view.endedAt}.`;
  if (view.end === 'ended-early') return `Ended at ${view.endedAt}.`;
  return `Time is up: the block ended at ${view.endedAt}.`;
}

/** The calm line after the end's answers are saved (or let go). */
export function savedWords(rating: number | undefined, minutes: number): string {
  const counted = minutes === 0 ? '' : `${minutesText(minutes)} of deep work`;
  if (rating !== undefined) return `Saved: focus ${rating} of 5${counted ? `, ${counted}` : ''}.`;
  return counted ? `Saved: ${counted}.` : 'Closed. This block counted no minutes.';
}
