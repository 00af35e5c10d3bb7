import { browserAlarms } from '@/src/adapters/browser/browser-alarms';
import { browserNotifier } from '@/src/adapters/browser/browser-notifier';
import { systemClock } from '@/src/adapters/browser/system-clock';
import { LocalCalendar } from '@/src/adapters/calendar/local/local-calendar';
import { IdbRepository } from '@/src/adapters/storage/idb-repository';
import { openCueboardDb } from '@/src/adapters/storage/open-db';
import { ensureTemporal } from '@/src/adapters/temporal';
import type { Deps } from '@/src/app/deps';

let deps: Promise<Deps> | undefined;

/** The real adapters, wired once per page or worker. The local calendar is the default cue provider. */
export function realDeps(): Promise<Deps> {
  deps ??= (async () => {
    const [db] = await Promise.all([openCueboardDb(), ensureTemporal()]);
    const repo = new IdbRepository(db);
    return {
      repo,
      clock: systemClock,
      provider: new LocalCalendar(() => repo.habits()),
      alarms: browserAlarms,
      notifier: browserNotifier,
      newId: () => crypto.randomUUID(),
    };
  })();
  return deps;
}
