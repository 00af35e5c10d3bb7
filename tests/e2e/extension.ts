import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { clockAt } from './clock-at';
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
  /** The guided start a first install opened, when launched with `keepWelcome`. */
  welcome?: Page;
  /** The browser's clock (pinned at launch, flowing since), epoch ms. */
  now(): Promise<number>;
  /** The profile folder, to start the same browser again later. */
  profile: string;
  /** Close the browser and remove a profile it made. */
  close(): Promise<void>;
  /** Close the browser and keep the profile (to launch it again with `{ profile }`). */
  stop(): Promise<void>;
}

/**
 * Where the browser's clock stands when it starts. Every launch pins one, so no test depends on the hour, weekday or
 * date it runs: a Wednesday afternoon in New York unless a test asks for another instant.
 */
export const DEFAULT_INSTANT = '2026-06-10T13:00:00-04:00';

export interface LaunchOptions {
  /** The instant the browser's wall clock reads at start (ISO 8601 with an offset); time flows from there. */
  at?: string;
  timezoneId?: string;
  extensionDir?: string;
  /** An existing profile folder, to start the same browser again (the caller removes it). */
  profile?: string;
  /** Keep the guided start that a first install opens (as `welcome`), for tests about it. */
  keepWelcome?: boolean;
  /** More Chromium switches (e.g. `--host-resolver-rules` to give a local test site a real-looking name). */
  args?: string[];
}

/** Start Chromium with a fresh profile and the built extension. Fails with a clear message if the build is missing. */
export async function launch(options: LaunchOptions = {}): Promise<Browser> {
  const { at = DEFAULT_INSTANT, timezoneId = 'America/New_York', extensionDir = EXTENSION_DIR } = options;
  if (!existsSync(join(extensionDir, 'manifest.json'))) throw new Error(`No built extension at ${extensionDir}: run "npm run build" first.`);
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: install Debian's "chromium" package or set CHROMIUM_PATH.`);
  const profile = options.profile ?? mkdtempSync(join(tmpdir(), 'cueboard-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: false,
    timezoneId,
    env: { ...process.env, TZ: timezoneId, ...clockAt(at) },
    args: [
      '--headless=new',
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...(options.args ?? []),
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const id = new URL(worker.url()).host;
  // A first install opens the guided start. Close it before the test opens its own pages (a test that is about the
  // guided start opens it again).
  const welcome = options.profile
    ? undefined
    : await until(async () => context.pages().find((p) => p.url() === `chrome-extension://${id}/welcome.html`), 'the guided start tab');
  if (welcome && !options.keepWelcome) await welcome.close();
  return {
    context,
    worker,
    id,
    async open(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${id}/${path}`);
      return page;
    },
    ...(welcome && options.keepWelcome ? { welcome } : {}),
    inWorker: (fn, arg) => worker.evaluate(fn as never, arg) as never,
    now: () => worker.evaluate(() => Date.now()),
    profile,
    async close() {
      await context.close();
      if (!options.profile) rmSync(profile, { recursive: true, force: true });
    },
    async stop() {
      await context.close();
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

/** Poll a condition until it returns a value (not undefined/false), or fail after `timeoutMs`. No fixed sleeps. */
export async function until<T>(condition: () => Promise<T | undefined | false>, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (let delay = 20; ; delay = Math.min(delay * 2, 250)) {
    const value = await condition();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, delay));
  }
}

/** The first cue alarm the browser holds, once there is one. */
export function firstCueAlarm(browser: Browser): Promise<{ name: string; scheduledTime: number; habitId: string; cueAt: string }> {
  return until(async () => {
    const cue = (await alarms(browser)).filter((a) => a.name.startsWith('cue|')).sort((a, b) => a.scheduledTime - b.scheduledTime)[0];
    if (!cue) return undefined;
    const [, habitId = '', cueAt = ''] = cue.name.split('|');
    return { ...cue, habitId, cueAt };
  }, 'a cue alarm');
}
