import { useEffect, useState } from 'preact/hooks';
import { formatCountdown } from '../format';

export const TWO_MINUTES_S = 120;

/** A visible two-minute count-down from `startedAt` (epoch ms); it only ever shows, never decides. */
export function TwoMinuteTimer({ startedAt, now }: { startedAt?: number; now: () => number }) {
  const [, tick] = useState(0);
  useEffect(() => {
    if (startedAt === undefined) return undefined;
    const id = setInterval(() => tick((n) => n + 1), 250);
    return () => clearInterval(id);
  }, [startedAt]);
  const left = startedAt === undefined ? TWO_MINUTES_S : TWO_MINUTES_S - (now() - startedAt) / 1000;
  const finished = left <= 0;
  return (
    <div class={`timer${finished ? ' finished' : ''}`}>
      <span role="timer" aria-label="Two-minute timer" aria-live="off" class="timer-digits">
        {formatCountdown(left)}
      </span>
      <p aria-live="polite" class="timer-note">
        {startedAt === undefined
          ? 'Just start: two minutes is the whole commitment.'
          : finished
            ? 'Two minutes in. Keep going, or call it done.'
            : 'Started. Only the first step counts.'}
      </p>
    </div>
  );
}
