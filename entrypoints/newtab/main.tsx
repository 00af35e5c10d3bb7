import { render } from 'preact';
import { systemClock } from '@/src/adapters/browser/system-clock';
import type { DashboardView } from '@/src/app/load-dashboard';
import type { GlanceWiring } from '@/src/wiring/glance-page';
import { deferred } from '@/src/ui/glance/deferred';
import { afterFirstFrame, paintedGlance } from '@/src/ui/glance/painted-glance';
import { focusHinted, newTabDashboardOn } from '@/src/ui/newtab-preference';
import { NewTabApp } from '@/src/ui/newtab/newtab-app';
import '@/src/ui/styles.css';

const root = document.getElementById('app')!;

if (!newTabDashboardOn()) {
  // The person asked for a quiet new tab: a plain page, no reads, no dashboard.
  root.className = 'quiet-tab';
  performance.mark('cueboard:quiet-rendered');
} else {
  // The first script (glance.js) may have painted the last view already. This script holds only the view's
  // components: reads, actions and IndexedDB come in one chunk fetched now, after that paint.
  const glance = paintedGlance('newtab', root);
  const wiring = import('@/src/wiring/glance-page').then((m) => m.glancePage('newtab'));
  const on = <K extends keyof GlanceWiring>(key: K) => deferred(wiring, key);
  const timeZone = systemClock.timeZone();
  const newTab = (initial?: DashboardView) => (
    <NewTabApp
      timeZone={timeZone}
      initial={initial}
      load={on('load')}
      onReady={() => performance.mark('cueboard:dashboard-rendered')}
      onView={keep}
      checkOff={on('checkOff')}
      undo={on('undo')}
      start={on('start')}
      openOptions={on('openOptions')}
      traps={on('traps')}
    />
  );
  // Each view read and shown is kept for the next open (of either page).
  const keep = (view: DashboardView) => void wiring.then((w) => w.keep(view));
  const dashboard = newTab(glance);
  // A focus block (live, or waiting for its answers) takes the dashboard's place. When a page last saw one, the
  // small chunk that reads it decides before anything paints (no dashboard flashing first; the first script painted
  // nothing); otherwise the dashboard paints at once and the chunk, loaded after, takes over only if a block is
  // current after all.
  const hinted = focusHinted();
  const focus = () => import('./focus').then((m) => m.mount(root, dashboard, !hinted)).catch(() => hinted && render(dashboard, root));
  if (hinted) void focus();
  else
    // Over the painted nodes: the same markup, so nothing on screen moves (the end-to-end tests compare the two). With
    // a snapshot painted, the browser's first frame goes first: rendered at once, the module would hold that frame
    // back. The focus chunk comes after the dashboard's render, so a block it finds is never painted over.
    afterFirstFrame(glance, () => {
      render(dashboard, root);
      if (glance) performance.mark('cueboard:glance-taken-over');
      void focus();
    });
}
