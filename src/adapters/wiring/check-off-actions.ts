import type { Deps } from '@/src/app/deps';
import { checkOff, undoCheckIn } from '@/src/app/check-off';
import type { CheckInSource } from '@/src/core/check-in';
import { refreshBadge } from '@/src/messaging/protocol';

/** A page's one-click check-off and undo; after each, the toolbar count follows. */
export function checkOffActions(deps: Promise<Deps>, source: CheckInSource) {
  return {
    checkOff: async (habitId: string, person?: string) => {
      await checkOff(await deps, { habitId, source, person });
      refreshBadge();
    },
    answerMissed: async (habitId: string, cueAt: number, status: 'done' | 'skipped') => {
      await checkOff(await deps, { habitId, cueAt, status, source });
      refreshBadge();
    },
    undo: async (checkInId: string) => {
      await undoCheckIn(await deps, checkInId);
      refreshBadge();
    },
  };
}
