import type { CueEvent } from '@/src/core/cue-event';
import type { Repository } from '@/src/ports/repository';

/** Store a cue event whole, as a test's starting state (the extension only ever changes one in a transaction). */
export function seedCueEvent(repo: Pick<Repository, 'updateCueEvent'>, event: CueEvent): Promise<CueEvent> {
  return repo.updateCueEvent(event.id, () => event);
}
