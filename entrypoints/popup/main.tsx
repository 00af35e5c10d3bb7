import { render } from 'preact';
import { browser } from 'wxt/browser';
import { systemClock } from '@/src/adapters/browser/system-clock';
import { pageDeps } from '@/src/adapters/wiring/page-deps';
import { checkOffActions } from '@/src/adapters/wiring/check-off-actions';
import { loadDashboard } from '@/src/app/load-dashboard';
import { PopupApp } from '@/src/ui/popup/popup-app';
import '@/src/ui/styles.css';

const deps = pageDeps();

render(
  <PopupApp
    timeZone={systemClock.timeZone()}
    load={async () => loadDashboard(await deps)}
    onReady={() => performance.mark('cueboard:dashboard-rendered')}
    {...checkOffActions(deps, 'popup')}
    openOptions={() => void browser.runtime.openOptionsPage()}
  />,
  document.getElementById('app')!,
);
