import { browser } from 'wxt/browser';
import { systemClock } from '@/src/adapters/browser/system-clock';
import { FOCUS_CHANGED, send } from '@/src/messaging/protocol';
import { ReadableError } from '@/src/ports/readable-error';
import { hintFocus } from '@/src/ui/newtab-preference';
import type { FocusSource } from '@/src/ui/focus/focus-source';
import { focusStore } from './focus-deps';

/**
 * A page's focus block: read from IndexedDB (read only: the worker owns the block, its rules, alarm and badge), changed
 * by asking the worker, and read again when the worker announces a change. Loaded after a page's first paint.
 */
export const focusSource: FocusSource = {
  async load() {
    const block = await (await focusStore()).current();
    // Every read leaves the hint the next new tab decides by.
    hintFocus(block !== undefined);
    return block;
  },
  async act(action) {
    let reply;
    try {
      reply = await send({ type: 'focus', action });
    } catch (error) {
      // The worker did not answer, or failed: the reason goes to the console, calm words to the page.
      console.error('[cueboard]', error);
      throw new ReadableError('Cueboard could not do that just now. Try again in a moment.');
    }
    // A refusal (a block already running, nothing to rate) comes in words meant for the person.
    if (!reply.ok) throw new ReadableError(reply.error);
  },
  subscribe(changed) {
    const listener = (message: unknown) => {
      if ((message as { type?: string } | null)?.type === FOCUS_CHANGED) changed();
    };
    browser.runtime.onMessage.addListener(listener);
    return () => browser.runtime.onMessage.removeListener(listener);
  },
  now: systemClock.now,
  timeZone: systemClock.timeZone(),
};
