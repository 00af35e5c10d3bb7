import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { dropGlance, GLANCE_KEYS, GLANCE_VERSION, glanceEpoch, saveGlance, type GlanceSnapshot } from '@/src/adapters/browser/glance-store';
import { glanceKey, paintedGlance } from '@/src/ui/glance/painted-glance';

/** localStorage as the extension's pages share it. */
function memoryStorage(full = false) {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => {
      if (full && key.startsWith('cueboard:glance:')) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      items.set(key, value);
    },
    removeItem: (key: string) => void items.delete(key),
  };
}

const NOW = Date.parse('2026-06-10T13:00:00-04:00');
const snapshot = (over: Partial<GlanceSnapshot<unknown>> = {}): GlanceSnapshot<unknown> => ({
  v: GLANCE_VERSION,
  tz: 'America/New_York',
  until: NOW + 60_000,
  html: '<main class="popup"><h1>Today</h1></main>',
  view: { items: [] },
  ...over,
});

const FIRST_SCRIPT = readFileSync('public/glance.js', 'utf8');

/** Run the first script as a page would, in a context of its own: what it painted into #app, and the marks it set. */
function firstScript(page: 'popup' | 'newtab', storage: ReturnType<typeof memoryStorage>, zone = 'America/New_York', now = NOW) {
  const app = { innerHTML: '', attributes: new Map<string, string>(), setAttribute: (k: string, v: string) => app.attributes.set(k, v) };
  const marks: string[] = [];
  runInNewContext(FIRST_SCRIPT, {
    document: { currentScript: { getAttribute: () => page }, getElementById: (id: string) => (id === 'app' ? app : null) },
    localStorage: storage,
    performance: { mark: (name: string) => marks.push(name) },
    Intl: { DateTimeFormat: () => ({ resolvedOptions: () => ({ timeZone: zone }) }) },
    Date: { now: () => now },
    JSON,
    console: { warn: () => undefined },
  });
  return { html: app.innerHTML, painted: app.attributes.get('data-glance') === 'painted', marks };
}

describe('the glance snapshot', () => {
  it('the writer, the pages’ reader and the first script use the same keys and version', () => {
    expect(GLANCE_KEYS).toEqual({ popup: glanceKey('popup'), newtab: glanceKey('newtab') });
    for (const page of ['popup', 'newtab'] as const) {
      const storage = memoryStorage();
      storage.setItem(GLANCE_KEYS[page], JSON.stringify(snapshot()));
      expect(firstScript(page, storage).painted, page).toBe(true);
    }
  });

  it('is kept only when no change was committed since the read began, and a drop removes both pages’ snapshots', () => {
    const storage = memoryStorage();
    const epoch = glanceEpoch(storage);
    expect(saveGlance('popup', snapshot(), epoch, storage)).toBe(true);
    expect(saveGlance('newtab', snapshot(), epoch, storage)).toBe(true);

    const readBefore = glanceEpoch(storage);
    dropGlance(storage);
    expect(storage.getItem(GLANCE_KEYS.popup)).toBeNull();
    expect(storage.getItem(GLANCE_KEYS.newtab)).toBeNull();
    // A view read before the change is never kept after it.
    expect(saveGlance('popup', snapshot(), readBefore, storage)).toBe(false);
    expect(storage.getItem(GLANCE_KEYS.popup)).toBeNull();
    expect(saveGlance('popup', snapshot(), glanceEpoch(storage), storage)).toBe(true);
  });

  it('a full storage keeps nothing (and no older snapshot)', () => {
    const storage = memoryStorage(true);
    storage.items.set(GLANCE_KEYS.popup, JSON.stringify(snapshot({ html: 'old' })));
    expect(saveGlance('popup', snapshot(), glanceEpoch(storage), storage)).toBe(false);
    expect(storage.getItem(GLANCE_KEYS.popup)).toBeNull();
  });

  it('the first script paints a snapshot still true, for this zone, and marks the page', () => {
    const storage = memoryStorage();
    storage.setItem(GLANCE_KEYS.popup, JSON.stringify(snapshot()));
    expect(firstScript('popup', storage)).toEqual({ html: snapshot().html, painted: true, marks: ['cueboard:glance-painted'] });
  });

  it.each([
    ['time alone changed it (a cue passed)', (s: ReturnType<typeof memoryStorage>) => s.setItem(GLANCE_KEYS.popup, JSON.stringify(snapshot({ until: NOW })))],
    ['another version wrote it', (s: ReturnType<typeof memoryStorage>) => s.setItem(GLANCE_KEYS.popup, JSON.stringify(snapshot({ v: 2 })))],
    ['it is not JSON', (s: ReturnType<typeof memoryStorage>) => s.setItem(GLANCE_KEYS.popup, '{')],
    ['there is none', () => undefined],
  ])('the first script paints nothing when %s', (_, arrange) => {
    const storage = memoryStorage();
    arrange(storage);
    expect(firstScript('popup', storage)).toEqual({ html: '', painted: false, marks: [] });
  });

  it('paints nothing in another zone (the person travelled), on a quiet new tab, or while a focus block holds the new tab', () => {
    const storage = memoryStorage();
    storage.setItem(GLANCE_KEYS.newtab, JSON.stringify(snapshot()));
    expect(firstScript('newtab', storage, 'Europe/Berlin').painted).toBe(false);
    storage.setItem('cueboard:focus', '1');
    expect(firstScript('newtab', storage).painted).toBe(false);
    storage.setItem('cueboard:focus', '0');
    storage.setItem('cueboard:newtab', 'off');
    expect(firstScript('newtab', storage).painted).toBe(false);
    storage.setItem('cueboard:newtab', 'on');
    expect(firstScript('newtab', storage).painted).toBe(true);
  });

  it('the page reads back the view only where the first script painted it', () => {
    const storage = memoryStorage();
    storage.setItem(GLANCE_KEYS.popup, JSON.stringify(snapshot()));
    Object.assign(globalThis, { localStorage: storage });
    try {
      expect(paintedGlance('popup', { dataset: { glance: 'painted' } } as unknown as HTMLElement)).toEqual({ items: [] });
      expect(paintedGlance('popup', { dataset: {} } as unknown as HTMLElement)).toBeUndefined();
    } finally {
      delete (globalThis as { localStorage?: unknown }).localStorage;
    }
  });
});
