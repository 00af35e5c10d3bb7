import { browser } from 'wxt/browser';
import type { Notifier } from '@/src/ports/notifier';

/** Notification buttons, in order; the background maps a click's index back through this list. */
export const CUE_BUTTONS = ['start', 'done'] as const;

/** Firefox shows no notification buttons (and rejects the option): a click on the notification opens the cue page. */
const BUTTONS_SUPPORTED = !import.meta.env.FIREFOX;

/** The Notifier port over `browser.notifications`. */
export const browserNotifier: Notifier = {
  async show(prompt) {
    await browser.notifications.create(prompt.id, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: prompt.title,
      message: prompt.message,
      contextMessage: 'Cueboard',
      ...(BUTTONS_SUPPORTED && prompt.kind !== 'summary' ? { buttons: [{ title: 'Start (2 min)' }, { title: 'Done' }], requireInteraction: true } : {}),
    });
  },
  async clear(id) {
    await browser.notifications.clear(id);
  },
};
