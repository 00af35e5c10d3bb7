import { render } from 'preact';
import { browser } from 'wxt/browser';
import { systemClock } from '@/src/adapters/browser/system-clock';
import { pageDeps } from '@/src/wiring/page-deps';
import { checkOffActions } from '@/src/wiring/check-off-actions';
import { loadDashboard } from '@/src/app/load-dashboard';
import { PopupApp } from '@/src/ui/popup/popup-app';
import '@/src/ui/styles.css';

const deps = pageDeps();
// Fetched after the first paint: the trap questions stay out of the popup's initial script.
const traps = () => import('@/src/wiring/trap-loader').then((m) => m.loadTrapPanel(deps));

render(
  <PopupApp
    timeZone={systemClock.timeZone()}
    load={async () => loadDashboard(await deps)}
    onReady={() => performance.mark('cueboard:dashboard-rendered')}
    {...checkOffActions(deps, 'popup')}
    openOptions={() => browser.runtime.openOptionsPage()}
    traps={traps}
  />,
  document.getElementById('app')!,
);
// A focus block shows above the dashboard, in a root of its own (#focus); its code comes after the first render.
import('./focus').catch((error: unknown) => console.error('[cueboard]', error));
