import { offlineCalendar } from '@/src/adapters/calendar/snapshot-calendar';
import type { Deps } from '@/src/app/deps';
import type { CalendarStore } from '@/src/ports/calendar-store';
import { baseDeps } from './base-deps';

let deps: Promise<Deps & { store: CalendarStore }> | undefined;

/** A page's adapters: it queues calendar writes and reads the last poll; it never talks to the network. */
export function pageDeps(): Promise<Deps & { store: CalendarStore }> {
  deps ??= baseDeps().then(({ local, ...base }) => ({
    ...base,
    provider: offlineCalendar(async () => (await base.repo.settings()).calendar, base.store, base.clock, local),
  }));
  return deps;
}
