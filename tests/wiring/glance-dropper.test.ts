import { GLANCE_KEPT } from '@/src/adapters/browser/offscreen-glance';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { dropGlance, GLANCE_EPOCH, GLANCE_KEYS, type GlanceStorage } from '@/src/adapters/browser/glance-store';
import { serialDrops } from '@/src/wiring/glance-dropper';

/** A drop that runs until the test lets it end, counting how many run at once. */
function gatedDrops() {
  const gates: (() => void)[] = [];
  const state = { started: 0, running: 0, most: 0 };
  const run = () => {
    state.started++;
    state.running++;
    state.most = Math.max(state.most, state.running);
    return new Promise<void>((resolve) =>
      gates.push(() => {
        state.running--;
        resolve();
      }),
    );
  };
  /** Let the oldest running drop end, then let the dropper react. */
  const finish = async () => {
    gates.shift()!();
    await flush();
  };
  return { run, state, finish };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Whether `promise` settled by now. */
async function isSettled(promise: Promise<unknown>): Promise<boolean> {
  let settled = false;
  void promise.then(() => (settled = true));
  await flush();
  return settled;
}

function memoryStorage(): GlanceStorage & { items: Map<string, string> } {
  const items = new Map([
    [GLANCE_KEYS.popup, '{"v":1}'],
    [GLANCE_KEYS.newtab, '{"v":1}'],
  ]);
  return { items, getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v), removeItem: (k) => void items.delete(k) };
}

describe('serial glance drops', () => {
  it('runs one drop at a time; requests while one runs make exactly one more, after it', async () => {
    const drops = gatedDrops();
    const dropper = serialDrops(drops.run, () => undefined);
    dropper.drop();
    dropper.drop();
    dropper.drop();
    dropper.drop();
    await flush();
    expect(drops.state).toMatchObject({ started: 1, running: 1 });

    await drops.finish();
    expect(drops.state).toMatchObject({ started: 2, running: 1 });
    await drops.finish();
    expect(drops.state).toMatchObject({ started: 2, running: 0, most: 1 });
  });

  it('a request during the follow-up makes one more (it may follow a commit the follow-up started before)', async () => {
    const drops = gatedDrops();
    const dropper = serialDrops(drops.run, () => undefined);
    dropper.drop();
    dropper.drop();
    await drops.finish();
    dropper.drop();
    await drops.finish();
    await drops.finish();
    expect(drops.state).toMatchObject({ started: 3, running: 0, most: 1 });
  });

  it('is settled only once every drop asked for so far has finished', async () => {
    const drops = gatedDrops();
    const dropper = serialDrops(drops.run, () => undefined);
    expect(await isSettled(dropper.settled())).toBe(true);

    dropper.drop();
    dropper.drop();
    const settled = dropper.settled();
    expect(await isSettled(settled)).toBe(false);
    await drops.finish();
    expect(await isSettled(settled)).toBe(false);
    await drops.finish();
    expect(await isSettled(settled)).toBe(true);

    dropper.drop();
    expect(await isSettled(dropper.settled())).toBe(false);
    await drops.finish();
    expect(await isSettled(dropper.settled())).toBe(true);
  });

  it('reports a failed drop instead of throwing it, and still runs the next one', async () => {
    const reported: unknown[] = [];
    let attempts = 0;
    const dropper = serialDrops(
      async () => {
        attempts++;
        if (attempts === 1) throw new Error('Page failed to load.');
      },
      (error) => reported.push(error),
    );
    expect(() => dropper.drop()).not.toThrow();
    await expect(dropper.settled()).resolves.toBeUndefined();
    expect(reported).toEqual([new Error('Page failed to load.')]);

    dropper.drop();
    await dropper.settled();
    expect(attempts).toBe(2);
    expect(reported).toHaveLength(1);
  });
});

