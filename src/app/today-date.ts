import { localDateOf } from '@/src/core/day-boundary';
import type { Deps } from './deps';

/** The person's current local date under their day boundary, with the boundary used. */
export async function todayOf({ repo, clock }: Pick<Deps, 'repo' | 'clock'>): Promise<{ today: string; dayBoundary: string; now: number }> {
  const { dayBoundary } = await repo.settings();
  const now = clock.now();
  return { today: localDateOf(now, clock.timeZone(), dayBoundary), dayBoundary, now };
}
