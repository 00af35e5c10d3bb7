import { browserAlarms } from '@/src/adapters/browser/browser-alarms';
import { browserNotifier } from '@/src/adapters/browser/browser-notifier';
import { LocalCalendar } from '@/src/adapters/calendar/local/local-calendar';
import { IdbRepository } from '@/src/adapters/storage/idb-repository';
import { openCueboardDb } from '@/src/adapters/storage/open-db';
import type { Deps } from '@/src/app/deps';
import { FixedClock } from './fixed-clock';

/** The real adapters on fake-indexeddb and WXT's fake browser, with a fixed clock and counting ids. */
export async function testDeps(clock = FixedClock.at('2026-03-02T15:00:00Z')): Promise<Deps & { clock: FixedClock; repo: IdbRepository }> {
  const repo = new IdbRepository(await openCueboardDb());
  let next = 0;
  return {
    repo,
    clock,
    provider: new LocalCalendar(() => repo.habits()),
    alarms: browserAlarms,
    notifier: browserNotifier,
    newId: () => `id-${++next}`,
  };
}
