import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { alarms, launch, readStore, until, type Browser } from './extension';

let browser: Browser | undefined;
let profile: string | undefined;
afterAll(async () => {
  await browser?.close();
});

/** Start the same browser again at another instant (the clock moves between days; the profile keeps the data). */
async function at(instant: string): Promise<Page> {
  if (browser) {
    profile = browser.profile;
    await browser.stop();
  }
  browser = await launch({ at: instant, ...(profile ? { profile } : {}) });
  const page = await browser.open('options.html#experiments');
  await page.getByRole('heading', { name: 'Experiments' }).waitFor();
  return page;
}

async function logToday(page: Page, value: string): Promise<void> {
  const field = page.getByLabel('Afternoon focus today (1–5)');
  await field.fill(value);
  await page.getByRole('button', { name: 'Log' }).click();
  await page.getByRole('button', { name: 'Change today’s value' }).waitFor();
}

describe('a two-week experiment', () => {
  it('start, log the measure on three days, reach day 14, adopt: the habit stays with its cue', async () => {
    // Monday 2026-06-08, 13:00 in New York.
    let page = await at('2026-06-08T13:00:00-04:00');
    const form = page.getByRole('form', { name: 'New experiment' });
    await form.getByLabel('Hypothesis').fill('If I block the 30 minutes after lunch for email, my afternoon focus rises');
    await form.getByLabel('Behaviour', { exact: true }).fill('Email after lunch');
    await form.getByLabel('Cue time').fill('13:30');
    await form.getByLabel('Two-minute start').fill('Close the inbox tab');
    await form.getByLabel('Daily measure').fill('Afternoon focus');
    await form.getByRole('button', { name: 'Start experiment' }).click();
    await page.getByRole('status').getByText('Started an experiment with “Email after lunch”.').waitFor();
    await page.getByText('Day 1 of 14').waitFor();
    await logToday(page, '3');

    // Wednesday: logged where it costs least, on the behaviour's cue page.
    page = await at('2026-06-10T16:00:00-04:00');
    await page.getByText('Day 3 of 14').waitFor();
    const [tried] = await readStore(browser!, 'habits');
    const cuePage = await browser!.open(`cue.html?habit=${String(tried!.id)}`);
    const measure = cuePage.getByRole('form', { name: 'Your experiment’s measure' });
    await measure.getByLabel('Afternoon focus today (1–5)').fill('9');
    await measure.getByRole('button', { name: 'Log' }).click();
    await measure.getByText('A rating is from 1 to 5.').waitFor();
    await measure.getByLabel('Afternoon focus today (1–5)').fill('4');
    await measure.getByRole('button', { name: 'Log' }).click();
    await measure.getByText('Logged for today.').waitFor();
    page = await at('2026-06-12T16:00:00-04:00');
    await logToday(page, '5');
    await page.getByText('During: 4 / 5 on 3 of 5 days.').waitFor(); // a missed day is not logged, never zero

    // Sunday 2026-06-21: day 14, the retrospective.
    page = await at('2026-06-21T18:00:00-04:00');
    await page.getByText('Day 14 of 14').waitFor();
    const retro = page.getByRole('form', { name: 'Retrospective: Email after lunch' });
    await retro.getByLabel('What did you notice?').fill('Calmer afternoons');
    await retro.getByLabel('What is the lesson, whatever you decide?').fill('Batching email works for me');
    await retro.getByRole('radio', { name: /^Adopt/ }).check();
    await retro.getByRole('button', { name: 'Decide' }).click();
    await page.getByRole('status').getByText('Adopted: “Email after lunch”.').waitFor();
    await page.getByRole('list', { name: 'Past experiments' }).getByText('Lesson: Batching email works for me').waitFor();

    const [habit] = await readStore(browser!, 'habits');
    expect(habit).toMatchObject({ name: 'Email after lunch', archived: false });
    expect(await readStore(browser!, 'experiments')).toEqual([
      expect.objectContaining({ status: 'adopt', retrospective: expect.objectContaining({ noticed: 'Calmer afternoons' }) }),
    ]);
    expect((await readStore(browser!, 'measures')).map((m) => m.value)).toEqual([3, 4, 5]);
    await until(async () => (await alarms(browser!)).some((a) => a.name.startsWith(`cue|${String(habit!.id)}|`)), 'the adopted habit’s cue alarm');
  });
});
