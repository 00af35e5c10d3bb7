import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, until, type Browser } from './extension';
import { OptionsPage } from './pages/options-page';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

describe('the dashboard on the new tab', () => {
  it('counts a check-off made in the popup; turned off, the next new tab stays quiet', async () => {
    const options = new OptionsPage(await browser.open('options.html'));
    await options.addHabit({ name: 'Deep work', firstStep: 'Close email' });
    await options.status().getByText('Saved habit “Deep work”').waitFor();

    const badge = () => browser.inWorker(() => chrome.action.getBadgeText({}), undefined);
    await until(async () => (await badge()) === '1', 'the badge to count one open cue');

    const popup = await browser.open('popup.html');
    await popup.getByRole('button', { name: 'Done: Deep work' }).click();
    await popup.getByText('1 / 1 today').waitFor();
    await until(async () => (await badge()) === '', 'the badge to clear after the check-off');
    await popup.getByRole('heading', { name: 'Leading metrics' }).waitFor();
    await popup.getByText('1 day in a row.').waitFor();

    const tab = await browser.context.newPage();
    await tab.goto('chrome://newtab/');
    await tab.getByText('Checked off today: 1 of 1').waitFor();
    await tab.getByRole('heading', { name: /Next cue/ }).waitFor();

    const form = options.page.getByRole('form', { name: 'Settings' });
    await form.getByLabel('Show the dashboard on every new tab (off: a quiet, plain new tab)').uncheck();
    await form.getByRole('button', { name: 'Save settings' }).click();
    await options.status().getByText('Settings saved.').waitFor();

    const quiet = await browser.context.newPage();
    await quiet.goto('chrome://newtab/');
    await quiet.waitForFunction(() => performance.getEntriesByName('cueboard:quiet-rendered').length > 0);
    expect(await quiet.getByText('Checked off today').count()).toBe(0);
    expect(await quiet.locator('#app').innerHTML()).toBe('');
  });
});
