import type { Habit } from '@/src/core/habit';
import type { Outcome } from '@/src/core/outcome';

const DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** "Mon–Fri 14:00 (America/New_York), 30 min". */
export function scheduleSummary(habit: Habit): string {
  const days = habit.schedule.days;
  const dayText = days.length === 7 ? 'Every day' : days.join() === '1,2,3,4,5' ? 'Mon–Fri' : days.map((d) => DAY_NAMES[d - 1]).join(' ');
  return `${dayText} ${habit.schedule.startTime} (${habit.schedule.timeZone}), ${habit.schedule.durationMinutes} min`;
}

function targetSummary(habit: Habit): string {
  const n = habit.people?.length;
  if (n) return `${n === 1 ? '1 person' : `each of ${n} people`} once per ${habit.target.per}`;
  return `${habit.target.amount}${habit.target.kind === 'minutes' ? ' min' : '×'} per ${habit.target.per}`;
}

export interface HabitListProps {
  habits: readonly Habit[];
  outcomes: readonly Outcome[];
  /** Habits whose calendar series was deleted outside Cueboard. */
  missing: readonly string[];
  onEdit: (habit: Habit) => void;
  onArchive: (habit: Habit, archived: boolean) => void;
  onRepair: (habit: Habit) => void;
}

/** Active habits first, then archived ones, each with edit and archive/restore. */
export function HabitList({ habits, outcomes, missing, onEdit, onArchive, onRepair }: HabitListProps) {
  if (habits.length === 0) return <p class="empty">No habits yet. Add the behaviour that moves your outcome most.</p>;
  const sorted = [...habits].sort((a, b) => Number(a.archived) - Number(b.archived) || Number(b.keystone) - Number(a.keystone) || a.createdAt - b.createdAt);
  return (
    <ul class="list" aria-label="Habits">
      {sorted.map((h) => (
        <li key={h.id} class={h.archived ? 'archived' : ''}>
          <div>
            <strong>
              {h.keystone ? '★ ' : ''}
              {h.name}
            </strong>
            {h.archived && <span class="tag">archived</span>}
            {!h.archived && !h.onDashboard && <span class="tag">off dashboard</span>}
            {!h.archived && missing.includes(h.id) && <span class="tag">cue missing</span>}
            <div class="meta">
              {targetSummary(h)} · {scheduleSummary(h)}
              {h.outcomeId && ` · drives ${outcomes.find((o) => o.id === h.outcomeId)?.name ?? 'an outcome'}`}
            </div>
          </div>
          <div class="actions">
            {!h.archived && missing.includes(h.id) && (
              <button type="button" class="primary" aria-label={`Repair cue: ${h.name}`} onClick={() => onRepair(h)}>
                Repair cue
              </button>
            )}
            {!h.archived && (
              <button type="button" aria-label={`Edit ${h.name}`} onClick={() => onEdit(h)}>
                Edit
              </button>
            )}
            <button type="button" aria-label={`${h.archived ? 'Restore' : 'Archive'} ${h.name}`} onClick={() => onArchive(h, !h.archived)}>
              {h.archived ? 'Restore' : 'Archive'}
            </button>
          </div>
        </li>
      ))}
    </ul>
  );
}
