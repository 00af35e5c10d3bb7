import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser as Puppeteer, type ElementHandle, type JSHandle, type Page } from 'puppeteer-core';
import { DEFAULT_INSTANT, until } from '../e2e/extension';
import { firefoxClockAt } from './clock-at';

export { DEFAULT_INSTANT, until };

export const FIREFOX_EXTENSION_DIR = resolve('.output/firefox-mv3');
const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** The add-on id the Firefox manifest carries (wxt.config.ts, browser_specific_settings.gecko.id). */
export const ADDON_ID = 'cueboard@cueboard.app';
/**
 * Firefox gives every install a random moz-extension:// host. This pref names it in advance, so the harness knows the
 * extension's base URL without reading it from the browser's internals.
 */
export const EXTENSION_UUID = '6d1e5a3b-8c4f-4e2a-9b7d-0c1f2e3a4b5c';

/** The extension's background page (Firefox MV3 runs an event page, not a service worker), seen from an extension page. */
export type ExtensionWindow = Window & typeof globalThis & { chrome: typeof chrome };

/** A real Firefox (Debian's firefox-esr, headless) with the built extension installed as a temporary add-on. */
export interface Firefox {
  browser: Puppeteer;
  /** "firefox/153.8.0". */
  version: string;
  /** moz-extension://<uuid>/ */
  base: string;
  /**
   * The extension page every call into the extension goes through: the guided start that the first install opened.
   * WebDriver BiDi may not navigate a tab to moz-extension:// (Firefox refuses it without --remote-allow-system-access),
   * so the extension opens its own pages from here with tabs.create.
   */
  control: Page;
  /** Open an extension page ("options.html", "cue.html?habit=…") in a new tab; resolves once it has loaded. */
  open(path: string): Promise<Page>;
  /** Open a tab the way a person does (no address): Firefox shows its new tab page, or the add-on's override. */
  openNewTab(): Promise<Page>;
  /** Reload an extension page and wait for the new document (Firefox sends no load events for extension tabs). */
  reload(page: Page): Promise<void>;
  /** Run a function in an extension page (its `chrome` is the extension API; any extension page shares IndexedDB). */
  inExtension<T, A>(fn: (arg: A) => Promise<T> | T, arg: A): Promise<T>;
  /** Run a function with the background page's window (alarms, notifications, IndexedDB, its globals). Wakes it up. */
  inBackground<T, A>(fn: (bg: ExtensionWindow, arg: A) => Promise<T> | T, arg: A): Promise<T>;
  /** The browser's clock (pinned at launch, flowing since), epoch ms. */
  now(): Promise<number>;
  profile: string;
  close(): Promise<void>;
}

export interface FirefoxLaunchOptions {
  /** The instant the browser's wall clock reads at start (ISO 8601 with an offset); time flows from there. */
  at?: string;
  timezoneId?: string;
  extensionDir?: string;
  /** More Firefox preferences. */
  prefs?: Record<string, unknown>;
}

