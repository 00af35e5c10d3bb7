import type { Page } from 'playwright-core';
import type { Browser } from './extension';

/** What the page showed at each step, recorded inside it by a script that runs before the page's own. */
export interface GlanceRecord {
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
export async function recordedGlance(
  browser: Browser,
  url: string,
): Promise<{ page: Page; record: () => Promise<GlanceRecord>; settled: () => Promise<GlanceRecord> }> {
  const page = await browser.context.newPage();
  await page.addInitScript(() => {
    const record: GlanceRecord & { nodes?: Element[] } = {};
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
  const record = () =>
    page.evaluate(() => {
      const { nodes: _nodes, ...record } = (window as unknown as { glanceRecord: GlanceRecord & { nodes?: Element[] } }).glanceRecord;
      return record;
    });
  return {
    page,
    record,
    settled: async () => {
      await page.waitForFunction(() => (window as unknown as { glanceRecord: GlanceRecord }).glanceRecord.keptAfterSettle !== undefined);
      return record();
    },
  };
}

/**
 * Wait until the worker's jobs so far are done and every glance drop they asked for has landed: it answers a page's
 * badge request (the app's own message) only then.
 */
export async function settledWorker(browser: Browser): Promise<void> {
  const page = await browser.open('options.html');
  await page.evaluate(() => chrome.runtime.sendMessage({ type: 'badge' }));
  await page.close();
}
