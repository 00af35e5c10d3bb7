import { localDateOf } from '@/src/core/day-boundary';
import type { Settings } from '@/src/core/settings';
import type { Deps } from './deps';

/** The person's current local date under their day boundary, with the boundary used. */
export async function todayOf({ repo, clock }: Pick<Deps, 'repo' | 'clock'>): Promise<{ today: string; dayBoundary: string; now: number; settings: Settings }> {
  const settings = await repo.settings();
  const now = clock.now();
  return { today: localDateOf(now, clock.timeZone(), settings.dayBoundary), dayBoundary: settings.dayBoundary, now, settings };
}
