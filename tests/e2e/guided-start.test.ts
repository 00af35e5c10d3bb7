import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { LIBRARY } from '../../src/core/library';
import { axeViolations } from './axe';
import { alarms, launch, readStore, until, type Browser } from './extension';
import { OptionsPage } from './pages/options-page';

const entry = (id: string) => LIBRARY.find((e) => e.id === id)!;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A checkbox or radio whose label starts with the behaviour's name (the label goes on with the guide's why). */
const named = (text: string) => new RegExp(`^${escape(text)}`);

let browser: Browser | undefined;
afterEach(async () => {
  await browser?.close();
  browser = undefined;
});

/** axe-core's WCAG A/AA rules on this step, and the step is the one expected. */
async function atStep(page: Page, n: number): Promise<void> {
  await page.getByText(`Step ${n} of 5`).waitFor();
  expect(await axeViolations(page)).toEqual([]);
}

/** Press Tab until the focused control's accessible label starts with `name`. */
async function tabTo(page: Page, name: string, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const label = await page.evaluate(() => {
      const el = document.activeElement as HTMLInputElement | null;
      return (el?.getAttribute('aria-label') ?? el?.labels?.[0]?.innerText ?? el?.textContent ?? '').trim();
    });
    if (label.startsWith(name)) return;
  }
  throw new Error(`Tab never reached "${name}"`);
}

