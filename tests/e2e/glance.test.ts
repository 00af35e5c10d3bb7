import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { launch, type Browser } from './extension';
import { OptionsPage } from './pages/options-page';

// The glance snapshot: the popup and the new tab paint the last view from localStorage before any module runs, then
// their first render lays the same markup over the same nodes. The clock is pinned (Wednesday 2026-06-10, 13:00 in
// New York), so each habit's 14:00 cue is still to come and the snapshot stays valid through the test.

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
  const options = new OptionsPage(await browser.open('options.html'));
  await options.addHabit({ name: 'Review team code', firstStep: 'Open the review queue' });
  await options.status().getByText('Saved habit “Review team code”').waitFor();
  await options.addHabit({ name: 'Outreach calls', firstStep: 'Open the CRM list' });
  await options.status().getByText('Saved habit “Outreach calls”').waitFor();
  await options.page.close();
});
afterAll(async () => {
  await browser?.close();
});

/** What the page showed at each step, recorded inside it by a script that runs before the page's own. */
interface Record {
  /** #app's markup and elements the moment the first script painted the snapshot. */
  painted?: string;
  /** #app's markup the moment the module's first render (over the painted nodes) returned. */
  takenOver?: string;
  /** Whether every element painted was still the very same node after that render, in the same order. */
  sameNodes?: boolean;
  /** Whether every painted element outside a part still loading was still in the page once it settled. */
  keptAfterSettle?: boolean;
}

/**
 * Open a glance page with a recorder in it: the first script's and the module's performance marks are heard the moment
 * they are set (both come synchronously after the DOM work they follow), and #app is read right there.
 */
async function openRecorded(url: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.addInitScript(() => {
    const record: Record & { nodes?: Element[] } = {};
    Object.assign(window, { glanceRecord: record });
    const mark = performance.mark.bind(performance);
    const app = () => document.getElementById('app')!;
    performance.mark = (name: string, options?: PerformanceMarkOptions) => {
      if (name === 'cueboard:glance-painted') {
        record.painted = app().innerHTML;
        record.nodes = [...app().querySelectorAll('*')];
      }
      if (name === 'cueboard:glance-taken-over') {
        record.takenOver = app().innerHTML;
        const now = [...app().querySelectorAll('*')];
        record.sameNodes = now.length === record.nodes!.length && now.every((node, i) => node === record.nodes![i]);
      }
      if (name === 'cueboard:dashboard-rendered' && record.nodes) {
        // A part that loads after the glance ("Loading…", aria-busy) is replaced by its content: not part of the glance.
        record.keptAfterSettle = record.nodes.filter((n) => !n.closest('[aria-busy]')).every((n) => n.isConnected);
      }
      return mark(name, options);
    };
  });
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('cueboard:dashboard-rendered').length > 0);
  return page;
}

const recordOf = (page: Page) =>
  page.evaluate(() => {
    const { nodes: _nodes, ...record } = (window as unknown as { glanceRecord: Record & { nodes?: Element[] } }).glanceRecord;
    return record;
  });

describe('the glance snapshot', () => {
  it('paints the popup and the new tab from the last view; the first render keeps every node and the markup, and axe is clean', async () => {
    // A first open with no snapshot renders from IndexedDB and keeps one for both pages.
    const first = await openRecorded(`chrome-extension://${browser.id}/popup.html`);
    expect((await recordOf(first)).painted).toBeUndefined();
    await first.close();

    for (const url of [`chrome-extension://${browser.id}/popup.html`, 'chrome://newtab/']) {
      const page = await openRecorded(url);
      const record = await recordOf(page);
      expect(record.painted, url).toContain('Review team code');
      expect(record.takenOver, url).toBe(record.painted);
      expect(record.sameNodes, url).toBe(true);
      await page.waitForFunction(() => (window as unknown as { glanceRecord: Record }).glanceRecord.keptAfterSettle !== undefined);
      expect((await recordOf(page)).keptAfterSettle, url).toBe(true);
      expect(await axeViolations(page), url).toEqual([]);
      await page.close();
    }
  });

  it('a check-off in the popup, then a new tab: its first paint already shows it', async () => {
    const popup = await openRecorded(`chrome-extension://${browser.id}/popup.html`);
    await popup.getByRole('button', { name: 'Done: Review team code' }).click();
    await popup.getByText('Done today').waitFor();
    // The popup keeps the view it read after the check-off for both pages; the person closes it at once.
    await popup.waitForFunction(() => (localStorage.getItem('cueboard:glance:newtab') ?? '').includes('Checked off today: 1 of 2'));
    await popup.close();

    const tab = await openRecorded('chrome://newtab/');
    const record = await recordOf(tab);
    expect(record.painted).toContain('Checked off today: 1 of 2');
    expect(record.sameNodes).toBe(true);
    await tab.close();
  });
});
