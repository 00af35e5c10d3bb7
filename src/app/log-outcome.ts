import { validateOutcomeValue } from '@/src/core/metrics/outcome-value';
import type { Deps } from './deps';
import { todayOf } from './today-date';

/** Record a value of an outcome (the lagging indicator), or say why not; nothing is stored on bad input. */
export async function logOutcomeValue(
  { repo, clock, newId }: Pick<Deps, 'repo' | 'clock' | 'newId'>,
  outcomeId: string,
  input: { value: string; localDate: string },
): Promise<{ ok: true } | { ok: false; error: string }> {
  const { today } = await todayOf({ repo, clock });
  const checked = validateOutcomeValue(input, today);
  if (!checked.ok) return checked;
  if (!(await repo.outcomes()).some((o) => o.id === outcomeId)) return { ok: false, error: 'That outcome no longer exists.' };
  await repo.addOutcomeValue({ id: newId(), outcomeId, localDate: checked.localDate, value: checked.value });
  return { ok: true };
}
