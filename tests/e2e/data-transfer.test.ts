// Export and import through the real options page in Chromium: "Everything (.json)" goes through a real download,
// a second browser with a fresh profile imports that file (preview, then Import), and its database then holds the
// same records; its habits get their cues. A damaged file is refused with the record and field, changing nothing.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson, RECORD_STORES } from '@/src/core/data/export-document';
import { everything } from '../fakes/everything';
import { alarms, launch, readStore, until, type Browser } from './extension';
import { axeViolations } from './axe';
import { seed } from './seed';

let folder: string;
const browsers: Browser[] = [];
beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'cueboard-export-'));
});
afterAll(async () => {
  for (const b of browsers) await b.close();
  rmSync(folder, { recursive: true, force: true });
});

async function started(): Promise<Browser> {
  const b = await launch();
  browsers.push(b);
  return b;
}

/** Each store's records, as the extension's IndexedDB holds them. */
async function records(b: Browser): Promise<Record<string, unknown[]>> {
  return Object.fromEntries(await Promise.all(RECORD_STORES.map(async (store) => [store, await readStore(b, store)] as const)));
}

const seeded = () => {
  const { settings: _s, focusPrefs: _f, ...stores } = everything();
  return stores;
};

describe('your data, through the options page', () => {
  it('exports everything as a real download, and a fresh browser imports it with a preview: the same records', async () => {
    const first = await started();
    await seed(first, seeded());
    const options = await first.open('options.html#data');
    const section = options.getByRole('region', { name: 'Your data' });
    const [download] = await Promise.all([options.waitForEvent('download'), section.getByRole('button', { name: 'Everything (.json)' }).click()]);
    expect(download.suggestedFilename()).toBe('cueboard-2026-06-10.json');
    await options.getByRole('status').getByText('Saved cueboard-2026-06-10.json to your downloads.').waitFor();
    const file = join(folder, download.suggestedFilename());
    await download.saveAs(file);
    const exported = JSON.parse(readFileSync(file, 'utf8'));
    expect(exported).toMatchObject({ format: 'cueboard-export', formatVersion: 1 });
    const { settings: _s, focusPrefs: _f, ...stores } = exported.data;
    expect(canonicalJson(stores)).toBe(canonicalJson(seeded()));

    const second = await started();
    const page = await second.open('options.html#data');
    const data = page.getByRole('region', { name: 'Your data' });
    await data.getByLabel('File to import').setInputFiles(file);
    await data
      .getByText(
        'Adds 2 outcomes, 2 outcome values, 4 habits, 5 check-ins, 5 cue records, 2 experiments, 2 experiment measures, 2 coaching check-ins and 1 focus block.',
      )
      .waitFor();
    // The section with its preview (and the replace confirmation) meets WCAG A/AA like every page.
    expect(await axeViolations(page)).toEqual([]);
    await data.getByLabel('Replace everything here with the file').check();
    await data.getByRole('button', { name: 'Replace everything…' }).click();
    await data.getByRole('button', { name: 'Yes, replace everything' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await data.getByRole('button', { name: 'Keep what is here' }).click();
    await data.getByLabel('Add to what is here (records in both: the newer one stays)').check();
    await data
      .getByText(
        'Adds 2 outcomes, 2 outcome values, 4 habits, 5 check-ins, 5 cue records, 2 experiments, 2 experiment measures, 2 coaching check-ins and 1 focus block.',
      )
      .waitFor();
    await data.getByRole('button', { name: 'Import', exact: true }).click();
    await page
      .getByRole('status')
      .getByText(/^Imported\. Adds 2 outcomes/)
      .waitFor();
    expect(canonicalJson(await records(second))).toBe(canonicalJson(seeded()));
    // The imported habits' cues follow: the review habit (weekdays 14:00) has its alarm in the new browser.
    await until(async () => (await alarms(second)).some((a) => a.name.startsWith('cue|h1|')), 'the imported habit’s alarm');
    // The habits list shows them.
    await page.getByRole('region', { name: 'Habits' }).getByText('Review team code').first().waitFor();
  });

  it('refuses a damaged file with the record and field, and changes nothing', async () => {
    const b = await started();
    await seed(b, seeded());
    const before = canonicalJson(await records(b));
    const broken = {
      format: 'cueboard-export',
      formatVersion: 1,
      schemaVersion: 7,
      exportedAt: '2026-06-10T17:00:00.000Z',
      data: { ...seeded(), checkIns: [{ ...seeded().checkIns[0], localDate: '2026-02-30' }] },
    };
    const file = join(folder, 'broken.json');
    writeFileSync(file, JSON.stringify(broken));
    const page = await b.open('options.html#data');
    const data = page.getByRole('region', { name: 'Your data' });
    await data.getByLabel('File to import').setInputFiles(file);
    const alert = data.getByRole('alert');
    await alert.getByText('This file cannot be imported; nothing was changed:').waitFor();
    await alert.getByText('checkIns[0].localDate: must be a real date "YYYY-MM-DD"').waitFor();
    expect(await data.getByRole('button', { name: 'Import', exact: true }).count()).toBe(0);

    // Not a file Cueboard reads, and one far too big: refused before it is read.
    await data.getByLabel('File to import').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
    await data
      .getByRole('alert')
      .getByText('Choose a Cueboard export (.json), or Loop Habit Tracker’s export: its zip, or its Habits.csv and Checkmarks.csv together.')
      .waitFor();
    await data.getByLabel('File to import').setInputFiles({ name: 'huge.json', mimeType: 'application/json', buffer: Buffer.alloc(26 * 1024 * 1024, 32) });
    await data.getByRole('alert').getByText('That is 26 MB; Cueboard reads files of up to 25 MB. Is it the right file?').waitFor();
    expect(canonicalJson(await records(b))).toBe(before);
  });
});
