import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeGraph } from '../fakes/outlook/fake-graph-server';
import { buildVariant } from './build';
import { alarms, firstCueAlarm, launch, readStore, until, type Browser } from './extension';
import { OptionsPage } from './pages/options-page';

let fake: FakeGraph;
let browser: Browser;

beforeAll(async () => {
  fake = await new FakeGraph().start();
  // A test build aimed at the fakes: Graph and the identity platform (PKCE code flow, 24-hour refresh tokens).
  const dir = buildVariant('test', { WXT_GRAPH_API_BASE: fake.url, WXT_MS_AUTH_BASE: fake.authBase, WXT_MS_CLIENT_ID: 'cueboard-spa-test' });
  browser = await launch({ extensionDir: dir });
}, 90_000);
afterAll(async () => {
  await browser?.close();
  await fake?.stop();
});

const refresh = () => browser.inWorker(() => chrome.alarms.create('cueboard:refresh', { when: Date.now() + 50, periodInMinutes: 15 }), undefined);

describe('Outlook, end to end against the fake Graph and identity platform', () => {
  it('connects with PKCE, writes the series, and the alarm follows an occurrence moved in Outlook', async () => {
    const options = new OptionsPage(await browser.open('options.html'));
    await options.page.getByRole('button', { name: 'Connect Outlook' }).click();
    await options.page.getByText('Cues are recurring events in your Outlook.').waitFor();
    expect(await readStore(browser, 'auth')).toEqual([expect.objectContaining({ provider: 'outlook', refreshToken: expect.stringMatching(/^rt-/) })]);

    await options.addHabit({ name: 'Outreach calls', firstStep: 'Open the CRM list' });
    await options.status().getByText('Saved habit “Outreach calls”').waitFor();
    const habitId = (await readStore(browser, 'habits'))[0]!.id as string;
    const [series] = await until(async () => (fake.seriesFor(habitId).length ? fake.seriesFor(habitId) : undefined), 'the series in Outlook');
    expect(series).toMatchObject({
      subject: 'Outreach calls',
      showAs: 'free',
      isReminderOn: true,
      reminderMinutesBeforeStart: 0,
      recurrence: { range: { recurrenceTimeZone: 'America/New_York' } },
    });

    const cue = await firstCueAlarm(browser);
    const movedTo = cue.scheduledTime + 90 * 60_000;
    fake.moveOccurrence(series!.id, cue.scheduledTime, movedTo);
    await refresh();
    await until(async () => (await alarms(browser)).some((a) => a.name === `cue|${habitId}|${movedTo}`), 'the alarm at the moved time');
    expect((await alarms(browser)).some((a) => a.name === cue.name)).toBe(false);
  });

  it('expired refresh token: a calm reconnect prompt and badge, the edit waits, reconnecting writes it', async () => {
    const habitId = (await readStore(browser, 'habits'))[0]!.id as string;
    // A day passes at the token service: access and refresh tokens are dead; the login cookie too (silent fails).
    fake.silentAuthFails = true;
    fake.advance(25 * 3600_000);

    const options = new OptionsPage(await browser.open('options.html'));
    await options.page.getByRole('button', { name: 'Edit Outreach calls' }).click();
    const form = options.page.getByRole('form', { name: 'Edit habit' });
    await form.getByLabel('Behaviour').fill('Outreach calls (warm leads)');
    await form.getByRole('button', { name: 'Save habit' }).click();
    await options.status().getByText('Saved habit “Outreach calls (warm leads)”').waitFor();

    await options.page.reload();
    await options.page.getByText('Outlook asks you to sign in again. Nothing is lost').waitFor();
    expect(await browser.inWorker(() => chrome.action.getBadgeText({}), undefined)).toBe('!');
    expect(fake.seriesFor(habitId)[0]?.subject).toBe('Outreach calls');
    expect((await readStore(browser, 'outbox')).map((e) => e.habitId)).toEqual([habitId]);

    await options.page.getByRole('button', { name: 'Reconnect Outlook' }).click();
    await options.page.getByText('Everything is written.').waitFor();
    expect(fake.seriesFor(habitId)).toHaveLength(1);
    expect(fake.seriesFor(habitId)[0]?.subject).toBe('Outreach calls (warm leads)');
    // The "!" gives way to the count of today's open cues.
    expect(await browser.inWorker(() => chrome.action.getBadgeText({}), undefined)).not.toBe('!');
  });
});
