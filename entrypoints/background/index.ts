import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { cuePageUrl } from '@/src/adapters/browser/cue-page-url';
import { workerDeps } from '@/src/adapters/wiring/worker-deps';
import { backgroundEvents } from '@/src/app/background-events';
import { isMessage } from '@/src/messaging/protocol';

// Every listener is registered synchronously in main(), so a worker woken by an alarm or a click handles it.
export default defineBackground(() => {
  const events = backgroundEvents(
    workerDeps(),
    async (url) => {
      await browser.tabs.create({ url });
    },
    cuePageUrl,
  );
  const report = (error: unknown) => console.error('[cueboard]', error);

  browser.runtime.onInstalled.addListener((details) => {
    void events.startUp().catch(report);
    // A first install lands on the options page, where the first outcome and habit are made.
    if (details.reason === 'install') void browser.runtime.openOptionsPage().catch(report);
  });
  browser.runtime.onStartup.addListener(() => void events.startUp().catch(report));
  browser.alarms.onAlarm.addListener((alarm) => void events.alarm(alarm.name).catch(report));
  browser.notifications.onButtonClicked?.addListener((id, index) => void events.notificationButton(id, index).catch(report));
  browser.notifications.onClicked.addListener((id) => void events.notificationClick(id).catch(report));
  browser.runtime.onMessage.addListener((message: unknown) => (isMessage(message) ? events.message(message) : undefined));
});
