import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

export const EXTENSION_DIR = resolve('.output/chrome-mv3');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** A real Chromium with the built extension loaded, and handles on its service worker and pages. */
export interface Browser {
  context: BrowserContext;
  worker: Worker;
  id: string;
  open(path: string): Promise<Page>;
  /** Run a function in the extension's service worker (alarms, notifications, IndexedDB). */
  inWorker<T, A>(fn: (arg: A) => Promise<T> | T, arg: A): Promise<T>;
  close(): Promise<void>;
}

/** Start Chromium with a fresh profile and the built extension. Fails with a clear message if the build is missing. */
export async function launch(timezoneId = 'America/New_York'): Promise<Browser> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) throw new Error(`No built extension at ${EXTENSION_DIR}: run "npm run build" first.`);
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: install Debian's "chromium" package or set CHROMIUM_PATH.`);
  const profile = mkdtempSync(join(tmpdir(), 'cueboard-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: false,
    timezoneId,
    env: { ...process.env, TZ: timezoneId },
    args: [
      '--headless=new',
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const id = new URL(worker.url()).host;
  return {
    context,
    worker,
    id,
    async open(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${id}/${path}`);
      return page;
    },
    inWorker: (fn, arg) => worker.evaluate(fn as never, arg) as never,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Every store's records, read inside the extension's origin. */
export function readStore(browser: Browser, store: string): Promise<Record<string, unknown>[]> {
  return browser.inWorker(
    (name: string) =>
      new Promise<Record<string, unknown>[]>((resolveAll, reject) => {
        const open = indexedDB.open('cueboard');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction(name).objectStore(name).getAll();
          req.onsuccess = () => {
            resolveAll(req.result);
            open.result.close();
          };
          req.onerror = () => reject(req.error);
        };
      }),
    store,
  );
}

/** The alarms the browser holds right now. */
export function alarms(browser: Browser): Promise<{ name: string; scheduledTime: number }[]> {
  return browser.inWorker(() => chrome.alarms.getAll(), undefined);
}
