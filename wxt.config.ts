import { defineConfig } from 'wxt';
import { blankedEndpointSettings } from './src/adapters/calendar/official-hosts';

// Manifest and build settings. Every permission here is justified in README.md ("Permissions").
export default defineConfig({
  srcDir: '.',
  // Tests build variants (a test build aimed at fakes, a production build with hostile settings) into their own folders.
  outDir: process.env.CUEBOARD_OUT_DIR ?? '.output',
  entrypointsDir: 'entrypoints',
  imports: false,
  manifest: ({ browser }) => {
    const chromeClientId = process.env.WXT_GOOGLE_CHROME_CLIENT_ID;
    return {
      name: 'Cueboard',
      description: 'Habit cues in your calendar, a two-minute start when they fire, and a leading-metrics dashboard. Local-first.',
      // declarativeNetRequestWithHostAccess shows no warning: it acts only on sites the person grants, one at a time,
      // when they add a site to hold back during focus (optional_host_permissions); nothing is asked at install.
      // offscreen (Chrome only, no warning; Firefox knows no such permission): Chrome's service worker has no localStorage,
      // so after it commits a change it opens a tiny page for a moment to drop the popup's and new tab's snapshot there.
      permissions: ['alarms', 'notifications', 'identity', 'declarativeNetRequestWithHostAccess', ...(browser === 'firefox' ? [] : ['offscreen'])],
      optional_host_permissions: ['*://*/*'],
      // Asked for only when the person turns weekly backups on: the worker saves them with no page open.
      optional_permissions: ['downloads'],
      // The calm page a held-back site is redirected to must be reachable from that site's navigation.
      web_accessible_resources: [{ resources: ['held.html'], matches: ['<all_urls>'] }],
      // Only with a "Chrome Extension" OAuth client: lets Google Chrome hand out the profile's token.
      ...(chromeClientId && browser === 'chrome'
        ? { oauth2: { client_id: chromeClientId, scopes: ['https://www.googleapis.com/auth/calendar.events.owned'] } }
        : {}),
      // Chrome 120: URL.canParse (the official-host check); the popover API (114), session rules (101) and
      // AbortSignal.timeout (103) come before it. Temporal is not required (a polyfill loads where it is missing).
      ...(browser === 'firefox' ? {} : { minimum_chrome_version: '120' }),
      ...(browser === 'firefox'
        ? {
            browser_specific_settings: {
              gecko: {
                id: 'cueboard@cueboard.app',
                strict_min_version: '140.0',
                data_collection_permissions: { required: ['none'] },
              },
              // data_collection_permissions came to Firefox for Android in 142 (desktop: 140).
              gecko_android: { strict_min_version: '142.0' },
            },
          }
        : {}),
    };
  },
  hooks: {
    // The HTML pages' build only (the background and held.js are bundles of their own): what the pages' first renders
    // share — Preact, the action and loading helpers, the formats, the readable error, the clock, the glance helpers,
    // Vite's preload helper, WXT's (empty) page plugins — in one chunk rather than a file each: a glance page loads 6
    // files before its module runs instead of 12–13, and ~0.8 KB less gzip.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.some((e) => e.name === 'popup')) return;
      const output = (config.build ??= {}).rolldownOptions?.output;
      config.build.rolldownOptions = {
        ...config.build.rolldownOptions,
        output: {
          ...(Array.isArray(output) ? {} : output),
          codeSplitting: {
            groups: [
              {
                name: 'ui-base',
                test: /node_modules[\\/]preact[\\/]|src[\\/]ui[\\/](use-action|later|use-module|format|newtab-preference|glance[\\/](fresh-view|painted-glance|deferred))\.tsx?$|src[\\/]ports[\\/]readable-error|system-clock|preload-helper|wxt-html-plugins/,
              },
            ],
          },
        },
      };
    },
  },
  vite: ({ mode }) => ({
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    // Every browser that installs Cueboard (Chrome with MV3, Firefox 140+) supports <link rel="modulepreload">, so
    // Vite's polyfill for it would be dead code on every page.
    build: {
      target: 'es2022',
      modulePreload: {
        polyfill: false,
        // The glance pages name no module to preload: measured in headless Chromium, <link rel="modulepreload"> holds
        // their first paint (the snapshot, already painted by glance.js) back 20–40 ms; without them the frame comes
        // first and the module's imports load after it. The other pages keep their preloads.
        resolveDependencies: (_file, deps, { hostId, hostType }) => (hostType === 'html' && /[\\/](popup|newtab)[\\/]index\.html$/.test(hostId) ? [] : deps),
      },
    },
    // Only a test build (--mode test) may aim the calendars at other hosts than Google's and Microsoft's own: any other
    // build (production, staging, …) never even contains such a setting, blanked before the code sees it. Only an
    // official URL seen here is kept (WXT has loaded the mode's .env files into process.env by now).
    define: blankedEndpointSettings(mode, process.env),
  }),
});
