import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations } from './axe';
import { launch, readStore, until, type Browser } from './extension';
import { seed } from './seed';

const DAY = 86_400_000;
const ZONE = 'America/New_York';

let browser: Browser | undefined;
afterEach(async () => {
  await browser?.close();
  browser = undefined;
});

/** New York's date at `now`, and plain calendar arithmetic on it (in UTC, so no clock change interferes). */
function datesAt(now: number) {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  return (daysBefore: number) => new Date(Date.parse(`${today}T00:00:00Z`) - daysBefore * DAY).toISOString().slice(0, 10);
}

/** A weekday habit (the keystone) begun three weeks ago, optionally serving an outcome. */
function habit(now: number, daysBefore: (n: number) => string, outcomeId?: string) {
  return {
    id: 'review',
    name: 'Review team code',
    ...(outcomeId ? { outcomeId } : {}),
    target: { kind: 'count', amount: 1, per: 'day' },
    schedule: { days: [1, 2, 3, 4, 5], startTime: '09:00', durationMinutes: 30, timeZone: ZONE },
    start: { firstStep: 'Open the review queue' },
    keystone: true,
    onDashboard: true,
    archived: false,
    startsOn: daysBefore(28),
    createdAt: now - 28 * DAY,
    scheduleSince: now - 28 * DAY,
  };
}

function done(date: string, now: number, n: number) {
  return { id: `c${n}`, habitId: 'review', localDate: date, at: now, timeZone: ZONE, value: 1, status: 'done', source: 'popup' };
}

function dismissals(b: Browser): Promise<Record<string, number> | undefined> {
  return b.inWorker(
    () =>
      new Promise<Record<string, number> | undefined>((ok) => {
        const r = indexedDB.open('cueboard');
        r.onsuccess = () => {
          const get = r.result.transaction('meta').objectStore('meta').get('trapDismissals');
          get.onsuccess = () => {
            ok(get.result as Record<string, number> | undefined);
            r.result.close();
          };
        };
      }),
    undefined,
  );
}

/** Wait until the page's trap questions have loaded and rendered (they come after the dashboard's first paint). */
async function trapsSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => performance.getEntriesByName('cueboard:traps-loaded').length > 0);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

