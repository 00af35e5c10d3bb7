import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SiteServer } from '../fakes/site-server';
import { firstCueAlarm, launch, readStore, until, type Browser } from './extension';

// A focus block end to end, in real Chromium, through the pages a person uses: the site list and the habit in
// options, the cue's alarm, Start now, a held-back site (a local server under a real-looking name), its one-minute
// pass, the browser restarted mid-block, the end and its rating, the dashboard; then a block the browser outlives
// closed and reopens after its end. The clock is pinned (Wednesday 2026-06-10, 13:00 in New York) at each launch.

const SITE = 'mail.example.com';
/** Real-looking names for the local site: the held-back mail site and the work's document host. */
const HOSTS = '--host-resolver-rules=MAP *.example.com 127.0.0.1, MAP example.com 127.0.0.1';
const INTENTION = 'the design doc for the billing migration';

let browser: Browser;
let site: SiteServer;
let profile: string;

beforeAll(async () => {
  site = await new SiteServer().start();
  browser = await launch({ args: [HOSTS] });
  profile = browser.profile;
});
afterAll(async () => {
  await browser.stop();
  await site.stop();
  const { rmSync } = await import('node:fs');
  rmSync(profile, { recursive: true, force: true });
});

/** Start the same profile again at another instant. */
async function relaunch(at: string): Promise<void> {
  await browser.stop();
  browser = await launch({ at, profile, args: [HOSTS] });
}

/** The current block as stored (the meta store holds it beside other values). */
async function storedBlock(): Promise<Record<string, unknown> | undefined> {
  return (await readStore(browser, 'meta')).find((v) => typeof v === 'object' && v !== null && 'budgetMs' in v);
}

const liveRules = () =>
  browser.inWorker(
    async () => ({ session: await chrome.declarativeNetRequest.getSessionRules(), dynamic: await chrome.declarativeNetRequest.getDynamicRules() }),
    undefined,
  );

/**
 * Headless Chromium cannot answer its own permission prompt. `chrome://extensions` (the page where a person manages
 * an extension's site access) records the site as allowed, so the options page's own request then resolves at once.
 */
async function allowSiteAccessInAdvance(origin: string): Promise<void> {
  const page = await browser.context.newPage();
  await page.goto('chrome://extensions');
  await page.evaluate(
    ([id, pattern]) =>
      (chrome as unknown as { developerPrivate: { addHostPermission(id: string, p: string): Promise<void> } }).developerPrivate.addHostPermission(
        id!,
        pattern!,
      ),
    [browser.id, origin],
  );
  await page.close();
}

