import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, readStore, type Browser } from './extension';
import { axeViolations } from './axe';
import { OptionsPage } from './pages/options-page';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

describe('options forms refuse bad input with a message and store nothing', () => {
  it('habit form: empty name, no day, no time, a non-http link', async () => {
    const page = await browser.open('options.html');
    const form = page.getByRole('form', { name: 'New habit' });
    for (const day of ['Mon', 'Tue', 'Wed', 'Thu', 'Fri']) await form.getByLabel(day, { exact: true }).uncheck();
    await form.getByLabel('Cue time').fill('');
    await form.getByLabel('Link that opens the work (optional)').fill('javascript:alert(1)');
    await form.getByRole('button', { name: 'Add habit' }).click();

    await form.getByRole('alert').getByText('Nothing was saved').waitFor();
    await form.getByText('Name the behaviour').waitFor();
    await form.getByText('Pick at least one day for the cue.').waitFor();
    await form.getByText('Enter a time as HH:MM').waitFor();
    await form.getByText('The link must start with http:// or https://.').waitFor();
    await form.getByText('Write the first two-minute step').waitFor();
    // Focus lands on the first field to fix, and the field points at its message.
    const name = form.getByLabel('Behaviour');
    expect(await name.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    expect(await name.getAttribute('aria-describedby')).toBe('habit-name-error');
    expect(await readStore(browser, 'habits')).toEqual([]);
  });

  it('habit form: a sixth active dashboard habit is refused', async () => {
    const options = new OptionsPage(await browser.open('options.html'));
    for (const n of [1, 2, 3, 4, 5]) {
      await options.addHabit({ name: `Habit ${n}` });
      await options.status().getByText(`Saved habit “Habit ${n}”`).waitFor();
      // The new-habit form starts blank again after a save.
      expect(await options.page.getByRole('form', { name: 'New habit' }).getByLabel('Behaviour').inputValue()).toBe('');
    }
    await options.addHabit({ name: 'Habit 6' });
    await options.page.getByText('The dashboard holds 5 habits at most').waitFor();
    const names = (await readStore(browser, 'habits')).map((h) => h.name).sort();
    expect(names).toEqual(['Habit 1', 'Habit 2', 'Habit 3', 'Habit 4', 'Habit 5']);

    // Taking it off the dashboard is the way through, and it says so.
    const form = options.page.getByRole('form', { name: 'New habit' });
    await form.getByLabel('Show on the dashboard (five at most)').uncheck();
    await form.getByRole('button', { name: 'Add habit' }).click();
    await options.status().getByText('Saved habit “Habit 6”').waitFor();
    expect(await readStore(browser, 'habits')).toHaveLength(6);
  });

  it('outcome form: empty fields and a target on the wrong side of the baseline', async () => {
    const page = await browser.open('options.html');
    const form = page.getByRole('form', { name: 'New outcome' });
    await form.getByRole('button', { name: 'Add outcome' }).click();
    await form.getByRole('alert').getByText('Nothing was saved').waitFor();
    await form.getByText('Give the outcome a name').waitFor();
    await form.getByLabel('Outcome').fill('Bugs per sprint');
    await form.getByLabel('Baseline').fill('40');
    await form.getByLabel('Target', { exact: true }).fill('45');
    await form.getByLabel('By').fill('2027-03-31');
    await form.getByLabel('Success is the number going').selectOption('down');
    await form.getByRole('button', { name: 'Add outcome' }).click();
    await form.getByText('To go down, the target must be below the baseline.').waitFor();
    expect(await readStore(browser, 'outcomes')).toEqual([]);

    await form.getByLabel('Target', { exact: true }).fill('32');
    await form.getByRole('button', { name: 'Add outcome' }).click();
    await page.getByRole('status').getByText('Saved outcome “Bugs per sprint”').waitFor();
    expect(await readStore(browser, 'outcomes')).toEqual([expect.objectContaining({ name: 'Bugs per sprint', baseline: 40, target: 32, direction: 'down' })]);
  });

  it('settings: a day boundary outside 00:00–06:00 is refused', async () => {
    const page = await browser.open('options.html');
    const form = page.getByRole('form', { name: 'Settings' });
    await form.getByLabel('A new day starts at').fill('09:00');
    await form.getByRole('button', { name: 'Save settings' }).click();
    await form.getByText('The day boundary is a time between 00:00 and 06:00').waitFor();
    expect(await readStore(browser, 'settings')).toEqual([]);
  });
});

describe('focus blocks in the options page', () => {
  it('a site that is not a host name is refused beside its field; a focus block needs a length of 5–240 minutes and, when the settings ask, an intention', async () => {
    const page = await browser.open('options.html#focus');
    const focus = page.getByRole('region', { name: 'Focus' });
    await focus.getByText('No sites yet.').waitFor();
    await focus.getByLabel('Every focus block names its intention').check();
    await page.getByRole('status').getByText('Every focus block now names its intention.').waitFor();

    const site = focus.getByLabel('Site', { exact: true });
    await site.fill('10.0.0.0/8');
    await focus.getByRole('button', { name: 'Add', exact: true }).click();
    await focus.getByRole('alert').getByText('Addresses and ranges cannot be held back').waitFor();
    expect(await site.getAttribute('aria-describedby')).toBe('focus-site-error');
    await focus.getByText('No sites yet.').waitFor();

    const form = page.getByRole('form', { name: 'New habit' });
    await form.getByLabel('Behaviour').fill('Deep work on the design doc');
    await form.getByLabel('This is a deep-work focus block').check();
    await form.getByLabel('Length (minutes)').fill('241');
    await form.getByLabel('Two-minute start').fill('Open the design doc');
    await form.getByLabel('Show on the dashboard (five at most)').uncheck();
    await form.getByRole('button', { name: 'Add habit' }).click();
    await form.getByText('A focus block lasts a whole number of minutes from 5 to 240').waitFor();
    await form.getByText('Name what this block is for').waitFor();
    expect((await readStore(browser, 'habits')).filter((h) => h.kind === 'focus')).toEqual([]);

    await form.getByLabel('Length (minutes)').fill('90');
    await form.getByLabel('Intention').fill('the design doc for the billing migration');
    await form.getByRole('button', { name: 'Add habit' }).click();
    await page.getByRole('status').getByText('Saved habit “Deep work on the design doc”').waitFor();
    expect((await readStore(browser, 'habits')).find((h) => h.kind === 'focus')).toMatchObject({
      focus: { minutes: 90, intention: 'the design doc for the billing migration' },
      target: { kind: 'minutes', amount: 90, per: 'day' },
      schedule: { durationMinutes: 90 },
    });
  });
});

describe('the time-zone picker', () => {
  it("starts at the browser's zone and is searched and picked with the keyboard alone", async () => {
    const page = await browser.open('options.html');
    const form = page.getByRole('form', { name: 'New habit' });
    const zone = form.getByLabel('Time zone');
    expect(await zone.inputValue()).toBe('America/New_York');
    expect(await zone.locator('option').first().textContent()).toBe('America/New_York (this browser)');

    await form.getByLabel('Find by city or region').focus();
    await page.keyboard.type('kolk');
    await form.getByText('One zone matches “kolk”.').waitFor();
    // Enter takes the first match and moves to the list; it does not submit the form.
    await page.keyboard.press('Enter');
    expect(await zone.inputValue()).toBe('Asia/Kolkata');
    expect(await zone.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await form.getByRole('alert').count()).toBe(0);

    // Back in the search box, ArrowDown moves to the list; there the browser's zone leads and the chosen one follows.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('new york');
    await form.getByText('One zone matches “new york”.').waitFor();
    await page.keyboard.press('ArrowDown');
    expect(await zone.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await zone.locator('option').allTextContents()).toEqual(['America/New_York (this browser)', 'Asia/Kolkata']);
    await page.keyboard.press('ArrowUp');
    expect(await zone.inputValue()).toBe('America/New_York');
    await page.keyboard.press('ArrowDown');
    expect(await zone.inputValue()).toBe('Asia/Kolkata');

    // Earlier tests filled the dashboard; this one stays off it.
    await form.getByLabel('Show on the dashboard (five at most)').uncheck();
    await new OptionsPage(page).addHabit({ name: 'Standup notes' });
    await page.getByRole('status').getByText('Saved habit “Standup notes”').waitFor();
    expect((await readStore(browser, 'habits')).find((h) => h.name === 'Standup notes')).toMatchObject({ schedule: { timeZone: 'Asia/Kolkata' } });
  });
});

describe('the options page in sections', () => {
  it('opening options.html#habits lands on the habits, and the nav reaches each section', async () => {
    const page = await browser.open('options.html#habits');
    const heading = page.getByRole('heading', { name: 'Habits', exact: true });
    await heading.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('habits');
    expect(await heading.evaluate((el) => el.getBoundingClientRect().top < window.innerHeight)).toBe(true);
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);

    const nav = page.getByRole('navigation', { name: 'Sections of this page' });
    expect(await nav.getByRole('link').allTextContents()).toEqual([
      'Outcomes',
      'Habits',
      'Experiments',
      'Focus',
      'Settings',
      'Your data',
      'Coaching check-in',
      'Set up a new outcome',
    ]);
    await nav.getByRole('link', { name: 'Settings' }).click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#settings');
    const settings = page.getByRole('heading', { name: 'Settings', exact: true });
    expect(await settings.evaluate((el) => el.getBoundingClientRect().top >= 0 && el.getBoundingClientRect().top < window.innerHeight)).toBe(true);
  });
});

