import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations } from './axe';
import { launch, readStore, until, type Browser } from './extension';
import { OptionsPage } from './pages/options-page';

// "One meaningful 1-on-1 with each direct report weekly", counted per person. The browser starts on the default
// pinned instant (Wednesday 2026-06-10, 13:00 in New York), so "this week" is fixed.
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

const HABIT = '1-on-1 with each direct report';

/** The new-habit form with the behaviour, a 14:00 cue every day and a first step; per person, with these names. */
async function fillPerPersonHabit(options: OptionsPage, people: string[]): Promise<void> {
  const form = options.page.getByRole('form', { name: 'New habit' });
  await form.getByLabel('Behaviour').fill(HABIT);
  await form.getByLabel('Count it per person (e.g. a 1-on-1 with each direct report)').check();
  // Ticking the box opens the list with one empty row, focused, and a weekly target.
  await until(async () => (await options.page.evaluate(() => document.activeElement?.id)) === 'habit-people-0', 'the first name field to take the focus');
  expect(await form.getByLabel('Per', { exact: true }).inputValue()).toBe('week');
  for (const [i, name] of people.entries()) {
    if (i > 0) await form.getByRole('button', { name: 'Add a person' }).click();
    await form.getByLabel(`Person ${i + 1}`, { exact: true }).fill(name);
  }
  for (const day of ['Sat', 'Sun']) await form.getByLabel(day, { exact: true }).check();
  await form.getByLabel('Cue time').fill('14:00');
  await form.getByLabel('Two-minute start').fill('Open the agenda doc');
}

function row(page: Page) {
  return page.getByRole('listitem').filter({ has: page.getByRole('button', { name: `Done: ${HABIT}` }) });
}

describe('a habit counted per person', () => {
  it('refuses a duplicate name beside its field and saves nothing', async () => {
    const options = new OptionsPage(await browser.open('options.html'));
    await fillPerPersonHabit(options, ['Ana', 'Ben', ' ana ']);
    const form = options.page.getByRole('form', { name: 'New habit' });
    await form.getByRole('button', { name: 'Add habit' }).click();
    await form.getByText('Ana is already on the list. Is this someone else? Add an initial to tell them apart.').waitFor();
    await form.getByRole('alert').getByText('Nothing was saved: one field needs a look.').waitFor();
    // The message is the third field's description, and the focus is on it.
    const third = form.getByLabel('Person 3', { exact: true });
    expect(await third.getAttribute('aria-invalid')).toBe('true');
    expect(await third.getAttribute('aria-describedby')).toBe('habit-people-2-error');
    await until(async () => (await options.page.evaluate(() => document.activeElement?.id)) === 'habit-people-2', 'the focus on the duplicate name');
    expect(await readStore(browser, 'habits')).toEqual([]);
    expect(await axeViolations(options.page)).toEqual([]);
    await options.page.close();
  });

  it('checks off a 1-on-1 with one of three people from the popup: "1 of 3", and the two others not yet', async () => {
    const options = new OptionsPage(await browser.open('options.html'));
    await fillPerPersonHabit(options, ['Ana', 'Ben', 'Cara']);
    await options.page.getByRole('form', { name: 'New habit' }).getByRole('button', { name: 'Add habit' }).click();
    await options.status().getByText(`Saved habit “${HABIT}”`).waitFor();
    await options.page.getByText('each of 3 people once per week').waitFor();

    const popup = await browser.open('popup.html');
    const habit = row(popup);
    await habit.getByText('0 of 3 this week').waitFor();
    await habit.getByText('Not yet: Ana, Ben, Cara').waitFor();

    // Done asks who it was with (a popover); the people not yet seen come first, and the first of them has the focus.
    const done = habit.getByRole('button', { name: `Done: ${HABIT}` });
    await done.click();
    const who = popup.getByRole('dialog', { name: `${HABIT}: who was it with?` });
    await who.getByText('Who was it with?').waitFor();
    expect(await who.getByRole('button').allTextContents()).toEqual(['Ana', 'Ben', 'Cara', 'Cancel']);
    await until(async () => (await popup.evaluate(() => document.activeElement?.textContent)) === 'Ana', 'the focus on the first person');
    expect(await axeViolations(popup)).toEqual([]);

    await who.getByRole('button', { name: 'Ben', exact: true }).click();
    await habit.getByText('1 of 3 this week').waitFor();
    await habit.getByText('Not yet: Ana, Cara').waitFor();
    await until(async () => !(await who.isVisible()), 'the question to close');
    expect(await habit.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('33');
    const checkIns = await readStore(browser, 'checkIns');
    expect(checkIns).toEqual([expect.objectContaining({ person: 'Ben', status: 'done', value: 1, source: 'popup', localDate: '2026-06-10' })]);

    // Asked again, Ben is offered among those who already had one; Escape closes the question, and the focus goes
    // back to Done (keyboard only).
    await done.focus();
    await popup.keyboard.press('Enter');
    await who.getByText('Already had one this week:').waitFor();
    expect(await who.getByRole('button').allTextContents()).toEqual(['Ana', 'Cara', 'Ben', 'Cancel']);
    await until(async () => (await popup.evaluate(() => document.activeElement?.textContent)) === 'Ana', 'the focus on the first person');
    await popup.keyboard.press('Escape');
    await until(async () => !(await who.isVisible()), 'the question to close');
    expect(await popup.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(`Done: ${HABIT}`);
    expect(await readStore(browser, 'checkIns')).toHaveLength(1);

    // The new tab's row says the same.
    const tab = await browser.context.newPage();
    await tab.goto('chrome://newtab/');
    await row(tab).getByText('1 of 3 this week').waitFor();
    await row(tab).getByText('Not yet: Ana, Cara').waitFor();
  });
});
