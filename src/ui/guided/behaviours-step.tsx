import { MAX_BEHAVIOURS, WHY_FIVE, type PickedBehaviour } from '@/src/core/guided-start';
import type { LibraryEntry } from '@/src/core/library';
import { daysText, targetText } from '../plan-text';

/** Step 3: the starter library for the chosen role(s); the person picks one to five, each editable in step 5. */
export function BehavioursStep({
  entries,
  picked,
  onToggle,
}: {
  entries: readonly LibraryEntry[];
  picked: readonly PickedBehaviour[];
  onToggle: (entry: LibraryEntry) => void;
}) {
  const full = picked.length >= MAX_BEHAVIOURS;
  return (
    <fieldset class="choices">
      <legend>Which behaviours drive your outcome?</legend>
      <p class="hint" id="why-five">
        {WHY_FIVE}
      </p>
      <ul class="library">
        {entries.map((entry) => {
          const chosen = picked.some((p) => p.entryId === entry.id);
          return (
            <li key={entry.id} class={chosen ? 'picked' : undefined}>
              <label class="choice">
                <input type="checkbox" checked={chosen} disabled={!chosen && full} onChange={() => onToggle(entry)} aria-describedby={`why-${entry.id}`} />
                <span>
                  <strong>{entry.name}</strong>
                  <span class="hint" id={`why-${entry.id}`}>
                    {entry.why} Suggested: {targetText(entry.target)}, {daysText(entry.schedule.days)} at {entry.schedule.startTime}.
                  </span>
                </span>
              </label>
            </li>
          );
        })}
      </ul>
      <p class="meta" aria-live="polite">
        {picked.length} of {MAX_BEHAVIOURS} picked{full ? ' — that is the most a glanceable dashboard holds.' : '.'}
      </p>
    </fieldset>
  );
}
