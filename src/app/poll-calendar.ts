import { ALARM_HORIZON_MS, CUE_LOOKBACK_MS } from '@/src/core/cue-plan';
import { ReconnectNeeded } from '@/src/ports/reconnect-needed';
import { markReconnect, syncCalendar } from './calendar-actions';
import { placeFlexible } from './place-flexible';
import type { WorkerDeps } from './worker-deps';

/**
 * Send the remote calendar's queued writes, then read its cues once (which stores the snapshot that alarms and pages
 * use). Each step's failure is kept to itself: a failed drain still polls, a failed poll leaves the last snapshot,
 * and a refused sign-in puts the calm "reconnect" on the card and the toolbar. Never throws.
 */
export async function syncRemoteCalendar(d: WorkerDeps): Promise<void> {
  const { calendar } = await d.repo.settings();
  try {
    // Before the early return: it also finishes removals from a calendar disconnected with "remove".
    await syncCalendar(d);
  } catch (error) {
    console.warn('[cueboard] calendar writes wait for their next try', error);
  }
  if (calendar === 'local' || !d.remotes[calendar]) return;
  try {
    const now = d.clock.now();
    await d.provider.listCues(now - CUE_LOOKBACK_MS, now + ALARM_HORIZON_MS + 1);
    // A successful read proves the sign-in works again.
    if ((await d.store.auth(calendar))?.needsReconnect) await markReconnect(d, calendar, false);
    // Flexible habits' blocks move out of the way of what the poll found busy (a no-op without flexible habits).
    await placeFlexible(d, calendar);
  } catch (error) {
    if (error instanceof ReconnectNeeded) await markReconnect(d, calendar, true).catch(() => undefined);
    else console.warn('[cueboard] calendar not read; cues come from the last poll and the schedules', error);
  }
}
