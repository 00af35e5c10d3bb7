import { browser } from 'wxt/browser';
import { dropGlance } from '@/src/adapters/browser/glance-store';
import { GLANCE_KEPT } from '@/src/adapters/browser/offscreen-glance';

// Opened by Chrome's service worker (which has no localStorage) as an offscreen document, after it committed a change:
// the drop runs while the page loads, so it is done by the time `offscreen.createDocument` resolves. Then the fresh
// view is read and kept for both glance pages (a notification's Done, a moved cue: the next open paints them already),
// and the worker hears when it may close this document.
dropGlance(localStorage);
import('@/src/wiring/glance-refresh')
  .then((m) => m.refreshGlance())
  .catch((error: unknown) => console.error('[cueboard] the glance snapshot was dropped, not rewritten', error))
  .finally(() => void browser.runtime.sendMessage(GLANCE_KEPT).catch(() => undefined));
