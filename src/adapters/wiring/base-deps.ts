import { browserAlarms } from '@/src/adapters/browser/browser-alarms';
import { browserNotifier } from '@/src/adapters/browser/browser-notifier';
import { systemClock } from '@/src/adapters/browser/system-clock';
import { LocalCalendar } from '@/src/adapters/calendar/local/local-calendar';
import { IdbCalendarStore } from '@/src/adapters/storage/idb-calendar-store';
import { IdbRepository } from '@/src/adapters/storage/idb-repository';
import { openCueboardDb } from '@/src/adapters/storage/open-db';
import { ensureTemporal } from '@/src/adapters/temporal';
import type { Deps } from '@/src/app/deps';
import type { CalendarStore } from '@/src/ports/calendar-store';

/** What pages and the worker share: storage, the browser adapters, and the local calendar. */
export async function baseDeps(): Promise<Omit<Deps, 'provider'> & { store: CalendarStore; local: LocalCalendar; repo: IdbRepository }> {
  const [db] = await Promise.all([openCueboardDb(), ensureTemporal()]);
  const repo = new IdbRepository(db);
  return {
    repo,
    store: new IdbCalendarStore(db),
    local: new LocalCalendar(() => repo.habits()),
    clock: systemClock,
    alarms: browserAlarms,
    notifier: browserNotifier,
    newId: () => crypto.randomUUID(),
  };
}
