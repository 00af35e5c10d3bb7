import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { cuePageUrl } from '@/src/adapters/browser/cue-page-url';
import { dropGlanceHere, glanceDropsSettled } from '@/src/wiring/glance-dropper';
import { workerDeps } from '@/src/wiring/worker-deps';
import { backgroundEvents } from '@/src/app/background-events';
import { answerMessages, CALENDAR_CHANGED, FOCUS_CHANGED } from '@/src/messaging/protocol';

// Every listener is registered synchronously in main(), so a worker woken by an alarm or a click handles it.
export default defineBackground(() => {
  const events = backgroundEvents(workerDeps(), {
    openTab: async (url) => {
      await browser.tabs.create({ url });
    },
    cuePage: cuePageUrl,
    missedPage: browser.runtime.getURL('/popup.html?missed=1'),
    // No page open is the usual case, and fine.
    announce: () => void browser.runtime.sendMessage({ type: CALENDAR_CHANGED }).catch(() => undefined),
    announceFocus: () => void browser.runtime.sendMessage({ type: FOCUS_CHANGED }).catch(() => undefined),
    // Chrome's worker drops the popup's and new tab's snapshot through an offscreen document; a job ends once it landed.
    glanceChanged: dropGlanceHere,
    glanceSettled: glanceDropsSettled,
  });
  const report = (error: unknown) => console.error('[cueboard]', error);

  browser.runtime.onInstalled.addListener((details) => {
    void events.startUp().catch(report);
    // A first install opens the guided start: outcome, role, behaviours, keystone, habit loop.
    if (details.reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') }).catch(report);
  });
  browser.runtime.onStartup.addListener(() => void events.startUp().catch(report));
  browser.alarms.onAlarm.addListener((alarm) => void events.alarm(alarm.name).catch(report));
  browser.notifications.onButtonClicked?.addListener((id, index) => void events.notificationButton(id, index).catch(report));
  browser.notifications.onClicked.addListener((id) => void events.notificationClick(id).catch(report));
  browser.runtime.onMessage.addListener(answerMessages((message) => events.message(message)));
  // Taking a site's access back drops its rule at once.
  browser.permissions.onRemoved.addListener(() => void events.permissionsChanged().catch(report));
  browser.permissions.onAdded.addListener(() => void events.permissionsChanged().catch(report));
  // Every wake (whatever woke the worker): a focus block that ended while it slept leaves no site held back.
  void events.wake().catch(report);
});
