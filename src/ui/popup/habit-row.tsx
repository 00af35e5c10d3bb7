import { useEffect, useState } from 'preact/hooks';
import { rewardText } from '@/src/core/habit';
import type { TodayItem } from '@/src/core/today';
import { formatTime, progressText } from '../format';

const STATE_TEXT = { done: 'Done today', skipped: 'Skipped today', missed: 'Not done today', 'not-logged': '' } as const;

export interface HabitRowProps {
  item: TodayItem;
  timeZone: string;
  busy: boolean;
  /** `person`: who it was with, for a habit counted per person. */
  onDone: (habitId: string, person?: string) => void;
  onUndo: (checkInId: string) => void;
}

/** One habit in the popup: name, progress toward this period's target, today's cues, and one-click check-off. */
export function HabitRow({ item, timeZone, busy, onDone, onUndo }: HabitRowProps) {
  const percent = Math.round(item.progress.fraction * 100);
  const labelId = `habit-${item.habitId}`;
  const reward = item.state === 'done' && item.reward ? `Done. ${rewardText(item.reward)}` : '';
  // Counted per person, Done opens "Who was it with?" (a native popover); it loads only for such a habit.
  const perPerson = item.progress.notYet;
  const [Pick, setPick] = useState<typeof import('./people-pick').PeoplePick>();
  useEffect(() => {
    if (perPerson) void import('./people-pick').then((m) => setPick(() => m.PeoplePick));
  }, [!perPerson]);
  return (
    <li class={`habit ${item.state}`} aria-labelledby={labelId}>
      <div class="habit-main">
        <span id={labelId} class="habit-name">
          {item.keystone && (
            <span class="keystone" title="Keystone habit" aria-label="Keystone:">
              ★{' '}
            </span>
          )}
          {item.name}
        </span>
        <span class="habit-meta">
          <span class="progress-text" data-testid="progress">
            {progressText(item.progress)}
          </span>
          {item.cues.length > 0 && <span> · cue {item.cues.map((at) => formatTime(at, timeZone)).join(', ')}</span>}
          {item.unplaced && <span> · {item.unplaced}</span>}
          {STATE_TEXT[item.state] && <span class="state"> · {STATE_TEXT[item.state]}</span>}
        </span>
        <div
          class="bar"
          role="progressbar"
          aria-label={`${item.name} progress`}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          aria-valuetext={progressText(item.progress)}
        >
          <span style={{ width: `${percent}%` }} />
        </div>
        {Pick && <Pick item={item} busy={busy} onDone={onDone} />}
        {/* Always present, so the reward is announced the moment Done lands (the guide's "make it satisfying"). */}
        <span class="habit-meta reward" aria-live="polite" style={{ display: 'block', marginTop: reward ? '0.3rem' : 0 }}>
          {reward}
        </span>
      </div>
      <div class="habit-actions">
        <button
          type="button"
          class="primary"
          disabled={busy}
          aria-label={`Done: ${item.name}`}
          popovertarget={perPerson && `who-${item.habitId}`}
          onClick={() => perPerson || onDone(item.habitId)}
        >
          ✓ Done
        </button>
        {item.undoId && (
          <button type="button" class="quiet" disabled={busy} aria-label={`Undo: ${item.name}`} onClick={() => onUndo(item.undoId!)}>
            Undo
          </button>
        )}
      </div>
    </li>
  );
}