describe('the guided start', () => {
  it('a new individual contributor: outcome, three behaviours (one edited), keystone, rewards → the dashboard with their cues', async () => {
    browser = await launch({ keepWelcome: true });
    const b = browser;
    const page = b.welcome!; // a fresh install opened it
    await atStep(page, 1);
    await page.getByRole('button', { name: 'Reduce software bugs by 20%' }).click();
    await expect.poll(() => page.getByLabel('Outcome', { exact: true }).inputValue()).not.toBe('');
    await page.getByRole('button', { name: 'Next' }).click();

    await atStep(page, 2);
    await page.getByRole('radio', { name: named('Individual contributor') }).check();
    await page.getByRole('button', { name: 'Next' }).click();

    await atStep(page, 3);
    const picks = [entry('ic-code-review'), entry('ic-deep-work'), entry('ic-top-three')];
    for (const pick of picks) await page.getByRole('checkbox', { name: named(pick.name) }).check();
    await page.getByText('3 of 5 picked').waitFor();
    await page.getByRole('button', { name: 'Next' }).click();

    await atStep(page, 4);
    await page.getByText('What is the one activity that, if you did it consistently, would make everything else easier?').waitFor();
    await page.getByRole('radio', { name: picks[2]!.name }).check();
    await page.getByRole('button', { name: 'Next' }).click();

    await atStep(page, 5);
    const review = page.getByRole('group', { name: picks[0]!.name });
    await review.getByLabel('Cue time').fill('15:30');
    await review.getByLabel('Reward (optional)').fill('Coffee with the team');
    // A refused Finish: the message sits beside the field, the focus goes there, and nothing is created.
    const deep = page.getByRole('group', { name: picks[1]!.name });
    const firstStep = await deep.getByLabel('Two-minute start').inputValue();
    await deep.getByLabel('Two-minute start').fill('');
    await page.getByRole('button', { name: 'Finish' }).click();
    await deep.getByText('Write the first two-minute step').waitFor();
    await expect.poll(() => deep.getByLabel('Two-minute start').evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await readStore(b, 'habits')).toEqual([]);
    await deep.getByLabel('Two-minute start').fill(firstStep);
    await page.getByRole('button', { name: 'Finish' }).click();
    await page.getByRole('heading', { name: 'Your cues are set' }).waitFor();

    const habits = await readStore(b, 'habits');
    const outcomes = await readStore(b, 'outcomes');
    expect(outcomes).toHaveLength(1);
    expect(habits.map((h) => h.name).sort()).toEqual(picks.map((p) => p.name).sort());
    expect(habits.every((h) => h.outcomeId === outcomes[0]!.id && typeof h.reward === 'string')).toBe(true);
    expect(habits.find((h) => h.name === picks[0]!.name)).toMatchObject({
      reward: 'Coffee with the team',
      schedule: expect.objectContaining({ startTime: '15:30' }),
    });
    expect(habits.filter((h) => h.keystone).map((h) => h.name)).toEqual([picks[2]!.name]);
    // Their cues are scheduled: an alarm for each habit.
    await until(async () => {
      const names = (await alarms(b)).map((a) => a.name);
      return habits.every((h) => names.some((n) => n.startsWith(`cue|${String(h.id)}|`)));
    }, 'an alarm for every new habit');
    expect(await readStore(b, 'meta')).toEqual([expect.any(Number)]); // the draft is gone; only the sweep's mark stays

    // The popup shows the dashboard: the three habits, keystone first.
    const popup = await b.open('popup.html');
    const rows = popup.getByRole('list', { name: "Today's habits" }).getByRole('listitem');
    await rows.nth(2).waitFor();
    expect(await rows.count()).toBe(3);
    await expect.poll(() => rows.first().textContent()).toContain(picks[2]!.name);
  });

  it('a new manager, keyboard only: the 1-on-1 behaviour as keystone, cues scheduled', async () => {
    browser = await launch({ keepWelcome: true });
    const b = browser;
    const page = b.welcome!;
    await page.getByText('Step 1 of 5').waitFor();
    await tabTo(page, 'Improve team engagement score');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByLabel('Outcome', { exact: true }).inputValue()).not.toBe('');
    await tabTo(page, 'Next');
    await page.keyboard.press('Enter');

    await page.getByText('Step 2 of 5').waitFor();
    // A radio group takes one Tab stop; the arrow keys choose within it.
    await tabTo(page, 'Individual contributor');
    await page.keyboard.press('ArrowDown');
    expect(await page.getByRole('radio', { name: named('Manager') }).isChecked()).toBe(true);
    await tabTo(page, 'Next');
    await page.keyboard.press('Enter');

    await page.getByText('Step 3 of 5').waitFor();
    const oneOnOne = entry('mgr-one-on-ones');
    const dashboard = entry('mgr-dashboard-review');
    for (const pick of [oneOnOne, dashboard]) {
      await tabTo(page, pick.name);
      await page.keyboard.press('Space');
    }
    await page.getByText('2 of 5 picked').waitFor();
    await tabTo(page, 'Next');
    await page.keyboard.press('Enter');

    await page.getByText('Step 4 of 5').waitFor();
    await tabTo(page, oneOnOne.name);
    await page.keyboard.press('Space');
    await tabTo(page, 'Next');
    await page.keyboard.press('Enter');

    await page.getByText('Step 5 of 5').waitFor();
    await tabTo(page, 'Finish');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Your cues are set' }).waitFor();

    const habits = await readStore(b, 'habits');
    expect(habits.map((h) => [h.name, h.keystone]).sort()).toEqual(
      [
        [dashboard.name, false],
        [oneOnOne.name, true],
      ].sort(),
    );
    await until(async () => (await alarms(b)).filter((a) => a.name.startsWith('cue|')).length >= 2, 'the cue alarms');
  });

  it('"Skip for now" on the first step lands on a usable options page; progress left later resumes', async () => {
    browser = await launch({ keepWelcome: true });
    const b = browser;
    const page = b.welcome!;
    await page.getByText('Step 1 of 5').waitFor();
    await page.getByRole('button', { name: 'Skip for now' }).click();
    await page.waitForURL(/options\.html/);
    const options = new OptionsPage(page);
    await options.addHabit({ name: 'Review team code' });
    await options.status().getByText('Saved habit “Review team code”').waitFor();

    // Later: "Set up a new outcome", one step done, then away again.
    await page.getByRole('link', { name: 'Set up a new outcome' }).click();
    await page.getByText('Step 1 of 5').waitFor();
    await page.getByRole('button', { name: 'Increase sales by 15% this quarter' }).click();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText('Step 2 of 5').waitFor();
    await page.getByRole('button', { name: 'Skip for now' }).click();
    await page.waitForURL(/options\.html/);
    expect(await readStore(b, 'outcomes')).toEqual([]); // nothing half-made

    await page.getByRole('link', { name: 'Set up a new outcome' }).click();
    await page.getByRole('button', { name: 'Resume' }).click();
    await page.getByText('Step 2 of 5').waitFor();
    await page.getByRole('button', { name: 'Back' }).click();
    await expect.poll(() => page.getByLabel('Outcome', { exact: true }).inputValue()).toMatch(/sales/i);
  });
});
