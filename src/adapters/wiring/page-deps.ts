import { ActiveProvider } from '@/src/adapters/calendar/active-provider';
import { SnapshotCalendar } from '@/src/adapters/calendar/snapshot-calendar';
import type { Deps } from '@/src/app/deps';
import type { CalendarStore } from '@/src/ports/calendar-store';
import { baseDeps } from './base-deps';

let deps: Promise<Deps & { store: CalendarStore }> | undefined;

/** A page's adapters: it queues calendar writes and reads the last poll; it never talks to the network. */
export function pageDeps(): Promise<Deps & { store: CalendarStore }> {
  deps ??= baseDeps().then(({ local, ...base }) => ({
    ...base,
    provider: new ActiveProvider(async () => (await base.repo.settings()).calendar, {
      local,
      google: new SnapshotCalendar('google', base.store, base.clock, local),
      outlook: new SnapshotCalendar('outlook', base.store, base.clock, local),
    }),
  }));
  return deps;
}
