import { useEffect, useState } from 'preact/hooks';
import { timerElapsed, toggleTimer, type PartTimer } from '@/src/core/coaching-session';
import { formatCountdown } from '../format';

/** A part's visible timer: minutes spent against the guide's minutes; start and pause at will, never enforced. */
export function PartTimerView({ label, minutes, now }: { label: string; minutes: number; now: () => number }) {
  const [timer, setTimer] = useState<PartTimer>({ elapsedMs: 0 });
  const [, tick] = useState(0);
  const running = timer.runningSince !== undefined;
  useEffect(() => {
    if (!running) return undefined;
    const id = setInterval(() => tick((n) => n + 1), 500);
    return () => clearInterval(id);
  }, [running]);
  const seconds = timerElapsed(timer, now()) / 1000;
  return (
    <span class="part-timer">
      <span role="timer" aria-label={label}>
        {formatCountdown(seconds)} / {minutes}:00
      </span>{' '}
      <button type="button" class="quiet" onClick={() => setTimer((t) => toggleTimer(t, now()))}>
        {running ? 'Pause' : seconds > 0 ? 'Resume' : 'Start'}
      </button>
    </span>
  );
}
