import { render } from 'preact';
import { browser } from 'wxt/browser';
import { cuePageUrl } from '@/src/adapters/browser/cue-page-url';
import { systemClock } from '@/src/adapters/browser/system-clock';
import { pageDeps } from '@/src/wiring/page-deps';
import { checkOffActions } from '@/src/wiring/check-off-actions';
import { loadDashboard } from '@/src/app/load-dashboard';
import { focusHinted, newTabDashboardOn } from '@/src/ui/newtab-preference';
import { NewTabApp } from '@/src/ui/newtab/newtab-app';
import '@/src/ui/styles.css';

const root = document.getElementById('app')!;

if (!newTabDashboardOn()) {
  // The person asked for a quiet new tab: a plain page, no reads, no dashboard.
  root.className = 'quiet-tab';
  performance.mark('cueboard:quiet-rendered');
} else {
  const deps = pageDeps();
  // Fetched after the first paint: the trap questions stay out of the new tab's initial script.
  const traps = () => import('@/src/wiring/trap-loader').then((m) => m.loadTrapPanel(deps));
  const dashboard = (
    <NewTabApp
      timeZone={systemClock.timeZone()}
      load={async () => loadDashboard(await deps)}
      onReady={() => performance.mark('cueboard:dashboard-rendered')}
      {...checkOffActions(deps, 'newtab')}
      start={(cue) => browser.tabs.create({ url: cue.link ?? cuePageUrl(cue.habitId, cue.at) })}
      openOptions={() => browser.runtime.openOptionsPage()}
      traps={traps}
    />
  );
  // A focus block (live, or waiting for its answers) takes the dashboard's place. When a page last saw one, the
  // small chunk that reads it decides before anything paints (no dashboard flashing first); otherwise the dashboard
  // paints at once and the chunk, loaded after, takes over only if a block is current after all.
  const hinted = focusHinted();
  if (!hinted) render(dashboard, root);
  import('./focus').then((m) => m.mount(root, dashboard, !hinted)).catch(() => hinted && render(dashboard, root));
}
