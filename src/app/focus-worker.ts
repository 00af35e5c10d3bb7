import { holdRules } from '@/src/core/focus-rules';
import { isLive, minutesLeft, nextWake, settle } from '@/src/core/focus-session';
import type { Badge } from '@/src/ports/badge';
import type { FocusRecord } from '@/src/ports/focus-store';
import type { SiteBlocker } from '@/src/ports/site-blocker';
import type { Deps } from './deps';
import { settleFocus, type FocusDeps } from './focus-actions';

/** The one alarm that drives a focus block: its start, its end, a pass running out, the badge's next minute. */
export const FOCUS_ALARM = 'cueboard:focus';

export type FocusWorkerDeps = FocusDeps & Pick<Deps, 'alarms'> & { blocker?: SiteBlocker };

/**
 * Bring everything outside IndexedDB in line with the block: settle it to now (a block whose end passed while the
 * worker slept or the browser was closed ends at its end time), make the live rules exactly what it holds back
 * (none once it is over), and set its alarm. Run at start-up, on every wake and after every change.
 */
export async function reconcileFocus(d: FocusWorkerDeps): Promise<FocusRecord | undefined> {
  const block = await settleFocus(d);
  const now = d.clock.now();
  if (d.blocker) {
    const live = isLive(block);
    const sites = live ? (await d.focus.prefs()).sites : [];
    await d.blocker.apply(holdRules(block, sites, live ? await d.blocker.granted(sites) : new Set(), now));
  }
  const wake = block && nextWake(block, now);
  if (wake === undefined) await d.alarms.clear(FOCUS_ALARM);
  else await d.alarms.create(FOCUS_ALARM, wake);
  return block;
}

/** While a block is live the badge shows its minutes left ("47m"), paused or not; false when there is none. */
export async function showFocusBadge(block: FocusRecord | undefined, badge: Badge | undefined, now: number): Promise<boolean> {
  if (!isLive(block) || !badge) return false;
  const settled = settle(block, now);
  const left = minutesLeft(settled, now);
  const words = `${left} minute${left === 1 ? '' : 's'}`;
  const title =
    settled.state === 'paused'
      ? `Cueboard: focus paused, ${words} left`
      : settled.state === 'pending'
        ? 'Cueboard: focus starts in under two minutes'
        : `Cueboard: deep work, ${words} left`;
  await badge.show(`${left}m`, title);
  return true;
}