describe('trap questions', () => {
  it('asks set-and-forget after eight quiet days; "Not now" puts it away, and it stays away on reopening', async () => {
    const b = (browser = await launch()); // Wednesday 2026-06-10, 13:00 in New York
    const now = await b.now();
    const daysBefore = datesAt(now);
    // The last check-off was eight days ago.
    await seed(b, { habits: [habit(now, daysBefore)], checkIns: [done(daysBefore(8), now - 8 * DAY, 1)] });
    const QUESTION = 'Would a shorter loop help?';

    const tab = await b.context.newPage();
    await tab.goto('chrome://newtab/');
    await tab.getByRole('heading', { name: QUESTION }).waitFor();

    const popup = await b.open('popup.html');
    const question = popup.getByRole('heading', { name: QUESTION });
    await question.waitFor();
    await popup.getByText('Nothing has been checked off in the last seven days.').waitFor();
    await popup.getByRole('button', { name: 'Schedule a weekly huddle (Mondays at 09:00, 10 minutes)' }).waitFor();
    expect(await axeViolations(popup)).toEqual([]);

    // Keyboard only: focus "Not now" and press Enter.
    await popup.getByRole('button', { name: 'Not now' }).focus();
    await popup.keyboard.press('Enter');
    await popup.getByText('We’ll ask again in a week, if it still holds.').waitFor();
    expect(await question.count()).toBe(0);
    // The focus stays in the section the question left, not lost to the page.
    expect(await popup.evaluate(() => document.activeElement?.getAttribute('aria-labelledby'))).toBe('traps-title');

    const stored = await until(async () => (await dismissals(b))?.['set-and-forget'], 'the dismissal in IndexedDB');
    const after = await b.now();
    expect(stored - after).toBeGreaterThan(7 * DAY - 60_000);
    expect(stored - after).toBeLessThanOrEqual(7 * DAY);
    expect(await readStore(b, 'habits')).toHaveLength(1); // "Not now" makes nothing

    await popup.close();
    const again = await b.open('popup.html');
    await again.getByRole('button', { name: 'Done: Review team code' }).waitFor();
    await trapsSettled(again);
    expect(await again.getByRole('heading', { name: QUESTION }).count()).toBe(0);

    await tab.reload();
    await trapsSettled(tab);
    expect(await tab.getByRole('heading', { name: QUESTION }).count()).toBe(0);
  });

  it('asks about fixation (answer: the habit opens in options) and for a missing outcome value (answered inline)', async () => {
    const b = (browser = await launch());
    const now = await b.now();
    const daysBefore = datesAt(now);
    // Today is a Wednesday: every weekday of the three weeks before this one was checked off, and today too.
    const checkIns = Array.from({ length: 24 }, (_, i) => daysBefore(i))
      .filter((date) => ![0, 6].includes(new Date(`${date}T12:00:00Z`).getUTCDay()))
      .map((date, i) => done(date, now - i * DAY, i));
    const outcome = (id: string, name: string) => ({
      id,
      name,
      unit: 'bugs',
      baseline: 40,
      target: 32,
      targetDate: '2027-03-31',
      direction: 'down',
      archived: false,
      createdAt: now - 40 * DAY,
    });
    const flat = [14, 7, 0].map((d, i) => ({ id: `v${i}`, outcomeId: 'bugs', localDate: daysBefore(d), value: 38 }));
    const second = { ...habit(now, daysBefore, 'escaped'), id: 'triage', name: 'Triage new reports', keystone: false };
    await seed(b, {
      habits: [habit(now, daysBefore, 'bugs'), second],
      checkIns,
      outcomes: [outcome('bugs', 'Bugs per sprint'), outcome('escaped', 'Escaped defects')],
      outcomeValues: flat,
    });

    const popup = await b.open('popup.html');
    const fixation = popup.getByRole('listitem', { name: 'Is this behaviour still the most effective way to reach “Bugs per sprint”?' });
    await fixation.waitFor();
    await fixation.getByText('“Review team code” has met its target three weeks running, while “Bugs per sprint” has held about level').waitFor();
    // "Start an experiment" is offered beside "Adjust the behaviour" (it opens the experiment form on this habit).
    await fixation.getByRole('button', { name: 'Start an experiment' }).waitFor();
    const missing = popup.getByRole('listitem', { name: 'What is “Escaped defects” this week?' });
    await missing.waitFor();
    expect(await axeViolations(popup)).toEqual([]);

    // A value that is not a number is refused beside the field; a number answers the question.
    const field = missing.getByLabel('This week’s value (bugs)');
    await field.fill('lots');
    await missing.getByRole('button', { name: 'Log value' }).click();
    await missing.getByText('Enter the value as a number.').waitFor();
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    await field.fill('3');
    await missing.getByRole('button', { name: 'Log value' }).click();
    await popup.getByText('Logged 3 bugs for “Escaped defects”.').waitFor();
    expect(await missing.count()).toBe(0);
    expect((await readStore(b, 'outcomeValues')).filter((v) => v.outcomeId === 'escaped')).toEqual([
      expect.objectContaining({ value: 3, localDate: daysBefore(0) }),
    ]);

    // "Adjust the behaviour" opens the habit's form in options, focused, and puts the question away for the week.
    const opened = b.context.waitForEvent('page');
    await fixation.getByRole('button', { name: 'Adjust the behaviour' }).click();
    const options = await opened;
    expect(options.url()).toMatch(/\/options\.html#habit=review$/);
    const form = options.getByRole('form', { name: 'Edit habit' });
    await until(async () => (await form.getByLabel('Behaviour').evaluate((el) => el === document.activeElement)) || undefined, 'the focus in the habit form');
    expect(await form.getByLabel('Behaviour').inputValue()).toBe('Review team code');
    expect(await until(async () => (await dismissals(b))?.['fixation|review'], 'the fixation question put away')).toBeGreaterThan(now);
  });

  it('schedules the weekly huddle in one click, and Undo takes it back', async () => {
    const b = (browser = await launch());
    const now = await b.now();
    const daysBefore = datesAt(now);
    await seed(b, { habits: [habit(now, daysBefore)], checkIns: [done(daysBefore(9), now - 9 * DAY, 1)] });
    const popup = await b.open('popup.html');
    await popup.getByRole('button', { name: 'Schedule a weekly huddle (Mondays at 09:00, 10 minutes)' }).click();
    await popup.getByText('Scheduled “Weekly huddle: Review team code”: Mondays at 09:00, 10 minutes.').waitFor();
    // The dashboard reloads with the new habit beside the keystone, and the question is answered for the week.
    await popup.getByRole('button', { name: 'Done: Weekly huddle: Review team code' }).waitFor();
    expect(await popup.getByRole('heading', { name: 'Would a shorter loop help?' }).count()).toBe(0);
    const huddle = (await readStore(b, 'habits')).find((h) => h.name === 'Weekly huddle: Review team code');
    expect(huddle).toMatchObject({
      target: { kind: 'count', amount: 1, per: 'week' },
      schedule: { days: [1], startTime: '09:00', durationMinutes: 10 },
      archived: false,
    });

    await popup.getByRole('button', { name: 'Undo' }).click();
    await popup.getByText('Undone: the huddle is off the calendar.').waitFor();
    await popup.getByRole('heading', { name: 'Would a shorter loop help?' }).waitFor();
    expect((await readStore(b, 'habits')).find((h) => h.id === huddle!.id)).toMatchObject({ archived: true });
    expect(await popup.getByRole('button', { name: 'Done: Weekly huddle: Review team code' }).count()).toBe(0);
  });
});
