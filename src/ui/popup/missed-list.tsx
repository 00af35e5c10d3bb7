import type { MissedCue } from '@/src/app/passed-cues';
import { formatDayTime } from '../format';

export interface MissedListProps {
  missed: readonly MissedCue[];
  timeZone: string;
  busy: boolean;
  onAnswer: (cue: MissedCue, status: 'done' | 'skipped') => void;
}

/** Cues that passed while the browser was closed or asleep: one line each, answered for the day it belonged to. */
export function MissedList({ missed, timeZone, busy, onAnswer }: MissedListProps) {
  const n = missed.length;
  return (
    <section class="missed" aria-labelledby="missed-title">
      <h2 id="missed-title">While you were away</h2>
      <p class="hint">
        {n === 1 ? 'A cue passed' : `${n} cues passed`} with no prompt. Did {n === 1 ? 'it' : 'they'} happen anyway?
      </p>
      <ul class="list" aria-label="Cues that passed while you were away">
        {missed.map((m) => {
          const when = formatDayTime(m.cueAt, timeZone);
          return (
            <li key={`${m.habitId}|${m.cueAt}`}>
              <span>
                {m.name} <span class="habit-meta">— {when}</span>
              </span>
              <span class="missed-actions">
                <button type="button" disabled={busy} aria-label={`Done: ${m.name}, ${when}`} onClick={() => onAnswer(m, 'done')}>
                  Done
                </button>
                <button type="button" class="quiet" disabled={busy} aria-label={`Skipped: ${m.name}, ${when}`} onClick={() => onAnswer(m, 'skipped')}>
                  Skipped
                </button>
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
