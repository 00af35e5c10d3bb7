import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SiteServer } from '../fakes/site-server';
import { axeViolations } from './axe';
import { launch, readStore, type Browser } from './extension';
import { seed } from './seed';

// The pages of a focus block: its cue page, the new tab and the popup while it runs, its end, and the held page.
// The browser's clock is pinned (Wednesday 2026-06-10, 13:00 in New York); the block is started from its cue page.

const ZONE = 'America/New_York';
/** This morning's cue of the focus habit, 08:30 in New York. */
const CUE_AT = Date.parse('2026-06-10T08:30:00-04:00');
const INTENTION = 'the design doc for the billing migration';

let browser: Browser;
let site: SiteServer;
beforeEach(async () => {
  site = await new SiteServer().start();
  // Real-looking host names for the local site: the work's link and a held-back site.
  browser = await launch({ args: ['--host-resolver-rules=MAP *.example.com 127.0.0.1'] });
});
afterEach(async () => {
  await browser.close();
  await site.stop();
});

/** A weekday 90-minute focus habit at 08:30 whose two-minute start opens the design doc. */
function focusHabit(now: number) {
  return {
    id: 'deep',
    name: 'Deep work before email',
    kind: 'focus',
    focus: { minutes: 90, intention: INTENTION },
    target: { kind: 'minutes', amount: 90, per: 'day' },
    schedule: { days: [1, 2, 3, 4, 5], startTime: '08:30', durationMinutes: 90, timeZone: ZONE },
    start: { firstStep: 'Open the design doc', link: `http://docs.example.com:${site.port}/design` },
    keystone: true,
    onDashboard: true,
    archived: false,
    startsOn: '2026-06-01',
    createdAt: now - 10 * 86_400_000,
    scheduleSince: now - 10 * 86_400_000,
  };
}

/** The current block as stored (the `meta` store holds it beside other values). */
async function storedBlock(b: Browser): Promise<Record<string, unknown> | undefined> {
  return (await readStore(b, 'meta')).find((v) => typeof v === 'object' && v !== null && 'budgetMs' in v);
}

async function newTab(b: Browser): Promise<Page> {
  const tab = await b.context.newPage();
  await tab.goto('chrome://newtab/');
  return tab;
}