describe('a deep-work focus block, end to end', () => {
  it('focus cue → Start now → a held-back site shows Cueboard’s page → pass recorded → restart mid-block → end, rate → dashboard minutes', async () => {
    // The site list: added in options, its permission asked in the click.
    const options = await browser.open('options.html#focus');
    const focus = options.getByRole('region', { name: 'Focus' });
    await focus.getByText('No sites yet.').waitFor();
    await allowSiteAccessInAdvance(`*://*.${SITE}/*`);
    await focus.getByLabel('Site', { exact: true }).fill(`https://${SITE}/`);
    await focus.getByRole('button', { name: 'Add', exact: true }).click();
    await focus.getByText('held back during focus').waitFor();
    expect(await browser.inWorker((o) => chrome.permissions.contains({ origins: [o] }), `*://*.${SITE}/*`)).toBe(true);

    // The focus habit: 60 minutes at 13:05, every day.
    const form = options.getByRole('form', { name: 'New habit' });
    await form.getByLabel('Behaviour').fill('Deep work before email');
    await form.getByLabel('This is a deep-work focus block').check();
    await form.getByLabel('Length (minutes)').fill('60');
    await form.getByLabel('Intention').fill(INTENTION);
    for (const day of ['Sat', 'Sun']) await form.getByLabel(day, { exact: true }).check();
    await form.getByLabel('Cue time').fill('13:05');
    await form.getByLabel('Two-minute start').fill('Open the design doc');
    await form.getByLabel('Link that opens the work (optional)').fill(`http://docs.example.com:${site.port}/design`);
    await form.getByRole('button', { name: 'Add habit' }).click();
    await options.getByRole('status').getByText('Saved habit “Deep work before email”').waitFor();

    // The cue fires: the browser's own alarm, moved to now under its name; a focus prompt, nothing running yet.
    const cue = await firstCueAlarm(browser);
    await browser.inWorker(({ name }) => chrome.alarms.create(name, { when: Date.now() + 50 }), { name: cue.name });
    await expect.poll(() => browser.inWorker(() => chrome.notifications.getAll(), undefined), { timeout: 10_000 }).toHaveProperty([cue.name]);
    expect(await liveRules()).toEqual({ session: [], dynamic: [] });

    // Start now, from the cue page the prompt leads to: the work opens, the block runs, the site is held back.
    const cuePage = await browser.open(`cue.html?habit=${cue.habitId}&at=${cue.cueAt}`);
    const work = browser.context.waitForEvent('page', (p) => p.url().includes('docs.example.com'));
    await cuePage.getByRole('button', { name: 'Start now' }).click();
    await work;
    await cuePage.getByRole('timer', { name: 'Focus time left' }).waitFor();
    await until(async () => (await liveRules()).session.length === 1, 'the session rule for the held-back site');
    expect(await storedBlock()).toMatchObject({ state: 'running', habitId: cue.habitId, cueAt: Number(cue.cueAt), intention: INTENTION });
    const badge = await browser.inWorker(() => chrome.action.getBadgeText({}), undefined);
    expect(badge).toMatch(/^(60|59)m$/u);

    // The mail site, typed in: Cueboard's calm page instead, then a one-minute pass on to the address asked for.
    const mail = await browser.context.newPage();
    const inbox = `http://${SITE}:${site.port}/inbox?folder=all&page=2`;
    await mail.goto(inbox).catch(() => undefined);
    await mail.getByRole('heading', { name: new RegExp(`^Deep work until .+ — ${SITE.replace(/\./gu, '\\.')} after\\.$`, 'u') }).waitFor();
    expect(mail.url()).toMatch(new RegExp(`^chrome-extension://${browser.id}/held\\.html`, 'u'));
    expect(site.visits.some((v) => v.includes('/inbox'))).toBe(false);
    await mail.getByRole('button', { name: 'One-minute pass' }).click();
    await mail.waitForURL(inbox);
    await mail.getByRole('heading', { name: 'Site page /inbox?folder=all&page=2' }).waitFor();
    await until(async () => ((await storedBlock())?.passes as unknown[] | undefined)?.length === 1, 'the pass recorded with the block');
    expect((await storedBlock())?.passes).toEqual([expect.objectContaining({ host: SITE })]);
    // During the pass the site is let through; the rule comes back when the minute is up (the worker's alarm).
    expect((await liveRules()).session).toEqual([]);

    // The browser closes mid-block and starts again 30 minutes on: its session rules died with it, and start-up
    // puts them back, because the block still runs.
    await relaunch('2026-06-10T13:36:00-04:00');
    await until(async () => (await liveRules()).session.length === 1, 'the rule restored at start-up');
    expect(await storedBlock()).toMatchObject({ state: 'running' });

    // End it from the popup, rate it, and the dashboard shows the minutes.
    const popup = await browser.open('popup.html');
    await popup.getByRole('button', { name: 'End now' }).click();
    await popup.getByRole('group', { name: 'How focused were you?' }).waitFor();
    expect(await liveRules()).toEqual({ session: [], dynamic: [] });
    await popup.getByRole('radio', { name: '4' }).check();
    await popup.getByLabel('What did you move forward?').fill('Rollout section drafted');
    await popup.getByRole('button', { name: 'Save' }).click();
    const checkIn = await until(async () => (await readStore(browser, 'checkIns')).find((c) => c.rating === 4), 'the rated check-in');
    const [record] = await readStore(browser, 'focusSessions');
    expect(record).toMatchObject({ end: 'ended-early', rating: 4, passes: [expect.objectContaining({ host: SITE })] });
    // About 35 minutes ran across the restart (the clock kept going), less the one-minute pass.
    const focused = Math.floor(((record!.endedAt as number) - (record!.startsAt as number) - 60_000) / 60_000);
    expect(focused).toBeGreaterThanOrEqual(30);
    expect(checkIn).toMatchObject({
      habitId: cue.habitId,
      status: 'done',
      source: 'focus',
      value: focused,
      rating: 4,
      note: 'Rollout section drafted',
      cueAt: Number(cue.cueAt),
    });
    await popup.reload();
    await popup.getByText(new RegExp(`^Focus this week: ${String(checkIn.value)} min · average focus 4 of 5$`, 'u')).waitFor();
  });

  it('the browser closed mid-block and reopened after its end: no rule left, the block ended at its end time', async () => {
    const [habit] = await readStore(browser, 'habits');
    const cuePage = await browser.open(`cue.html?habit=${String(habit!.id)}`);
    await cuePage.getByRole('button', { name: 'Start now' }).click();
    await cuePage.getByRole('timer', { name: 'Focus time left' }).waitFor();
    await until(async () => (await liveRules()).session.length === 1, 'the session rule');
    const started = (await storedBlock())!;

    // Closed mid-block; reopened three hours later, long after its 60 minutes.
    await relaunch('2026-06-10T17:00:00-04:00');
    const ended = await until(async () => {
      const block = await storedBlock();
      return block?.state === 'ended' ? block : undefined;
    }, 'the block ended at start-up');
    expect(ended).toMatchObject({ end: 'time-up', endedAt: (started.startsAt as number) + 60 * 60_000 });
    expect(await liveRules()).toEqual({ session: [], dynamic: [] });
    expect(await browser.inWorker(() => chrome.alarms.get('cueboard:focus'), undefined)).toBeUndefined();
    // Its 60 minutes count, for the day it ran.
    const checkIns = await readStore(browser, 'checkIns');
    expect(checkIns.find((c) => c.id === `focus|${String(started.id)}`)).toMatchObject({ value: 60, status: 'done', localDate: '2026-06-10' });
    // The held page no longer shows: the site loads.
    const mail = await browser.context.newPage();
    await mail.goto(`http://${SITE}:${site.port}/later`);
    await mail.getByRole('heading', { name: 'Site page /later' }).waitFor();
  });
});
