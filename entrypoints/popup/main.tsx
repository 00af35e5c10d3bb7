import { render } from 'preact';
import { browser } from 'wxt/browser';
import { systemClock } from '@/src/adapters/browser/system-clock';
import { pageDeps } from '@/src/adapters/wiring/page-deps';
import { checkOff, undoCheckIn } from '@/src/app/check-off';
import { loadToday } from '@/src/app/load-today';
import { PopupApp } from '@/src/ui/popup/popup-app';
import '@/src/ui/styles.css';

const deps = pageDeps();

render(
  <PopupApp
    timeZone={systemClock.timeZone()}
    load={async () => loadToday(await deps)}
    checkOff={async (habitId) => checkOff(await deps, { habitId, source: 'popup' })}
    undo={async (id) => undoCheckIn(await deps, id)}
    openOptions={() => void browser.runtime.openOptionsPage()}
  />,
  document.getElementById('app')!,
);
