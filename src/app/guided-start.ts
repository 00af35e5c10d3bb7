import { localDateOf } from '@/src/core/day-boundary';
import { habitsToCreate, type GuidedDraft } from '@/src/core/guided-start';
import { keystonesToClear, MAX_DASHBOARD_HABITS, type Habit } from '@/src/core/habit';
import { validateHabit, type HabitField } from '@/src/core/habit-input';
import { validateOutcome, type Outcome, type OutcomeField } from '@/src/core/outcome';
import type { CoachingStore } from '@/src/ports/coaching-store';
import type { Deps } from './deps';

/** What to fix before the guided start can finish: the outcome's fields, and each behaviour's (by library entry). */
export interface GuidedErrors {
  outcome?: Partial<Record<OutcomeField, string>>;
  habits: Record<string, Partial<Record<HabitField, string>>>;
}

export type GuidedResult = { ok: true; outcome?: Outcome; habits: Habit[] } | { ok: false; errors: GuidedErrors };

/**
 * Create what the guided start gathered: the outcome (if named) and a habit per behaviour, linked to it, the keystone
 * leading, on the dashboard while it has room. Everything is validated first (as the forms do) and written in one
 * transaction that also deletes the draft: all or nothing. The calendar then catches up through the outbox.
 */
export async function finishGuidedStart(
  deps: Pick<Deps, 'repo' | 'clock' | 'provider' | 'newId'> & { coach: CoachingStore },
  draft: GuidedDraft,
): Promise<GuidedResult> {
  const { repo, clock, provider, newId } = deps;
  const [habits, outcomes, { dayBoundary }] = await Promise.all([repo.habits(), repo.outcomes(), repo.settings()]);
  const now = clock.now();
  const errors: GuidedErrors = { habits: {} };

  let outcome: Outcome | undefined;
  if (draft.outcome) {
    const checked = validateOutcome(draft.outcome, { id: newId(), createdAt: now, archived: false });
    if (checked.ok) outcome = checked.value;
    else errors.outcome = checked.errors;
  }

  const room = MAX_DASHBOARD_HABITS - habits.filter((h) => !h.archived && h.onDashboard).length;
  const outcomeIds = [...outcomes.filter((o) => !o.archived).map((o) => o.id), ...(outcome ? [outcome.id] : [])];
  const startsOn = localDateOf(now, clock.timeZone(), dayBoundary);
  const made: Habit[] = [];
  for (const { entryId, input } of habitsToCreate(draft, outcome?.id, Math.max(0, room))) {
    const base = { id: newId(), createdAt: now, archived: false, startsOn, scheduleSince: now };
    // The habits made just before count too: two behaviours of the same name are refused like any duplicate.
    const checked = validateHabit(input, base, { habits: [...habits, ...made], outcomeIds });
    if (checked.ok) made.push(checked.value);
    else errors.habits[entryId] = checked.errors;
  }
  if (errors.outcome || Object.keys(errors.habits).length > 0) return { ok: false, errors };

  const keystone = made.find((h) => h.keystone);
  await deps.coach.finishGuided(outcome, [...made, ...(keystone ? keystonesToClear(habits, keystone.id) : [])]);
  for (const habit of made) await provider.syncHabit(habit);
  return { ok: true, ...(outcome ? { outcome } : {}), habits: made };
}
