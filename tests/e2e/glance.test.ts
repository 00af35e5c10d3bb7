import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { recordedGlance, settledWorker } from './glance-recorder';
import { alarms, launch, readStore, until, type Browser } from './extension';
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

describe('the glance snapshot', () => {
  it('paints the popup and the new tab from the last view; the first render keeps every node and the markup, and axe is clean', async () => {
    // A first open renders from IndexedDB and keeps a snapshot for both pages (the worker may have kept one already,
    // after the habits' alarms were set).
    await (await recordedGlance(browser, `chrome-extension://${browser.id}/popup.html`)).page.close();

    for (const url of [`chrome-extension://${browser.id}/popup.html`, 'chrome://newtab/']) {
      const page = await recordedGlance(browser, url);
      const record = await page.record();
      expect(record.painted, url).toContain('Review team code');
      expect(record.takenOver, url).toBe(record.painted);
      expect(record.sameNodes, url).toBe(true);
      expect((await page.settled()).keptAfterSettle, url).toBe(true);
      expect(await axeViolations(page.page), url).toEqual([]);
      await page.page.close();
    }
  });

  it('a check-off in the popup, then a new tab: its first paint already shows it', async () => {
    const popup = await recordedGlance(browser, `chrome-extension://${browser.id}/popup.html`);
    await popup.page.getByRole('button', { name: 'Done: Review team code' }).click();
    await popup.page.getByText('Done today').waitFor();
    // The popup keeps the view it read after the check-off for both pages; the person closes it at once.
    await popup.page.waitForFunction(() => (localStorage.getItem('cueboard:glance:newtab') ?? '').includes('Checked off today: 1 of 2'));
    await popup.page.close();

    const tab = await recordedGlance(browser, 'chrome://newtab/');
    const record = await tab.record();
    expect(record.painted).toContain('Checked off today: 1 of 2');
    expect(record.sameNodes).toBe(true);
    await tab.page.close();
  });

  it('Done on a notification, then the popup: its first paint already shows it', async () => {
    const habitId = (await readStore(browser, 'habits')).find((h) => h.name === 'Outreach calls')!.id as string;
    const cue = await until(async () => (await alarms(browser)).find((a) => a.name.startsWith(`cue|${habitId}|`)), 'the cue alarm');
    // Headless Chromium shows no notification to click: the worker's own button event is dispatched, as a click would.
    await browser.inWorker(({ id }) => (chrome.notifications.onButtonClicked as unknown as { dispatch: (id: string, index: number) => void }).dispatch(id, 1), {
      id: cue.name,
    });
    await until(async () => (await readStore(browser, 'checkIns')).some((c) => c.habitId === habitId && c.source === 'notification'), 'the check-in');
    // The worker dropped the old snapshot and keeps a fresh one (an offscreen document reads and renders it). The
    // worker answers a page's badge request only once every drop asked for so far has landed.
    await settledWorker(browser);
    const popup = await recordedGlance(browser, `chrome-extension://${browser.id}/popup.html`);
    const record = await popup.record();
    expect(record.painted).toMatch(/Done: Outreach calls/);
    expect(record.painted?.match(/Done today/g)).toHaveLength(2);
    expect(record.sameNodes).toBe(true);
    await popup.page.close();
  });
});
