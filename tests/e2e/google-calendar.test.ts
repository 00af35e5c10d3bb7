import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeGoogle } from '../fakes/google/fake-google-server';
import { buildVariant, googleFakeSettings } from './build';
import { alarms, firstCueAlarm, launch, readStore, until, type Browser } from './extension';
import { OptionsPage } from './pages/options-page';

let fake: FakeGoogle;
let browser: Browser;

beforeAll(async () => {
  fake = await new FakeGoogle().start();
  // A test build aimed at the fake: its API and its authorization endpoint, which redirects at once with a token.
  browser = await launch({ extensionDir: buildVariant('test', googleFakeSettings(fake)) });
}, 90_000);
afterAll(async () => {
  await browser?.close();
  await fake?.stop();
});

describe('Google Calendar, end to end against the fake', () => {
  it('connects through launchWebAuthFlow, writes the series, and the alarm follows an instance moved in Google', async () => {
    const options = new OptionsPage(await browser.open('options.html'));
    await options.page.getByRole('button', { name: 'Connect Google Calendar' }).click();
    await options.page.getByText('Cues are recurring events in your Google Calendar.').waitFor();
    expect(await readStore(browser, 'auth')).toEqual([expect.objectContaining({ provider: 'google', accessToken: expect.stringMatching(/^ya29\.fake-/) })]);

    await options.addHabit({ name: 'Review team code', firstStep: 'Open the review queue' });
    await options.status().getByText('Saved habit “Review team code”').waitFor();
    const habitId = (await readStore(browser, 'habits'))[0]!.id as string;
    const [series] = await until(async () => (fake.seriesFor(habitId).length ? fake.seriesFor(habitId) : undefined), 'the series in Google');
    expect(series).toMatchObject({
      summary: 'Review team code',
      transparency: 'transparent',
      recurrence: ['RRULE:FREQ=DAILY'],
      start: { timeZone: 'America/New_York' },
    });
    await options.page.getByText('Everything is written.').waitFor();

    // The alarm comes from the instance Google returned; now the person drags it 2 h 15 min later in Google.
    const cue = await firstCueAlarm(browser);
    const movedTo = cue.scheduledTime + (2 * 60 + 15) * 60_000;
    fake.moveInstance(series!.id, cue.scheduledTime, movedTo);
    // The periodic poll fires (the browser's own alarm, brought forward).
    await browser.inWorker(() => chrome.alarms.create('cueboard:refresh', { when: Date.now() + 50, periodInMinutes: 15 }), undefined);
    await until(async () => (await alarms(browser)).some((a) => a.name === `cue|${habitId}|${movedTo}`), 'the alarm at the moved time');
    expect((await alarms(browser)).some((a) => a.name === cue.name)).toBe(false);
    expect((await alarms(browser)).find((a) => a.name === `cue|${habitId}|${movedTo}`)?.scheduledTime).toBe(movedTo);
  });

  it('shows a series deleted in Google as "cue missing" and repairs it in one click', async () => {
    const page = await browser.open('options.html');
    const habitId = (await readStore(browser, 'habits'))[0]!.id as string;
    fake.deleteSeries(fake.seriesFor(habitId)[0]!.id);
    await browser.inWorker(() => chrome.alarms.create('cueboard:refresh', { when: Date.now() + 50, periodInMinutes: 15 }), undefined);
    await until(async () => (await readStore(browser, 'series')).some((s) => s.state === 'missing'), 'the series marked missing');
    await page.reload();
    await page.getByText('cue missing').waitFor();
    await page.getByRole('button', { name: 'Repair cue: Review team code' }).click();
    await page.getByRole('status').getByText('Repaired the cue').waitFor();
    expect(fake.seriesFor(habitId)[0]?.status).toBe('confirmed');
  });

  it('disconnects, asked first: removes Cueboard’s events, then revokes and forgets the token; cues fall back to the local calendar', async () => {
    const page = await browser.open('options.html');
    const token = (await readStore(browser, 'auth'))[0]!.accessToken as string;
    const habitId = (await readStore(browser, 'habits'))[0]!.id as string;
    await page.getByRole('button', { name: 'Disconnect Google Calendar' }).click();
    // The question takes the focus: Escape cancels and gives it back, Enter on the first answer removes.
    await page.getByRole('group', { name: /Also remove Cueboard’s cue events from your Google Calendar/ }).waitFor();
    await page.keyboard.press('Escape');
    await until(
      async () => page.getByRole('button', { name: 'Disconnect Google Calendar' }).evaluate((b) => b === document.activeElement),
      'focus back on Disconnect',
    );
    await page.keyboard.press('Enter');
    await until(
      async () => page.getByRole('button', { name: 'Remove cues and disconnect' }).evaluate((b) => b === document.activeElement),
      'focus on the first answer',
    );
    await page.keyboard.press('Enter');
    await page.getByText('Cues live in Cueboard’s own calendar').waitFor();
    await until(async () => (await readStore(browser, 'auth')).length === 0, 'the token forgotten once the events are removed');
    expect(fake.seriesFor(habitId).every((e) => e.status === 'cancelled')).toBe(true);
    expect(fake.tokens.has(token)).toBe(false);
    await until(async () => (await alarms(browser)).some((a) => a.name.startsWith('cue|')), 'local cue alarms');
  });
});
