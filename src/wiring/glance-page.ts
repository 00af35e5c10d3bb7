import { browser } from 'wxt/browser';
import { cuePageUrl } from '@/src/adapters/browser/cue-page-url';
import { glanceEpoch } from '@/src/adapters/browser/glance-store';
import { loadDashboard, type DashboardView, type NextCue } from '@/src/app/load-dashboard';
import { checkOffActions } from './check-off-actions';
import { keepGlance } from './glance-refresh';
import { pageDeps } from './page-deps';

/**
 * Everything behind a glance page (the popup, the new tab) that waits until after its first paint: the reads, the
 * actions, and keeping the snapshot the next open paints first.
 */
export function glancePage(source: 'popup' | 'newtab') {
  const deps = pageDeps();
  // The epoch each view was read under: a change committed during the read (here or anywhere) keeps it from being kept.
  const epochs = new WeakMap<DashboardView, number>();
  return {
    load: async (): Promise<DashboardView> => {
      const epoch = glanceEpoch();
      const view = await loadDashboard(await deps);
      epochs.set(view, epoch);
      return view;
    },
    ...checkOffActions(deps, source),
    start: (cue: NextCue) => browser.tabs.create({ url: cue.link ?? cuePageUrl(cue.habitId, cue.at) }),
    openOptions: () => browser.runtime.openOptionsPage(),
    // Fetched after the data rendered: the trap questions stay out of the glance's first scripts.
    traps: () => import('./trap-loader').then((m) => m.loadTrapPanel(deps)),
    /** Keep a view just read and shown as both pages' snapshot, for their next open. */
    keep: (view: DashboardView) => {
      const epoch = epochs.get(view);
      if (epoch !== undefined) void keepGlance(view, epoch).catch((error: unknown) => console.error('[cueboard]', error));
    },
  };
}

export type GlanceWiring = ReturnType<typeof glancePage>;
