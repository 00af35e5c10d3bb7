import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { alarms, launch, readStore, until, type Browser } from './extension';
import { OptionsPage } from './pages/options-page';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

describe('the 4-part coaching check-in', () => {
  it('runs all four parts; the commitment becomes an experiment and the next check-in is a cue that opens it', async () => {
    const options = new OptionsPage(await browser.open('options.html'));
    await options.addHabit({ name: 'Review team code' });
    await options.status().getByText('Saved habit “Review team code”').waitFor();

    const page = await browser.open('checkin.html');
    await page.getByRole('heading', { name: 'Coaching check-in' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    // 1. Data review, with its timer started and paused (a guide, never enforced).
    await page.getByText('What does the data show us since our last conversation?').waitFor();
    await page.getByRole('list', { name: 'Behaviours since the last conversation' }).getByText('Review team code').waitFor();
    // The dashboard itself, live inside the data review.
    await page.frameLocator('iframe[title^="Your dashboard"]').getByRole('heading', { name: 'Leading metrics' }).waitFor();
    const timer = page.getByRole('timer', { name: 'Data review timer' });
    await page.getByRole('button', { name: 'Start' }).first().click();
    await expect.poll(() => timer.textContent(), { timeout: 5_000 }).not.toMatch(/^0:00/);
    await page.getByRole('button', { name: 'Pause' }).click();
    // 2. Insight.
    await page.getByLabel('What went well?').fill('Reviews most afternoons');
    await page.getByLabel('What obstacles did you encounter?').fill('Meetings after lunch');
    await page.getByLabel('What did you learn?').fill('Mornings are quieter');
    // 3. Forward action.
    await page.getByLabel('What is the single most important behaviour to focus on before our next session?').selectOption({ label: 'Review team code' });
    await page.getByLabel('What micro-experiment could we run?').fill('If I review right after stand-up, fewer bugs reach QA');
    // 4. Commitment and support, turned into an experiment.
    await page.getByLabel('What’s your commitment?').fill('Review after stand-up every workday');
    await page.getByLabel('How will you track it?').fill('Check-offs in the popup');
    await page.getByLabel('What support do you need?').fill('No meetings before 10:00');
    await page.getByRole('radio', { name: /^A two-week experiment/ }).check();
    await page.getByLabel('Daily measure').fill('Bugs found in review');
    await page.getByLabel('Day', { exact: true }).selectOption({ label: 'Thursday' }); // within the 48 hours alarms are kept for
    await page.getByLabel('How often').selectOption({ label: 'Every two weeks' }); // the first is this Thursday all the same
    await page.getByRole('button', { name: 'Finish the check-in' }).click();
    await page.getByRole('heading', { name: 'Check-in saved' }).waitFor();
    await page.getByText('it runs as a two-week experiment from today').waitFor();

    const habits = await readStore(browser, 'habits');
    const review = habits.find((h) => h.name === 'Review team code')!;
    const checkIn = habits.find((h) => h.kind === 'checkin')!;
    expect(checkIn).toMatchObject({ onDashboard: false, schedule: expect.objectContaining({ days: [4], everyWeeks: 2 }) });
    expect(await readStore(browser, 'experiments')).toEqual([
      expect.objectContaining({ habitId: review.id, status: 'running', hypothesis: 'If I review right after stand-up, fewer bugs reach QA' }),
    ]);
    expect(await readStore(browser, 'coachingSessions')).toEqual([
      expect.objectContaining({ commitment: 'Review after stand-up every workday', support: 'No meetings before 10:00', finishedAt: expect.any(Number) }),
    ]);

    // The next check-in's cue fires, and where it leads is the check-in.
    const cue = await until(async () => (await alarms(browser)).find((a) => a.name.startsWith(`cue|${String(checkIn.id)}|`)), 'the check-in cue alarm');
    await browser.inWorker(({ name }) => chrome.alarms.create(name, { when: Date.now() + 50 }), { name: cue.name });
    await until(async () => cue.name in (await browser.inWorker(() => chrome.notifications.getAll(), undefined)), 'the check-in prompt');
    const [, , at] = cue.name.split('|');
    const opened = await browser.open(`cue.html?habit=${String(checkIn.id)}&at=${at}`);
    await opened.waitForURL(/checkin\.html/);
    const history = opened.getByRole('list', { name: 'Earlier check-ins' });
    await history.locator('summary').first().click(); // read it back
    await history.getByText('- **Support needed:** No meetings before 10:00').waitFor();
    expect(await opened.getByLabel('How often').inputValue()).toBe('biweekly'); // the card shows the cadence chosen
    expect(await axeViolations(opened)).toEqual([]);
  });
});
