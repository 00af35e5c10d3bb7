import { browserAlarms } from '@/src/adapters/browser/browser-alarms';
import { browserNotifier } from '@/src/adapters/browser/browser-notifier';
import { offlineCalendar } from '@/src/adapters/calendar/snapshot-calendar';
import { LocalCalendar } from '@/src/adapters/calendar/local/local-calendar';
import { IdbCoachingStore } from '@/src/adapters/storage/idb-coaching-store';
import { IdbRepository } from '@/src/adapters/storage/idb-repository';
import { dbHandle } from '@/src/adapters/storage/db-handle';
import type { WorkerDeps } from '@/src/app/worker-deps';
import { IdbCalendarStore } from '@/src/adapters/storage/idb-calendar-store';
import { FixedClock } from './fixed-clock';

/** The real adapters on fake-indexeddb and WXT's fake browser, with a fixed clock and counting ids. */
export async function testDeps(
  clock = FixedClock.at('2026-03-02T15:00:00Z'),
): Promise<WorkerDeps & { clock: FixedClock; repo: IdbRepository; coach: IdbCoachingStore }> {
  // A handle, as the extension's wiring uses: the stores share one connection, opened again if it closes.
  const db = dbHandle();
  const repo = new IdbRepository(db);
  let next = 0;
  const local = new LocalCalendar(() => repo.habits());
  const store = new IdbCalendarStore(db);
  return {
    repo,
    store,
    coach: new IdbCoachingStore(db),
    remotes: {},
    clock,
    provider: local,
    offlineProvider: offlineCalendar(async () => (await repo.settings()).calendar, store, clock, local),
    alarms: browserAlarms,
    notifier: browserNotifier,
    newId: () => `id-${++next}`,
  };
}
