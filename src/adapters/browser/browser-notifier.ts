import { browser } from 'wxt/browser';
import type { Notifier } from '@/src/ports/notifier';

/** Firefox shows no notification buttons (and rejects the option): a click on the notification opens the cue page. */
const BUTTONS_SUPPORTED = !import.meta.env.FIREFOX;

/** Buttons by prompt kind, in order: the background reads a click's index the same way (background-events.ts). */
const BUTTONS = {
  cue: [{ title: 'Start (2 min)' }, { title: 'Done' }],
  focus: [{ title: 'Start now' }, { title: 'Start in 2 minutes' }],
};

/** The Notifier port over `browser.notifications`. */
export const browserNotifier: Notifier = {
  async show(prompt) {
    await browser.notifications.create(prompt.id, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: prompt.title,
      message: prompt.message,
      contextMessage: 'Cueboard',
      ...(BUTTONS_SUPPORTED && prompt.kind !== 'summary' ? { buttons: BUTTONS[prompt.kind ?? 'cue'], requireInteraction: true } : {}),
    });
  },
  async clear(id) {
    await browser.notifications.clear(id);
  },
};
