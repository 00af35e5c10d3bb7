import { browser } from 'wxt/browser';

/** The page whose script drops the glance snapshot as it loads, then keeps a fresh one (entrypoints/glance-reset). */
export const GLANCE_RESET_PAGE = '/glance-reset.html';
/** What that page sends once the fresh snapshot is kept (or could not be): the document may close then. */
export const GLANCE_KEPT = 'cueboard:glance-kept';
/** How long the worker waits for it: a fresh snapshot is a head start, never worth holding the document open for. */
const KEPT_WAIT_MS = 5_000;

/** The part of Chrome's `offscreen` and `runtime` APIs the drop uses: a stand-in in tests. */
export interface OffscreenPort {
  createDocument(parameters: { url: string; reasons: 'LOCAL_STORAGE'[]; justification: string }): Promise<void>;
  closeDocument(): Promise<void>;
  /** Whether an offscreen document of this extension is open now (`runtime.getContexts`, Chrome 116+). */
  documentOpen?(): Promise<boolean>;
}

/** Chrome says this when a document is already open: an extension may have only one at a time. */
const ALREADY_OPEN = /single offscreen document/i;
/** Chrome says this when there is nothing to close. */
const NONE_OPEN = /no current offscreen document/i;

const JUSTIFICATION =
  'Clears and rewrites the popup and new tab snapshot kept in the extension’s own localStorage after the background ' +
  'commits a change, so neither page paints stale data. The service worker has no localStorage.';

/**
 * Drop the glance snapshot from Chrome's service worker, which has no localStorage: open the tiny reset page as an
 * offscreen document and close it again. Its script drops the snapshot synchronously while the page loads, and
 * `createDocument` resolves only once the document finished its first load, so when this resolves the drop is done.
 *
 * Callers run one drop at a time (an extension may hold only one offscreen document). A document may still be open
 * from an earlier worker instance that was stopped between creating and closing it: its drop ran before today's change,
 * so it is closed and a fresh one loaded.
 */
export function offscreenGlanceDrop(port: OffscreenPort, url: string): () => Promise<void> {
  const create = () => port.createDocument({ url, reasons: ['LOCAL_STORAGE'], justification: JUSTIFICATION });
  const close = async () => {
    try {
      await port.closeDocument();
    } catch (error) {
      // Already gone (closed by the browser, or by the worker that left it) is what closing wanted.
      if (!NONE_OPEN.test(messageOf(error))) throw error;
    }
  };

  return async () => {
    if (await port.documentOpen?.()) await close();
    try {
      await create();
    } catch (error) {
      // Left open, and not seen above (no getContexts, or it opened in between): close it and try once more.
      if (!ALREADY_OPEN.test(messageOf(error))) throw error;
      await close();
      await create();
    }
    // The drop ran while the document loaded; the fresh snapshot is kept (or given up on) by the time create resolved.
    await close();
  };
}

/** The port over the browser's own APIs, where this browser has an `offscreen` API (Chrome's worker); else undefined. */
export function browserOffscreenPort(): OffscreenPort | undefined {
  const offscreen = browser.offscreen as typeof browser.offscreen | undefined;
  if (!offscreen) return undefined;
  const runtime = browser.runtime;
  return {
    // Resolves once the document's script says the fresh snapshot is kept, or after KEPT_WAIT_MS (the drop itself ran
    // while it loaded); a refused create hears nothing.
    createDocument: async (parameters) => {
      let heard: (message: unknown) => void = () => undefined;
      const kept = new Promise<void>((resolve) => {
        heard = (message) => void (message === GLANCE_KEPT && resolve());
        runtime.onMessage.addListener(heard);
        setTimeout(resolve, KEPT_WAIT_MS);
      });
      try {
        await offscreen.createDocument(parameters);
        await kept;
      } finally {
        runtime.onMessage.removeListener(heard);
      }
    },
    closeDocument: () => offscreen.closeDocument(),
    ...(typeof runtime.getContexts === 'function'
      ? { documentOpen: async () => (await runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] })).length > 0 }
      : {}),
  };
}

/** The drop over the browser's offscreen API, or undefined where there is none. */
export function browserOffscreenGlanceDrop(): (() => Promise<void>) | undefined {
  const port = browserOffscreenPort();
  return port && offscreenGlanceDrop(port, browser.runtime.getURL(GLANCE_RESET_PAGE));
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
