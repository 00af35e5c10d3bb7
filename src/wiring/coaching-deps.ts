import { IdbCoachingStore } from '@/src/adapters/storage/idb-coaching-store';
import type { Deps } from '@/src/app/deps';
import type { CalendarStore } from '@/src/ports/calendar-store';
import type { CoachingStore } from '@/src/ports/coaching-store';
import { appDb } from './app-db';
import { pageDeps } from './page-deps';

let deps: Promise<Deps & { store: CalendarStore; coach: CoachingStore }> | undefined;

/** A page's adapters plus the coaching store, for the pages that coach (options' experiments, the guided start). */
export function coachingDeps(): Promise<Deps & { store: CalendarStore; coach: CoachingStore }> {
  deps ??= pageDeps().then((base) => ({ ...base, coach: new IdbCoachingStore(appDb) }));
  return deps;
}
