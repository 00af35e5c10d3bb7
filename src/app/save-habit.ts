import { localDateOf } from '@/src/core/day-boundary';
import { keystonesToClear, sameSchedule, type Habit } from '@/src/core/habit';
import { habitToInput, validateHabit, type HabitField, type HabitInput } from '@/src/core/habit-input';
import type { Validated } from '@/src/core/result';
import type { FocusStore } from '@/src/ports/focus-store';
import type { Deps } from './deps';

/** `focus`, where given, supplies the person's focus settings (whether a focus block must name its intention). */
type SaveDeps = Pick<Deps, 'repo' | 'clock' | 'provider' | 'newId'> & { focus?: Pick<FocusStore, 'prefs'> };

/**
 * Validate and store a habit (new when `id` is absent), then let the cue provider catch up.
 * Invalid input stores nothing. Marking a keystone unmarks the previous one in the same transaction.
 */
/** `kind` marks a new habit as the coaching check-in (an edit keeps the kind it has). */
export async function saveHabit(deps: SaveDeps, input: HabitInput, id?: string, kind?: Habit['kind']): Promise<Validated<Habit, HabitField>> {
  const { repo, clock, provider, newId } = deps;
  const [habits, outcomes, settings, focusPrefs] = await Promise.all([repo.habits(), repo.outcomes(), repo.settings(), deps.focus?.prefs()]);
  const existing = id === undefined ? undefined : habits.find((h) => h.id === id);
  if (id !== undefined && !existing) return { ok: false, errors: { name: 'This habit was removed elsewhere; reload the page.' } };
  const now = clock.now();
  const base = existing ?? {
    id: newId(),
    createdAt: now,
    archived: false,
    startsOn: localDateOf(now, clock.timeZone(), settings.dayBoundary),
    scheduleSince: now,
    ...(kind ? { kind } : {}),
  };
  const validated = validateHabit(input, base, {
    habits,
    outcomeIds: outcomes.filter((o) => !o.archived).map((o) => o.id),
    focusIntentionRequired: focusPrefs?.intentionRequired ?? false,
  });
  if (!validated.ok) return validated;
  // A new schedule takes effect now: the calendar ends the old series here and starts a new one.
  const result =
    existing && !sameSchedule(existing.schedule, validated.value.schedule)
      ? { ok: true as const, value: { ...validated.value, scheduleSince: now } }
      : validated;
  await repo.putHabits([result.value, ...(result.value.keystone ? keystonesToClear(habits, result.value.id) : [])]);
  await provider.syncHabit(result.value);
  return result;
}

/**
 * Archive a habit, or restore it. Restoring goes through validation again, so it cannot overfill the dashboard.
 */
export async function setHabitArchived(deps: SaveDeps, id: string, archived: boolean): Promise<Validated<Habit, HabitField>> {
  const { repo, provider } = deps;
  const habits = await repo.habits();
  const habit = habits.find((h) => h.id === id);
  if (!habit) return { ok: false, errors: { name: 'This habit was removed elsewhere; reload the page.' } };
  if (!archived) {
    const outcomes = await repo.outcomes();
    const restored = validateHabit(habitToInput(habit), { ...habit, archived: false }, { habits, outcomeIds: outcomes.map((o) => o.id) });
    if (!restored.ok) return restored;
  }
  const now = deps.clock.now();
  // Archiving ends the series now; restoring starts a fresh one from now, leaving the gap out of the calendar.
  const { archivedAt: _previous, ...rest } = habit;
  const next: Habit = archived ? { ...rest, archived, keystone: false, archivedAt: now } : { ...rest, archived, scheduleSince: now };
  await repo.putHabits([next]);
  await provider.syncHabit(next);
  return { ok: true, value: next };
}
