import type { Deps } from '@/src/app/deps';
import type { CheckInSource } from '@/src/core/check-in';
import { refreshBadge } from '@/src/messaging/protocol';

/**
 * A page's one-click check-off and undo; after each, the toolbar count follows. The check-off code is fetched on the
 * first click (a local chunk, a few ms), so a glance that clicks nothing never loads it.
 */
export function checkOffActions(deps: Promise<Deps>, source: CheckInSource) {
  const code = () => import('@/src/app/check-off');
  return {
    checkOff: async (habitId: string, person?: string) => {
      const { checkOff } = await code();
      await checkOff(await deps, { habitId, source, person });
      refreshBadge();
    },
    answerMissed: async (habitId: string, cueAt: number, status: 'done' | 'skipped') => {
      const { checkOff } = await code();
      await checkOff(await deps, { habitId, cueAt, status, source });
      refreshBadge();
    },
    undo: async (checkInId: string) => {
      const { undoCheckIn } = await code();
      await undoCheckIn(await deps, checkInId);
      refreshBadge();
    },
  };
}
