import type { Alarms } from '@/src/ports/alarms';
import type { Clock } from '@/src/ports/clock';
import type { CueProvider } from '@/src/ports/cue-provider';
import type { Notifier } from '@/src/ports/notifier';
import type { Repository } from '@/src/ports/repository';

/** Everything a use-case may need; each takes only the part it uses. */
export interface Deps {
  repo: Repository;
  clock: Clock;
  provider: CueProvider;
  alarms: Alarms;
  notifier: Notifier;
  /** A fresh unique id for a new record. */
  newId: () => string;
}
