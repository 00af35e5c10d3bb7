import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { alarms, firstCueAlarm, launch, readStore, until, type Browser } from './extension';
import { OptionsPage } from './pages/options-page';

let browser: Browser;
beforeEach(async () => {
  browser = await launch();
});
afterEach(async () => {
  await browser.close();
});

describe('the habit loop, with no account', () => {
  it('habit → alarm → cue fires → Done → popup shows the check-off → IndexedDB holds it', async () => {
    // 1. Create a habit through the options page.
    const options = new OptionsPage(await browser.open('options.html'));
    await options.addHabit({ name: 'Review team code', firstStep: 'Open the review queue' });
    await options.status().getByText('Saved habit “Review team code”').waitFor();

    // 2. Its cue alarm exists (the background reconciled after the save).
    const cue = await firstCueAlarm(browser);
    const { habitId, cueAt } = cue;
    expect(Number(cueAt)).toBe(cue.scheduledTime);
    const local = new Intl.DateTimeFormat('en-GB', { timeZone: 'America/New_York', hour: '2-digit', minute: '2-digit' }).format(cue.scheduledTime);
    expect(local).toBe('14:00');

    // The popup before: nothing done yet.
    const popup = await browser.open('popup.html');
    await popup.getByText('0 / 1 today').waitFor();

    // 3. Fire the cue: the browser's own alarm, moved to fire now under the same name.
    await browser.inWorker(({ name }) => chrome.alarms.create(name, { when: Date.now() + 50 }), { name: cue.name });
    await expect.poll(() => browser.inWorker(() => chrome.notifications.getAll(), undefined), { timeout: 10_000 }).toHaveProperty([cue.name]);
    await expect.poll(async () => (await readStore(browser, 'cueEvents')).map((e) => e.firedAt !== undefined)).toEqual([true]);

    // 4. The cue page (where the notification leads) shows the first step; press Done.
    const cuePage = await browser.open(`cue.html?habit=${habitId}&at=${cueAt}`);
    await cuePage.getByText('Open the review queue').waitFor();
    await cuePage.getByRole('timer', { name: 'Two-minute timer' }).getByText('2:00').waitFor();
    await cuePage.getByRole('button', { name: 'Done', exact: true }).click();
    await cuePage.getByRole('status').getByText('Checked off').waitFor();

    // 5. The popup shows the check-off and the progress change.
    await popup.reload();
    await popup.getByText('1 / 1 today').waitFor();
    await popup.getByText('Done today').waitFor();
    const bar = popup.getByRole('progressbar', { name: 'Review team code progress' });
    expect(await bar.getAttribute('aria-valuenow')).toBe('100');

    // 6. The check-in is in IndexedDB, tied to the cue it answered.
    const checkIns = await readStore(browser, 'checkIns');
    expect(checkIns).toEqual([expect.objectContaining({ habitId, status: 'done', source: 'cue-page', value: 1, cueAt: Number(cueAt) })]);
    expect(await readStore(browser, 'cueEvents')).toEqual([expect.objectContaining({ doneAt: expect.any(Number), firedAt: expect.any(Number) })]);
  });

  it('starts the timer from the cue page and snoozes with a real alarm', async () => {
    const options = new OptionsPage(await browser.open('options.html'));
    await options.addHabit({ name: 'Outreach calls', firstStep: 'Open the CRM list' });
    const { habitId, cueAt } = await firstCueAlarm(browser);

    const cuePage = await browser.open(`cue.html?habit=${habitId}&at=${cueAt}`);
    await cuePage.getByRole('button', { name: 'Start two minutes' }).click();
    await cuePage.getByText('Started. Only the first step counts.').waitFor();
    await expect.poll(async () => (await cuePage.getByRole('timer').textContent()) !== '2:00').toBe(true);

    await cuePage.getByRole('button', { name: 'Snooze 10 min' }).click();
    await cuePage.getByRole('status').getByText('Snoozed: back at').waitFor();
    const snooze = await until(async () => (await alarms(browser)).find((a) => a.name === `snooze|${habitId}|${cueAt}`), 'the snooze alarm');
    expect(snooze?.scheduledTime).toBeGreaterThan((await browser.now()) + 9 * 60_000);
    expect(await readStore(browser, 'cueEvents')).toEqual([expect.objectContaining({ startedAt: expect.any(Number), snoozeCount: 1 })]);
  });
});