describe('focus block pages', () => {
  it('cue → Start now opens the work; the new tab counts down; pause and +15 from the popup; end and rate', async () => {
    await seed(browser, { habits: [focusHabit(await browser.now())] });
    const cue = await browser.open(`cue.html?habit=deep&at=${CUE_AT}`);
    await cue.getByText(INTENTION).waitFor();
    await cue.getByText('90 minutes of deep work.').waitFor();
    expect(await axeViolations(cue)).toEqual([]);

    // Start now: the work opens at once, in a new tab, and the cue page shows the block.
    const work = browser.context.waitForEvent('page', (p) => p.url().includes('docs.example.com'));
    await cue.getByRole('button', { name: 'Start now' }).click();
    await work;
    await cue.getByRole('timer', { name: 'Focus time left' }).waitFor();
    await cue.getByText(/^Running until /).waitFor();
    expect(await storedBlock(browser)).toMatchObject({ habitId: 'deep', cueAt: CUE_AT, state: 'running', intention: INTENTION });

    // The new tab shows the block instead of the dashboard, counting down.
    const tab = await newTab(browser);
    await tab.getByRole('heading', { level: 1, name: INTENTION }).waitFor();
    expect(await tab.getByRole('heading', { name: 'Today' }).count()).toBe(0);
    const timer = tab.getByRole('timer', { name: 'Focus time left' });
    await expect.poll(() => timer.textContent()).toMatch(/^89:[0-5]\d$/);
    expect(await axeViolations(tab)).toEqual([]);

    // The popup pauses it; the new tab follows without a reload (the worker announces the change).
    const popup = await browser.open('popup.html');
    await popup.getByRole('button', { name: 'Pause' }).waitFor();
    expect(await axeViolations(popup)).toEqual([]);
    await popup.getByRole('button', { name: 'Pause' }).click();
    await popup.getByText('Paused: the countdown waits for you.').waitFor();
    await tab.getByText('Paused: the countdown waits for you.').waitFor();
    expect(await storedBlock(browser)).toMatchObject({ state: 'paused' });

    await tab.getByRole('button', { name: 'Resume' }).click();
    await tab.getByText(/^Running until /).waitFor();
    const before = await storedBlock(browser);
    await popup.getByRole('button', { name: '+15 min' }).click();
    await popup.getByRole('status').getByText('15 more minutes.').waitFor();
    expect(await storedBlock(browser)).toMatchObject({ budgetMs: (before!.budgetMs as number) + 15 * 60_000 });
    await expect.poll(() => timer.textContent()).toMatch(/^10[45]:[0-5]\d$/);

    // End now leads straight to the end's questions, with focus on the block's heading.
    await tab.getByRole('button', { name: 'End now' }).click();
    const form = tab.locator('form.focus-end');
    await form.getByRole('group', { name: 'How focused were you?' }).waitFor();
    await form.getByText('This block counted no minutes of focus.').waitFor();
    expect(await tab.evaluate(() => document.activeElement?.id)).toBe('focus-title');
    expect(await axeViolations(tab)).toEqual([]);
    // The popup shows the same questions.
    await popup.getByRole('group', { name: 'How focused were you?' }).waitFor();

    // A note without a rating is asked about, not lost.
    await form.getByLabel('What did you move forward?').fill('Sections 1–3 drafted');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByText('Choose how focused it felt, from 1 to 5, or skip the questions.').waitFor();
    await form.getByRole('radio', { name: '4' }).check();
    await form.getByRole('button', { name: 'Save' }).click();
    await tab.getByRole('status').getByText('Saved: focus 4 of 5.').waitFor();
    await expect
      .poll(async () => (await readStore(browser, 'focusSessions'))[0])
      .toMatchObject({ habitId: 'deep', rating: 4, note: 'Sections 1–3 drafted', end: 'ended-early' });
    expect(await storedBlock(browser)).toBeUndefined();

    // Back to the dashboard; the popup has nothing left to show.
    await tab.getByRole('button', { name: 'Show today' }).click();
    await tab.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
    await expect.poll(() => popup.locator('.focus-block').count()).toBe(0);
  });

  it('Start in 2 minutes, Begin now; a second block is refused in words; the held page’s pass is recorded; Skip; Not today', async () => {
    const habit = focusHabit(await browser.now());
    await seed(browser, {
      habits: [habit, { ...habit, id: 'writing', name: 'Writing hour', keystone: false, focus: { minutes: 60, intention: 'the essay' } }],
    });
    const cue = await browser.open(`cue.html?habit=deep&at=${CUE_AT}`);
    await cue.getByRole('button', { name: 'Start in 2 minutes' }).click();
    await cue.getByRole('timer', { name: 'Time until the timer starts' }).waitFor();
    expect(await storedBlock(browser)).toMatchObject({ state: 'pending' });
    await cue.getByRole('button', { name: 'Begin now' }).click();
    await cue.getByText(/^Running until /).waitFor();

    // Another focus cue while this block runs: the worker's refusal, in its words.
    const other = await browser.open(`cue.html?habit=writing&at=${CUE_AT}`);
    await other.getByRole('button', { name: 'Start now' }).click();
    await other.getByRole('alert').getByText('A focus block is already running. End it first, or let it finish.').waitFor();
    expect(await storedBlock(browser)).toMatchObject({ habitId: 'deep' });
    await other.close();

    // A new tab that had no word of the block (the hint pages leave says none) paints the dashboard, then the block.
    const tab = await newTab(browser);
    await tab.getByRole('heading', { level: 1, name: INTENTION }).waitFor();
    await tab.evaluate(() => localStorage.setItem('cueboard:focus', '0'));
    await tab.reload();
    await tab.getByRole('heading', { level: 1, name: INTENTION }).waitFor();
    expect(await tab.evaluate(() => localStorage.getItem('cueboard:focus'))).toBe('1');

    // A held-back site's page (the rule carries the address in the fragment): calm words and a one-minute pass.
    const inbox = `http://mail.example.com:${site.port}/inbox`;
    const held = await browser.open(`held.html?site=mail.example.com#${inbox}`);
    await held.getByRole('heading', { name: /^Deep work until .+ — mail\.example\.com after\.$/ }).waitFor();
    await held.getByText(INTENTION).waitFor();
    expect(await axeViolations(held)).toEqual([]);
    await held.getByRole('button', { name: 'One-minute pass' }).click();
    await held.waitForURL(inbox);
    expect(site.visits).toContain(`mail.example.com:${site.port}/inbox`);
    expect(await storedBlock(browser)).toMatchObject({ passes: [expect.objectContaining({ host: 'mail.example.com' })] });

    // The end names the pass; Skip lets the questions go.
    await cue.getByRole('button', { name: 'End now' }).click();
    await cue.getByText('1 one-minute pass to mail.example.com, recorded with this block.').waitFor();
    await cue.getByRole('button', { name: 'Skip' }).click();
    await cue.getByRole('status').getByText('Closed. This block counted no minutes.').waitFor();
    await expect
      .poll(async () => (await readStore(browser, 'focusSessions'))[0])
      .toMatchObject({ passes: [expect.objectContaining({ host: 'mail.example.com' })] });
    expect((await readStore(browser, 'focusSessions'))[0]).not.toHaveProperty('rating');

    // With no block running, the held page says so and links on.
    const stale = await browser.open(`held.html?site=mail.example.com#${inbox}`);
    await stale.getByRole('heading', { name: 'No focus block is running now' }).waitFor();
    expect(await stale.getByRole('link', { name: 'Continue to mail.example.com' }).getAttribute('href')).toBe(inbox);
    expect(await axeViolations(stale)).toEqual([]);

    // Not today, with a reason: a skipped check-in whose note is the reason.
    await cue.reload();
    await cue.getByRole('button', { name: 'Not today' }).click();
    await cue.getByLabel('Why not today?').fill('Offsite all day');
    expect(await axeViolations(cue)).toEqual([]);
    await cue.getByRole('button', { name: 'Skip today' }).click();
    await cue.getByRole('status').getByText('Skipped for today.').waitFor();
    expect(await readStore(browser, 'checkIns')).toEqual([
      expect.objectContaining({ habitId: 'deep', status: 'skipped', note: 'Offsite all day', cueAt: CUE_AT }),
    ]);
  });

  it('a block whose time runs out on screen ends there: the page asks the worker to settle it, and the answers are taken', async () => {
    const now = await browser.now();
    await seed(browser, { habits: [focusHabit(now)] });
    // A running block with three seconds left, as if begun 90 minutes ago; the worker has set no alarm for it.
    const block = {
      id: 'b1',
      habitId: 'deep',
      cueAt: CUE_AT,
      intention: INTENTION,
      budgetMs: 90 * 60_000,
      createdAt: now - 90 * 60_000 + 3_000,
      state: 'running',
      startsAt: now - 90 * 60_000 + 3_000,
      runningSince: now - 90 * 60_000 + 3_000,
      runMs: 0,
      pausedMs: 0,
      passes: [],
      heldCues: [],
    };
    await browser.inWorker(
      (value: object) =>
        new Promise<void>((done) => {
          const r = indexedDB.open('cueboard');
          r.onsuccess = () => {
            const tx = r.result.transaction('meta', 'readwrite');
            tx.objectStore('meta').put(value, 'focusSession');
            tx.oncomplete = () => {
              r.result.close();
              done();
            };
          };
        }),
      block,
    );
    const tab = await newTab(browser);
    await tab.getByRole('group', { name: 'How focused were you?' }).waitFor();
    await tab.getByText(/^Time is up: the block ended at /).waitFor();
    await expect.poll(async () => (await storedBlock(browser))?.state).toBe('ended');
    await tab.getByRole('radio', { name: '5' }).check();
    await tab.getByRole('button', { name: 'Save' }).click();
    await tab.getByRole('status').getByText('Saved: focus 5 of 5, 90 minutes of deep work.').waitFor();
    expect(await readStore(browser, 'checkIns')).toEqual([expect.objectContaining({ habitId: 'deep', status: 'done', source: 'focus', value: 90 })]);
  });
});
