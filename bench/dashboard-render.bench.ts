// Time until the dashboard is rendered in the popup and on the new tab, in real headless Chromium with the built
// extension, as a ratio to a blank extension page with no script, measured in the same run. Seeded history:
// (a) 5 habits × 3 years and (b) 10 habits × 10 years of check-ins (plus one cue event a day).
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'vitest';
import { EXTENSION_DIR, launch, type Browser } from '../tests/e2e/extension';
import { seedBrowser } from './seed';

const SAMPLES = 15;

/** The built extension plus one blank page with no script, in a copy (the shipped build has no such page). */
function extensionWithBlankPage(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'cueboard-bench-')), 'ext');
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  writeFileSync(
    join(dir, 'blank.html'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Blank</title></head><body><p>Blank</p></body></html>',
  );
  return dir;
}

/** Milliseconds from navigation start until the page says it rendered (a mark), or until load for the blank page. */
async function sample(browser: Browser, path: string): Promise<number> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.id}/${path}`);
  let ms: number;
  if (path === 'blank.html') {
    await page.waitForFunction(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.loadEventEnd);
    ms = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd);
  } else {
    await page.waitForFunction(() => performance.getEntriesByName('cueboard:dashboard-rendered').length > 0, undefined, { timeout: 60_000 });
    ms = await page.evaluate(() => performance.getEntriesByName('cueboard:dashboard-rendered')[0]!.startTime);
  }
  await page.close();
  return ms;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function scenario(label: string, habits: number, years: number, dir: string): Promise<string> {
  const browser = await launch({ extensionDir: dir });
  try {
    await seedBrowser(browser, habits, years);
    // The first dashboard load reads the whole history once and carries strength and streak forward.
    const first = await sample(browser, 'popup.html');
    const times: Record<string, number[]> = { 'blank.html': [], 'popup.html': [], 'newtab.html': [] };
    for (let i = 0; i < SAMPLES; i++) for (const path of Object.keys(times)) times[path]!.push(await sample(browser, path));
    const blank = median(times['blank.html']!);
    const popup = median(times['popup.html']!);
    const newtab = median(times['newtab.html']!);
    return `  ${label.padEnd(22)} ${blank.toFixed(1).padStart(8)} ${popup.toFixed(1).padStart(9)} ${newtab.toFixed(1).padStart(9)} ${(popup / blank).toFixed(2).padStart(8)} ${(newtab / blank).toFixed(2).padStart(8)} ${first.toFixed(0).padStart(10)}`;
  } finally {
    await browser.close();
  }
}

it('dashboard render time against a blank extension page', async () => {
  const dir = extensionWithBlankPage();
  const rows = [await scenario('(a) 5 habits × 3 y', 5, 3, dir), await scenario('(b) 10 habits × 10 y', 10, 10, dir)];
  console.log(
    `\nTime to rendered dashboard, ms from navigation start (median of ${SAMPLES}; blank = load of a page with no script)\n` +
      `  ${'history'.padEnd(22)} ${'blank'.padStart(8)} ${'popup'.padStart(9)} ${'new tab'.padStart(9)} ${'popup/b'.padStart(8)} ${'tab/b'.padStart(8)} ${'1st load'.padStart(10)}\n${rows.join('\n')}\n  target: at most 1.3 for both at (b)\n`,
  );
}, 600_000);
