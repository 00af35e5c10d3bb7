import { validateOutcome, type Outcome, type OutcomeField, type OutcomeInput } from '@/src/core/outcome';
import type { Validated } from '@/src/core/result';
import type { Deps } from './deps';

/** Validate and store an outcome (new when `id` is absent). Invalid input stores nothing. */
export async function saveOutcome(
  { repo, clock, newId }: Pick<Deps, 'repo' | 'clock' | 'newId'>,
  input: OutcomeInput,
  id?: string,
): Promise<Validated<Outcome, OutcomeField>> {
  const outcomes = await repo.outcomes();
  const existing = id === undefined ? undefined : outcomes.find((o) => o.id === id);
  if (id !== undefined && !existing) return { ok: false, errors: { name: 'This outcome was removed elsewhere; reload the page.' } };
  const result = validateOutcome(input, existing ?? { id: newId(), createdAt: clock.now(), archived: false });
  if (result.ok) await repo.putOutcome(result.value);
  return result;
}

/** Archive or restore an outcome; habits linked to it keep their link and history. */
export async function setOutcomeArchived({ repo }: Pick<Deps, 'repo'>, id: string, archived: boolean): Promise<Outcome | undefined> {
  const outcome = (await repo.outcomes()).find((o) => o.id === id);
  if (!outcome) return undefined;
  const next = { ...outcome, archived };
  await repo.putOutcome(next);
  return next;
}