describe('dropping the glance from here', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
    delete (fakeBrowser as { offscreen?: unknown }).offscreen;
    delete (fakeBrowser.runtime as { getContexts?: unknown }).getContexts;
  });

  /** The module afresh: it keeps the worker's dropper once built. */
  beforeEach(() => vi.resetModules());
  const fresh = () => import('@/src/wiring/glance-dropper');

  it('drops at once where localStorage is at hand (a page, Firefox’s background page)', async () => {
    const storage = memoryStorage();
    vi.stubGlobal('localStorage', storage);
    const { dropGlanceHere, glanceDropsSettled } = await fresh();
    dropGlanceHere();
    expect([...storage.items]).toEqual([[GLANCE_EPOCH, '1']]);
    expect(await isSettled(glanceDropsSettled())).toBe(true);
  });

  it('in Chrome’s worker goes through offscreen documents, one at a time, and is settled when they are done', async () => {
    const storage = memoryStorage();
    let open = 0;
    const created: string[] = [];
    const steps: string[] = [];
    Object.assign(fakeBrowser, {
      offscreen: {
        // The reset page's script drops the snapshot while the document loads.
        createDocument: async ({ url }: { url: string }) => {
          if (open > 0) throw new Error('Only a single offscreen document may be created.');
          open++;
          created.push(url);
          await flush();
          dropGlance(storage);
          // Then it keeps a fresh snapshot and says so; the worker closes the document only after that.
          steps.push('kept');
          await fakeBrowser.runtime.sendMessage(GLANCE_KEPT);
        },
        closeDocument: async () => {
          steps.push('closed');
          open--;
        },
      },
    });
    Object.assign(fakeBrowser.runtime, { getContexts: async () => (open > 0 ? [{ contextType: 'OFFSCREEN_DOCUMENT' }] : []) });
    const error = vi.spyOn(console, 'error');
    const { dropGlanceHere, glanceDropsSettled } = await fresh();

    // A transaction's start and its complete, then another write's.
    dropGlanceHere();
    dropGlanceHere();
    dropGlanceHere();
    expect(storage.items.has(GLANCE_KEYS.popup)).toBe(true);
    await glanceDropsSettled();

    expect(created).toEqual([fakeBrowser.runtime.getURL('/glance-reset.html'), fakeBrowser.runtime.getURL('/glance-reset.html')]);
    expect([...storage.items]).toEqual([[GLANCE_EPOCH, '2']]);
    expect(open).toBe(0);
    expect(steps).toEqual(['kept', 'closed', 'kept', 'closed']);
    expect(error).not.toHaveBeenCalled();
  });

  it('in Chrome’s worker a write’s start asks for a document, its commit does not (the rewrite reads after it anyway)', async () => {
    const created: string[] = [];
    Object.assign(fakeBrowser, {
      offscreen: {
        createDocument: async ({ url }: { url: string }) => {
          created.push(url);
          await fakeBrowser.runtime.sendMessage(GLANCE_KEPT);
        },
        closeDocument: async () => undefined,
      },
    });
    const { dropGlanceHere, glanceDropsSettled } = await fresh();
    dropGlanceHere('done');
    await glanceDropsSettled();
    expect(created).toEqual([]);
    dropGlanceHere('start');
    await glanceDropsSettled();
    expect(created).toHaveLength(1);
  });

  it('logs a failed drop and settles all the same, so the write that asked for it does not fail', async () => {
    Object.assign(fakeBrowser, {
      offscreen: {
        createDocument: async () => {
          throw new Error('Page failed to load.');
        },
        closeDocument: async () => undefined,
      },
    });
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { dropGlanceHere, glanceDropsSettled } = await fresh();
    dropGlanceHere();
    await expect(glanceDropsSettled()).resolves.toBeUndefined();
    expect(error).toHaveBeenCalledWith('[cueboard]', expect.any(String), new Error('Page failed to load.'));
  });

  it('does nothing where there is neither localStorage nor an offscreen API (unit tests on Node)', async () => {
    const { dropGlanceHere, glanceDropsSettled } = await fresh();
    expect(() => dropGlanceHere()).not.toThrow();
    expect(await isSettled(glanceDropsSettled())).toBe(true);
  });
});
