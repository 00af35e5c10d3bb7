import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { dropGlance, GLANCE_EPOCH, GLANCE_KEYS, type GlanceStorage } from '@/src/adapters/browser/glance-store';
import { browserOffscreenPort, offscreenGlanceDrop, type OffscreenPort } from '@/src/adapters/browser/offscreen-glance';

const PAGE = 'chrome-extension://test/glance-reset.html';

/** localStorage as a Map, with a snapshot in it. */
function storageWithSnapshot(): GlanceStorage & { items: Map<string, string> } {
  const items = new Map([
    [GLANCE_KEYS.popup, '{"v":1}'],
    [GLANCE_EPOCH, '4'],
  ]);
  return { items, getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v), removeItem: (k) => void items.delete(k) };
}

/**
 * Chrome's offscreen API as it behaves: one document at a time, `createDocument` resolving after the page's script ran
 * (here: the drop on `storage`), errors in Chrome's words.
 */
function chromeLike(options: { leftOpen?: boolean; getContexts?: boolean; failLoad?: boolean } = {}) {
  const storage = storageWithSnapshot();
  const calls: string[] = [];
  let open = options.leftOpen ?? false;
  const port: OffscreenPort = {
    async createDocument(parameters) {
      calls.push(`create ${parameters.url} ${parameters.reasons.join()}`);
      expect(parameters.justification.length).toBeGreaterThan(20);
      if (open) throw new Error('Only a single offscreen document may be created.');
      if (options.failLoad) throw new Error('Page failed to load.');
      open = true;
      dropGlance(storage);
    },
    async closeDocument() {
      calls.push('close');
      if (!open) throw new Error('No current offscreen document.');
      open = false;
    },
    ...(options.getContexts
      ? {
          async documentOpen() {
            calls.push('contexts');
            return open;
          },
        }
      : {}),
  };
  return { port, storage, calls, isOpen: () => open };
}

describe('the offscreen glance drop (Chrome’s worker)', () => {
  it('loads the reset page for localStorage, so the snapshot is gone, then closes it', async () => {
    const chrome = chromeLike({ getContexts: true });
    await offscreenGlanceDrop(chrome.port, PAGE)();
    expect(chrome.calls).toEqual(['contexts', `create ${PAGE} LOCAL_STORAGE`, 'close']);
    expect(chrome.storage.items.has(GLANCE_KEYS.popup)).toBe(false);
    expect(chrome.storage.items.get(GLANCE_EPOCH)).toBe('5');
    expect(chrome.isOpen()).toBe(false);
  });

  it('closes a document an earlier worker left open (seen through getContexts) and loads a fresh one', async () => {
    const chrome = chromeLike({ leftOpen: true, getContexts: true });
    await offscreenGlanceDrop(chrome.port, PAGE)();
    expect(chrome.calls).toEqual(['contexts', 'close', `create ${PAGE} LOCAL_STORAGE`, 'close']);
    expect(chrome.storage.items.get(GLANCE_EPOCH)).toBe('5');
    expect(chrome.isOpen()).toBe(false);
  });

  it('without getContexts, a left-open document shows as Chrome’s “single document” error: closed, then one retry', async () => {
    const chrome = chromeLike({ leftOpen: true });
    await offscreenGlanceDrop(chrome.port, PAGE)();
    expect(chrome.calls).toEqual([`create ${PAGE} LOCAL_STORAGE`, 'close', `create ${PAGE} LOCAL_STORAGE`, 'close']);
    expect(chrome.storage.items.get(GLANCE_EPOCH)).toBe('5');
    expect(chrome.isOpen()).toBe(false);
  });

  it('gives up after that one retry, and passes any other failure on without retrying', async () => {
    const stuck = chromeLike({ leftOpen: true });
    stuck.port.closeDocument = async () => {
      stuck.calls.push('close');
    };
    await expect(offscreenGlanceDrop(stuck.port, PAGE)()).rejects.toThrow(/single offscreen document/);
    expect(stuck.calls).toEqual([`create ${PAGE} LOCAL_STORAGE`, 'close', `create ${PAGE} LOCAL_STORAGE`]);

    const broken = chromeLike({ failLoad: true });
    await expect(offscreenGlanceDrop(broken.port, PAGE)()).rejects.toThrow('Page failed to load.');
    expect(broken.calls).toEqual([`create ${PAGE} LOCAL_STORAGE`]);
    expect(broken.storage.items.get(GLANCE_EPOCH)).toBe('4');
  });

  it('takes a document that closed by itself before the close as closed', async () => {
    const chrome = chromeLike();
    const create = chrome.port.createDocument.bind(chrome.port);
    chrome.port.createDocument = async (parameters) => {
      await create(parameters);
      await chrome.port.closeDocument();
    };
    await expect(offscreenGlanceDrop(chrome.port, PAGE)()).resolves.toBeUndefined();
    expect(chrome.calls).toEqual([`create ${PAGE} LOCAL_STORAGE`, 'close', 'close']);
  });

  describe('over the browser’s API', () => {
    afterEach(() => {
      delete (fakeBrowser as { offscreen?: unknown }).offscreen;
      delete (fakeBrowser.runtime as { getContexts?: unknown }).getContexts;
    });

    it('is there only where the browser has an offscreen API (not Firefox, not the fake browser)', () => {
      expect(browserOffscreenPort()).toBeUndefined();
    });

    it('asks getContexts for offscreen documents only', async () => {
      const filters: unknown[] = [];
      Object.assign(fakeBrowser, { offscreen: { createDocument: async () => undefined, closeDocument: async () => undefined } });
      Object.assign(fakeBrowser.runtime, {
        getContexts: async (filter: unknown) => {
          filters.push(filter);
          return [{ contextType: 'OFFSCREEN_DOCUMENT' }];
        },
      });
      const port = browserOffscreenPort();
      expect(await port?.documentOpen?.()).toBe(true);
      expect(filters).toEqual([{ contextTypes: ['OFFSCREEN_DOCUMENT'] }]);
    });
  });
});