describe('flexible habits and the limits on cue blocks', () => {
  it('a flexible habit is refused for a window shorter than its block and an ideal time outside it, beside each field, then saved and reopened', async () => {
    const page = await browser.open('options.html');
    const form = page.getByRole('form', { name: 'New habit' });
    await form.getByLabel('Behaviour').fill('Walk after lunch');
    await form.getByLabel('Cue time').fill('14:00');
    await form.getByLabel('Fixed time').waitFor();
    expect(await form.getByLabel('Fixed time').isChecked()).toBe(true);
    // The choice is a radio group: the arrow key moves to Flexible.
    await form.getByLabel('Fixed time').focus();
    await page.keyboard.press('ArrowDown');
    expect(await form.getByLabel('Flexible: find free time in a window').isChecked()).toBe(true);
    // Flexible, the cue time is the ideal time; the block's length stays.
    await form.getByLabel('Ideal time').waitFor();
    expect(await form.getByLabel('Cue time').count()).toBe(0);
    expect(await form.getByLabel('Minutes', { exact: true }).inputValue()).toBe('30');
    expect(await form.getByLabel('Gap after a meeting (minutes)').inputValue()).toBe('5');
    // Nothing is busy in this machine's own calendar, and the form says what that means.
    await form.getByText('On this machine’s calendar nothing is known to be busy, so it fires at its ideal time.').waitFor();
    await form.getByLabel('Window from').fill('13:00');
    await form.getByLabel('Window to').fill('13:20');
    await form.getByLabel('Two-minute start').fill('Put on shoes');
    await form.getByLabel('Show on the dashboard (five at most)').uncheck();
    await form.getByRole('button', { name: 'Add habit' }).click();

    const to = form.getByLabel('Window to');
    await form.getByText('The window (13:00–13:20) is shorter than the 30-minute block.').waitFor();
    expect(await to.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator(`#${await to.getAttribute('aria-describedby')}`).textContent()).toBe(
      'The window (13:00–13:20) is shorter than the 30-minute block.',
    );
    expect(await to.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    await to.fill('17:00');
    const ideal = form.getByLabel('Ideal time');
    await ideal.fill('18:00');
    await form.getByRole('button', { name: 'Add habit' }).click();
    const idealMessage = 'Pick an ideal time from 13:00 to 16:30, so the 30-minute block fits in the window.';
    await form.getByText(idealMessage).waitFor();
    expect(await page.locator(`#${await ideal.getAttribute('aria-describedby')}`).textContent()).toBe(idealMessage);
    expect(await to.getAttribute('aria-invalid')).toBeNull();
    expect((await readStore(browser, 'habits')).filter((h) => h.name === 'Walk after lunch')).toEqual([]);

    await ideal.fill('14:00');
    await form.getByRole('button', { name: 'Add habit' }).click();
    await page.getByRole('status').getByText('Saved habit “Walk after lunch”').waitFor();
    const stored = (await readStore(browser, 'habits')).find((h) => h.name === 'Walk after lunch');
    expect(stored).toMatchObject({ schedule: { startTime: '14:00', durationMinutes: 30, window: { from: '13:00', to: '17:00', bufferMinutes: 5 } } });

    // The new-habit form is fixed again; the habit's own form opens flexible, with its window.
    expect(await form.getByLabel('Fixed time').isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Edit Walk after lunch' }).click();
    const edit = page.getByRole('form', { name: 'Edit habit' });
    await edit.getByLabel('Window from').waitFor();
    expect(await edit.getByLabel('Flexible: find free time in a window').isChecked()).toBe(true);
    expect(await edit.getByLabel('Ideal time').inputValue()).toBe('14:00');
    expect(await edit.getByLabel('Window from').inputValue()).toBe('13:00');
    expect(await edit.getByLabel('Window to').inputValue()).toBe('17:00');
    expect(await edit.getByLabel('Gap after a meeting (minutes)').inputValue()).toBe('5');
    expect(await edit.getByLabel('Minutes', { exact: true }).inputValue()).toBe('30');
  });

  it('settings: a daily cap below one block is refused beside its field; 90 minutes and edited skip words are saved', async () => {
    const page = await browser.open('options.html#settings');
    const form = page.getByRole('form', { name: 'Settings' });
    const cap = form.getByLabel('Most cue-block time a day (minutes)');
    const words = form.getByLabel('Skip words for days off');
    expect(await cap.inputValue()).toBe('120');
    expect(await words.inputValue()).toBe('OOO\nVacation\nOut of office');

    await cap.fill('3');
    await form.getByRole('button', { name: 'Save settings' }).click();
    const capMessage = 'The daily cap is a whole number of minutes from 5 (one short block) to 1440 (24 hours), e.g. 120.';
    await form.getByText(capMessage).waitFor();
    expect(await cap.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator(`#${await cap.getAttribute('aria-describedby')}`).textContent()).toBe(capMessage);
    expect(await axeViolations(page)).toEqual([]);
    expect((await readStore(browser, 'settings')).some((s) => s.dailyCapMinutes === 3)).toBe(false);

    await cap.fill('90');
    // Blank lines are dropped and each line trimmed; a phrase keeps its spaces.
    await words.fill('OOO\n  Holiday \n\nOut of office\nParental leave');
    await form.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('status').getByText('Settings saved.').waitFor();
    // The page says "saved" before it has reloaded the settings; the old message goes once it has.
    await expect.poll(() => cap.getAttribute('aria-invalid')).toBeNull();
    expect(await readStore(browser, 'settings')).toEqual([
      expect.objectContaining({ dailyCapMinutes: 90, skipWords: ['OOO', 'Holiday', 'Out of office', 'Parental leave'] }),
    ]);
  });
});
