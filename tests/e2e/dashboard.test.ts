import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, until, type Browser } from './extension';
import { OptionsPage } from './pages/options-page';
import { seed } from './seed';

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

  it('shows a focus habit’s minutes and average rating this week on its card', async () => {
    // The browser's clock reads Wednesday 2026-06-10 in New York: the week began on Monday 06-08.
    const now = await browser.now();
    const zone = 'America/New_York';
    const block = (id: string, localDate: string, value: number, rating: number) => ({
      id,
      habitId: 'deep',
      localDate,
      at: now,
      timeZone: zone,
      value,
      status: 'done',
      source: 'focus',
      rating,
    });
    await seed(browser, {
      habits: [
        {
          id: 'deep',
          name: 'Billing design doc',
          kind: 'focus',
          focus: { minutes: 90, intention: 'The design doc for the billing migration' },
          target: { kind: 'minutes', amount: 90, per: 'day' },
          schedule: { days: [1, 2, 3, 4, 5], startTime: '08:30', durationMinutes: 90, timeZone: zone },
          start: { firstStep: 'Open the design doc' },
          keystone: false,
          onDashboard: true,
          archived: false,
          startsOn: '2026-06-01',
          createdAt: now,
          scheduleSince: now,
        },
      ],
      checkIns: [block('f1', '2026-06-05', 90, 1), block('f2', '2026-06-08', 90, 4), block('f3', '2026-06-09', 45, 3)],
    });
    const popup = await browser.open('popup.html');
    const card = popup.locator('li.metric[data-habit="deep"]');
    expect(await card.getByTestId('focus-week').textContent()).toBe('Focus this week: 2 h 15 min · average focus 3.5 of 5');
  });
});
