// Export and import of 10 habits × 10 years through the options page in real headless Chromium: time, the page's
// JavaScript heap at its highest (sampled every 20 ms), and the longest task that blocked the page (Long Tasks API).
// Import runs in a second browser with a fresh profile, from the file the first one downloaded.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch } from '../tests/e2e/extension';
import { seedBrowser } from './seed';

/** Start watching the page: long tasks and the heap's highest point. */
async function watch(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = globalThis as unknown as { longest: number; peak: number };
    w.longest = 0;
    w.peak = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.longest = Math.max(w.longest, entry.duration);
    }).observe({ type: 'longtask' });
    setInterval(() => {
      w.peak = Math.max(w.peak, (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize);
    }, 20);
  });
}

async function readings(page: Page): Promise<{ longest: number; peakMb: number }> {
  const { longest, peak } = await page.evaluate(() => {
    const w = globalThis as unknown as { longest: number; peak: number };
    return { longest: w.longest, peak: w.peak };
  });
  return { longest: Math.round(longest), peakMb: Math.round(peak / 1024 / 1024) };
}

it('exports and imports 10 habits × 10 years', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'cueboard-bench-export-'));
  const args = ['--enable-precise-memory-info'];
  const first = await launch({ args });
  const second = await launch({ args });
  try {
    const records = await seedBrowser(first, 10, 10);
    const page = await first.open('options.html#data');
    const data = page.getByRole('region', { name: 'Your data' });
    await data.getByRole('button', { name: 'Everything (.json)' }).waitFor();
    await watch(page);
    const started = Date.now();
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 120_000 }),
      data.getByRole('button', { name: 'Everything (.json)' }).click(),
    ]);
    const file = join(folder, download.suggestedFilename());
    await download.saveAs(file);
    const exportMs = Date.now() - started;
    const exported = await readings(page);

    const target = await second.open('options.html#data');
    const region = target.getByRole('region', { name: 'Your data' });
    await region.getByLabel('File to import').waitFor();
    await watch(target);
    const reading = Date.now();
    await region.getByLabel('File to import').setInputFiles(file);
    await region.getByText(/^Adds /).waitFor({ timeout: 120_000 });
    const previewMs = Date.now() - reading;
    const previewed = await readings(target);
    await target.evaluate(() => void ((globalThis as unknown as { longest: number }).longest = 0));
    const applying = Date.now();
    await region.getByRole('button', { name: 'Import', exact: true }).click();
    await target
      .getByRole('status')
      .getByText(/^Imported\./)
      .waitFor({ timeout: 120_000 });
    const applyMs = Date.now() - applying;
    const imported = await readings(target);

    // The same file again, merged: every record is already here and compared with the one in the file.
    await target.evaluate(() => void ((globalThis as unknown as { longest: number }).longest = 0));
    const again = Date.now();
    await region.getByLabel('File to import').setInputFiles(file);
    await region
      .getByText(/^Adds nothing new\./)
      .waitFor({ timeout: 30_000 })
      .catch(async (e) => {
        console.log('REGION', await region.innerText());
        throw e;
      });
    const againMs = Date.now() - again;
    const compared = await readings(target);

    const mb = (statSync(file).size / 1024 / 1024).toFixed(1);
    console.log(
      [
        '',
        `Export and import of 10 habits × 10 years (${records.toLocaleString('en')} records, a ${mb} MB file), options page, headless Chromium`,
        `  ${'step'.padEnd(30)}${'time (ms)'.padStart(12)}${'longest task (ms)'.padStart(20)}${'peak JS heap (MB)'.padStart(20)}`,
        `  ${'export (click → file saved)'.padEnd(30)}${String(exportMs).padStart(12)}${String(exported.longest).padStart(20)}${String(exported.peakMb).padStart(20)}`,
        `  ${'import: read, check, preview'.padEnd(30)}${String(previewMs).padStart(12)}${String(previewed.longest).padStart(20)}${String(previewed.peakMb).padStart(20)}`,
        `  ${'import: write (one transaction)'.padEnd(30)}${String(applyMs).padStart(12)}${String(imported.longest).padStart(20)}${String(imported.peakMb).padStart(20)}`,
        `  ${'same file again: preview'.padEnd(30)}${String(againMs).padStart(12)}${String(compared.longest).padStart(20)}${String(compared.peakMb).padStart(20)}`,
        '',
      ].join('\n'),
    );
  } finally {
    await first.close();
    await second.close();
    rmSync(folder, { recursive: true, force: true });
  }
});
