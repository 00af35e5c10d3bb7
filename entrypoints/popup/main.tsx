import { render } from 'preact';
import { systemClock } from '@/src/adapters/browser/system-clock';
import type { DashboardView } from '@/src/app/load-dashboard';
import type { GlanceWiring } from '@/src/wiring/glance-page';
import { deferred } from '@/src/ui/glance/deferred';
import { afterFirstFrame, paintedGlance } from '@/src/ui/glance/painted-glance';
import { PopupApp } from '@/src/ui/popup/popup-app';
import '@/src/ui/styles.css';

// The first script (glance.js) may have painted the last view already. This script holds only the view's components:
// reads, actions and IndexedDB come in one chunk fetched now, after that paint, while the view renders over it.
const root = document.getElementById('app')!;
const glance = paintedGlance('popup', root);
const wiring = import('@/src/wiring/glance-page').then((m) => m.glancePage('popup'));
const on = <K extends keyof GlanceWiring>(key: K) => deferred(wiring, key);
const timeZone = systemClock.timeZone();

const popup = (initial?: DashboardView) => (
  <PopupApp
    timeZone={timeZone}
    initial={initial}
    load={on('load')}
    onReady={() => performance.mark('cueboard:dashboard-rendered')}
    onView={keep}
    checkOff={on('checkOff')}
    undo={on('undo')}
    answerMissed={on('answerMissed')}
    openOptions={on('openOptions')}
    traps={on('traps')}
  />
);
// Each view read and shown is kept for the next open (of either page).
const keep = (view: DashboardView) => void wiring.then((w) => w.keep(view));

// Over the painted nodes: the same markup, so nothing on screen moves (the end-to-end tests compare the two). With a
// snapshot painted, the browser's first frame goes first: rendered at once, the module would hold that frame back.
afterFirstFrame(glance, () => {
  render(popup(glance), root);
  if (glance) performance.mark('cueboard:glance-taken-over');
});
// A focus block shows above the dashboard, in a root of its own (#focus); its code comes after the first render.
import('./focus').catch((error: unknown) => console.error('[cueboard]', error));
