import { CALENDAR_NAMES } from '@/src/core/calendar-sync';
import { openCueCount } from '@/src/core/open-cues';
import { loadToday } from './load-today';
import type { WorkerDeps } from './worker-deps';

/**
 * The toolbar badge: how many of today's cues are still open; a calm "!" instead while a calendar needs the person
 * to reconnect. Reads today's cues without the network (local schedules or the last poll).
 */
export async function updateBadge(d: WorkerDeps): Promise<void> {
  if (!d.badge) return;
  const { calendar } = await d.repo.settings();
  if (calendar !== 'local' && (await d.store.auth(calendar))?.needsReconnect) {
    await d.badge.show('!', `Cueboard: reconnect ${CALENDAR_NAMES[calendar]} (nothing is lost)`);
    return;
  }
  const open = openCueCount((await loadToday({ ...d, provider: d.offlineProvider })).items);
  await d.badge.show(open > 0 ? String(open) : '', open > 0 ? `Cueboard: ${open} cue${open === 1 ? '' : 's'} still open today` : 'Cueboard');
}
