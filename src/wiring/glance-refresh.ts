import { GLANCE_VERSION, glanceEpoch, saveGlance } from '@/src/adapters/browser/glance-store';
import { systemClock } from '@/src/adapters/browser/system-clock';
import { loadDashboard, type DashboardView } from '@/src/app/load-dashboard';
import { pageDeps } from './page-deps';

/**
 * Keep `view`, read under `epoch`, as both glance pages' snapshot. The markup comes from the pages' own components,
 * fetched here (after the page's first paint, or in the worker's offscreen document), never on a first script.
 */
export async function keepGlance(view: DashboardView, epoch: number): Promise<void> {
  const { glanceMarkup } = await import('@/src/ui/glance/glance-markup');
  const timeZone = systemClock.timeZone();
  const html = glanceMarkup(view, timeZone);
  for (const page of ['popup', 'newtab'] as const) saveGlance(page, { v: GLANCE_VERSION, tz: timeZone, until: view.validUntil, html: html[page], view }, epoch);
}

/**
 * After a change made away from the glance pages (the worker: a notification's Done, a poll that moved a cue), once
 * the old snapshots were dropped (the offscreen page does so as it loads): fresh ones are read and kept, so the next
 * open paints the change already.
 */
export async function refreshGlance(): Promise<void> {
  const epoch = glanceEpoch();
  await keepGlance(await loadDashboard(await pageDeps()), epoch);
}