/** Start firefox-esr headless with a fresh profile, install the built extension, and wait for its first page. */
export async function launchFirefox(options: FirefoxLaunchOptions = {}): Promise<Firefox> {
  const { at = DEFAULT_INSTANT, timezoneId = 'America/New_York', extensionDir = FIREFOX_EXTENSION_DIR } = options;
  if (!existsSync(join(extensionDir, 'manifest.json'))) throw new Error(`No built extension at ${extensionDir}: run "npm run build:firefox" first.`);
  if (!existsSync(FIREFOX)) throw new Error(`No Firefox at ${FIREFOX}: install Debian's "firefox-esr" package or set FIREFOX_PATH.`);
  const profile = mkdtempSync(join(tmpdir(), 'cueboard-firefox-'));
  const base = `moz-extension://${EXTENSION_UUID}/`;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    userDataDir: profile,
    env: { ...process.env, TZ: timezoneId, ...firefoxClockAt(at) },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: EXTENSION_UUID }),
      // Firefox's own notification windows: the system backend (libnotify over D-Bus) has no daemon to talk to here,
      // and a notification it cannot show is closed at once, gone from notifications.getAll().
      'alerts.useSystemBackend': false,
      'intl.locale.requested': 'en-US',
      ...options.prefs,
    },
  });
  try {
    const version = await browser.version();
    await browser.installExtension(extensionDir);
    // The first install opens the guided start (runtime.onInstalled): the page the harness drives the extension from.
    const control = await findPage(browser, (url) => url === `${base}welcome.html`, 'the guided start tab');
    const inExtension = <T, A>(fn: (arg: A) => Promise<T> | T, arg: A) => control.evaluate(fn as never, arg) as Promise<T>;
    return {
      browser,
      version,
      base,
      control,
      async open(path) {
        const url = base + path;
        const before = new Set(await browser.pages());
        await inExtension((target) => chrome.tabs.create({ url: target }).then(() => undefined), url);
        return findPage(browser, (href, page) => href === url && !before.has(page), url);
      },
      async openNewTab() {
        const before = new Set(await browser.pages());
        await inExtension(() => chrome.tabs.create({}).then(() => undefined), undefined);
        return findPage(browser, (href, page) => href !== '' && !before.has(page), 'the new tab');
      },
      async reload(page) {
        await page.evaluate(() => {
          (window as Window & { beforeReload?: true }).beforeReload = true;
          location.reload();
        });
        await until(
          () => page.evaluate(() => !(window as Window & { beforeReload?: true }).beforeReload && document.readyState === 'complete').catch(() => false),
          'the page to reload',
        );
      },
      inExtension,
      async inBackground(fn, arg) {
        const bg = (await control.evaluateHandle(() => chrome.runtime.getBackgroundPage())) as JSHandle<ExtensionWindow>;
        try {
          const result: unknown = await control.evaluate(fn as never, bg, arg);
          return result as never;
        } finally {
          await bg.dispose();
        }
      },
      now: () => control.evaluate(() => Date.now()),
      profile,
      async close() {
        await browser.close();
        removeProfile(profile);
      },
    };
  } catch (error) {
    await browser.close();
    removeProfile(profile);
    throw error;
  }
}

/** Firefox's helpers (telemetry's Glean store) may still write into the profile for a moment after the browser exits. */
function removeProfile(profile: string): void {
  rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
}

/** The address of a loaded document in a tab, or '' while it loads (Puppeteer's page.url() misses extension pages). */
function loadedUrl(page: Page): Promise<string> {
  return page.evaluate(() => (document.readyState === 'complete' ? location.href : '')).catch(() => '');
}

async function findPage(browser: Puppeteer, match: (href: string, page: Page) => boolean, what: string): Promise<Page> {
  return until(
    async () => {
      for (const page of await browser.pages()) if (match(await loadedUrl(page), page)) return page;
      return undefined;
    },
    what,
    20_000,
  );
}

/** Build the Firefox extension in `mode` with extra build-time settings into a fresh folder; returns its path. */
export function buildFirefoxVariant(mode: string, env: Record<string, string>): string {
  const out = mkdtempSync(join(tmpdir(), `cueboard-firefox-${mode}-`));
  const result = spawnSync('npx', ['wxt', 'build', '-b', 'firefox', '--mv3', '--mode', mode], {
    env: { ...process.env, ...env, CUEBOARD_OUT_DIR: out },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`wxt build -b firefox --mode ${mode} failed:\n${result.stdout}\n${result.stderr}`);
  return join(out, mode === 'production' ? 'firefox-mv3' : `firefox-mv3-${mode}`);
}

// ------------------------------------------------------------------------------------------------ reading the extension

/** Every record of an IndexedDB store, read in the background page. */
export function readStore(ff: Firefox, store: string): Promise<Record<string, unknown>[]> {
  return ff.inBackground(
    (bg, name: string) =>
      new Promise<Record<string, unknown>[]>((resolveAll, reject) => {
        const open = bg.indexedDB.open('cueboard');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction(name).objectStore(name).getAll();
          req.onsuccess = () => {
            // Copied out of the background's compartment, so it survives the background being suspended.
            resolveAll(JSON.parse(JSON.stringify(req.result)) as Record<string, unknown>[]);
            open.result.close();
          };
          req.onerror = () => reject(req.error);
        };
      }),
    store,
  );
}

/**
 * Whether the event page is running now, asked without waking it: Firefox suspends an idle MV3 background (after 30 s
 * by default, `extensions.background.idle.timeout`) and starts it again for its next event.
 */
export async function backgroundAwake(ff: Firefox): Promise<boolean> {
  const views = await ff.inExtension(
    () => chrome.extension.getViews().map((view) => (view as unknown as Window & typeof globalThis).location.pathname),
    undefined,
  );
  return views.includes('/_generated_background_page.html');
}

