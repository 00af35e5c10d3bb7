// `npm start`: build Cueboard and open a Chromium with it loaded, on a profile kept in .cache/profile so your
// habits survive restarts. Where there is no display (or no Chromium), it builds and says how to load the folder.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

const dir = resolve('.output/chrome-mv3');
const build = spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const candidates = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
].filter(Boolean);
const browser = candidates.find((path) => existsSync(path));
const headless = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;

const howToLoad = `
Cueboard is built in ${dir}
Load it by hand:
  Chrome or Edge: open chrome://extensions (edge://extensions), turn on Developer mode,
                  choose "Load unpacked" and pick the folder above.
  Firefox:        run "npm run build:firefox", open about:debugging#/runtime/this-firefox,
                  "Load Temporary Add-on…" and pick .output/firefox-mv3/manifest.json.
`;

if (!browser || headless) {
  console.log(headless ? '\nNo display here, so no browser was opened.' : '\nNo Chromium found (set CHROMIUM_PATH to use another).');
  console.log(howToLoad);
  process.exit(0);
}

const profile = resolve('.cache/profile');
mkdirSync(profile, { recursive: true });
console.log(`\nOpening ${browser} with Cueboard loaded (profile: ${profile}).`);
console.log('Google Chrome 137+ ignores --load-extension; with it, load the folder by hand:' + howToLoad);
spawn(browser, [`--user-data-dir=${profile}`, `--disable-extensions-except=${dir}`, `--load-extension=${dir}`, '--no-first-run'], {
  stdio: 'ignore',
  detached: true,
}).unref();
