import { render } from 'preact';
import { browser } from 'wxt/browser';
import { systemClock } from '@/src/adapters/browser/system-clock';
import { pageDeps } from '@/src/adapters/wiring/page-deps';
import { checkOff, undoCheckIn } from '@/src/app/check-off';
import { loadDashboard } from '@/src/app/load-dashboard';
import { refreshBadge } from '@/src/messaging/protocol';
import { PopupApp } from '@/src/ui/popup/popup-app';
import '@/src/ui/styles.css';

const deps = pageDeps();

render(
  <PopupApp
    timeZone={systemClock.timeZone()}
    load={async () => loadDashboard(await deps)}
    onReady={() => performance.mark('cueboard:dashboard-rendered')}
    checkOff={async (habitId) => {
      await checkOff(await deps, { habitId, source: 'popup' });
      refreshBadge();
    }}
    undo={async (id) => {
      await undoCheckIn(await deps, id);
      refreshBadge();
    }}
    openOptions={() => void browser.runtime.openOptionsPage()}
  />,
  document.getElementById('app')!,
);