/** The alarms the browser holds right now. */
export function alarms(ff: Firefox): Promise<{ name: string; scheduledTime: number }[]> {
  return ff.inBackground((bg) => bg.chrome.alarms.getAll(), undefined);
}

/** The first cue alarm the browser holds, once there is one. */
export function firstCueAlarm(ff: Firefox): Promise<{ name: string; scheduledTime: number; habitId: string; cueAt: string }> {
  return until(async () => {
    const cue = (await alarms(ff)).filter((a) => a.name.startsWith('cue|')).sort((a, b) => a.scheduledTime - b.scheduledTime)[0];
    if (!cue) return undefined;
    const [, habitId = '', cueAt = ''] = cue.name.split('|');
    return { ...cue, habitId, cueAt };
  }, 'a cue alarm');
}

// ------------------------------------------------------------------------------------------------ driving pages

type Scope = Page | ElementHandle;

/** What a search starts from: the element, or a page's document. */
async function rootOf(scope: Scope): Promise<JSHandle<Document | Element>> {
  return 'asElement' in scope ? scope : await scope.evaluateHandle(() => document);
}

/** The form control a visible label names (`<label for>` or a wrapping label), or one with that aria-label. */
export async function byLabel(scope: Scope, label: string): Promise<ElementHandle<HTMLElement>> {
  const root = await rootOf(scope);
  return until(async () => {
    const handle = await root.evaluateHandle((root, text) => {
      const clean = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();
      const byText = [...root.querySelectorAll('label')].find((l) => clean(l.textContent) === text)?.control;
      return byText ?? root.querySelector<HTMLElement>(`[aria-label="${CSS.escape(text)}"]`) ?? undefined;
    }, label);
    const element = handle.asElement() as ElementHandle<HTMLElement> | null;
    if (!element) await handle.dispose();
    return element ?? undefined;
  }, `the field "${label}"`);
}

/**
 * An element by its role and accessible name, from Firefox's own accessibility tree (Puppeteer's ARIA query, which
 * WebDriver BiDi answers with browsingContext.locateNodes), the way Playwright's getByRole asks. Polled here with
 * single queries: Puppeteer's own waitForSelector with an ARIA selector timed out in extension pages, where single
 * queries answer (in about 0.5–1 s each on a busy two-core machine).
 */
export function byRole(scope: Scope, role: string, name: string, timeout = 15_000): Promise<ElementHandle<HTMLElement>> {
  const selector = `::-p-aria([name=${JSON.stringify(name)}][role="${role}"])`;
  return until(async () => ((await scope.$(selector).catch(() => null)) as ElementHandle<HTMLElement> | null) ?? undefined, `the ${role} "${name}"`, timeout);
}

/** Set a field's value the way Playwright's fill does for inputs that take no typing (time, date), then tell the page. */
export async function fill(element: ElementHandle<HTMLElement>, value: string): Promise<void> {
  await element.evaluate((el, v) => {
    el.focus();
    // The prototype's own setter: a framework that wraps the element's value property then sees the change.
    const descriptor = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(el) as object, 'value');
    if (!descriptor?.set) throw new Error(`<${el.localName}> has no value to fill`);
    // eslint-disable-next-line @typescript-eslint/unbound-method -- the prototype's setter, called on the element itself
    const setter = descriptor.set;
    setter.call(el, v);
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
  }, value);
}

/** Wait until the page (or an element in it) shows `text`; returns the text it shows then. */
export async function waitForText(scope: Scope, text: string, timeout = 10_000): Promise<string> {
  const root = await rootOf(scope);
  let seen = '';
  try {
    return await until(
      async () => {
        seen = await root.evaluate((node) => ('body' in node ? node.body : (node as HTMLElement)).innerText).catch(() => '');
        return seen.includes(text) ? seen : undefined;
      },
      `"${text}"`,
      timeout,
    );
  } catch {
    throw new Error(`Timed out waiting for "${text}"; the page shows:\n${seen.slice(0, 2000)}`);
  }
}

/** The text of the element with `role` (e.g. "status") that contains `text`, once there is one. */
export function waitForRoleText(page: Page, role: string, text: string, timeout = 10_000): Promise<string> {
  return until(
    () => page.evaluate((r, t) => [...document.querySelectorAll(`[role="${r}"]`)].map((e) => e.textContent ?? '').find((s) => s.includes(t)), role, text),
    `a ${role} saying "${text}"`,
    timeout,
  );
}
