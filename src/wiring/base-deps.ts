import { browserAlarms } from '@/src/adapters/browser/browser-alarms';
import { browserNotifier } from '@/src/adapters/browser/browser-notifier';
import { systemClock } from '@/src/adapters/browser/system-clock';
import { LocalCalendar } from '@/src/adapters/calendar/local/local-calendar';
import { IdbRepository } from '@/src/adapters/storage/idb-repository';
import { ensureTemporal } from '@/src/adapters/temporal';
import type { Deps } from '@/src/app/deps';
import type { CalendarStore } from '@/src/ports/calendar-store';
import { appDb } from './app-db';
import { lazyCalendarStore } from './calendar-store';

/** What pages and the worker share: storage, the browser adapters, and the local calendar. */
export async function baseDeps(): Promise<Omit<Deps, 'provider'> & { store: CalendarStore; local: LocalCalendar; repo: IdbRepository }> {
  // Opened here, beside the Temporal check, so a page that cannot read its data says so at once.
  await Promise.all([appDb.db(), ensureTemporal()]);
  const repo = new IdbRepository(appDb);
  return {
    repo,
    store: lazyCalendarStore(),
    local: new LocalCalendar(() => repo.habits()),
    clock: systemClock,
    alarms: browserAlarms,
    notifier: browserNotifier,
    newId: () => crypto.randomUUID(),
  };
}
