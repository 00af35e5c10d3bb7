import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { firstCueAlarm, launch, readStore, type Browser } from './extension';
import { OptionsPage } from './pages/options-page';

/** Press Tab until the focused element has this accessible label (aria-label or text), or give up after `max` presses. */
async function tabTo(page: Page, name: string, max = 25): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el?.getAttribute('aria-label') ?? el?.textContent?.trim() ?? '';
    });
    if (focused === name) return;
  }
  throw new Error(`Tab never reached "${name}"`);
}

let browser: Browser;
let docServer: Server;
let docUrl: string;
let habitId: string;
let cueAt: string;

beforeAll(async () => {
  // The habit's link points at a local page, so opening "the work" never reaches the internet.
  docServer = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<title>Design doc</title>'));
  await new Promise<void>((ready) => docServer.listen(0, '127.0.0.1', ready));
  docUrl = `http://127.0.0.1:${(docServer.address() as AddressInfo).port}/doc`;
  browser = await launch();
  const options = new OptionsPage(await browser.open('options.html'));
  await options.addHabit({ name: 'Deep work', firstStep: 'Close email, open the design doc', link: docUrl });
  await options.status().getByText('Saved habit “Deep work”').waitFor();
  ({ habitId, cueAt } = await firstCueAlarm(browser));
});
afterAll(async () => {
  await browser.close();
  docServer.close();
});

describe('keyboard alone', () => {
  it('checks off and undoes in the popup', async () => {
    const popup = await browser.open('popup.html');
    await popup.getByText('0 / 1 today').waitFor();
    await tabTo(popup, 'Done: Deep work');
    await popup.keyboard.press('Enter');
    await popup.getByText('1 / 1 today').waitFor();
    await tabTo(popup, 'Undo: Deep work');
    await popup.keyboard.press('Space');
    await popup.getByText('0 / 1 today').waitFor();
    expect(await readStore(browser, 'checkIns')).toEqual([]);
  });

  it('runs the cue page: Start is focused first, then Done and Undo by Tab', async () => {
    const page = await browser.open(`cue.html?habit=${habitId}&at=${cueAt}`);
    await page.getByRole('button', { name: 'Start: open the work' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Start: open the work');
    const opened = browser.context.waitForEvent('page');
    await page.keyboard.press('Enter');
    const doc = await opened;
    await doc.waitForLoadState();
    expect(doc.url()).toBe(docUrl);
    await page.getByText('Started. Only the first step counts.').waitFor();

    await page.bringToFront();
    await tabTo(page, 'Done');
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText('Checked off').waitFor();
    await tabTo(page, 'Undo');
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText('Undone.').waitFor();
    await tabTo(page, 'Skip today');
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText('Skipped for today').waitFor();
    expect(await readStore(browser, 'checkIns')).toEqual([expect.objectContaining({ status: 'skipped', source: 'cue-page', value: 0 })]);
  });
});

describe('accessible names and WCAG A/AA rules (axe-core)', () => {
  it.each(['popup.html', 'newtab.html', 'options.html', 'cue.html?habit=HABIT&at=AT'])('%s has no violations', async (path) => {
    const page = await browser.open(path.replace('HABIT', habitId).replace('AT', cueAt));
    await page.getByRole('button').first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    const unnamed = await page.evaluate(() =>
      [...document.querySelectorAll('button, input, select, [role="progressbar"], [role="timer"]')]
        .filter((el) => {
          const labelled = el.getAttribute('aria-label') || el.getAttribute('aria-labelledby') || (el as HTMLInputElement).labels?.length;
          return !labelled && !(el.tagName === 'BUTTON' && el.textContent?.trim());
        })
        .map((el) => el.outerHTML),
    );
    expect(unnamed).toEqual([]);
  });
});
