import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeGoogle } from '../fakes/google/fake-google-server';
import { buildVariant, googleFakeSettings } from './build';
import { firstCueAlarm, launch, readStore, until, type Browser } from './extension';
import { OptionsPage } from './pages/options-page';

let fake: FakeGoogle;
let browser: Browser;

beforeAll(async () => {
  fake = await new FakeGoogle().start();
  browser = await launch({ extensionDir: buildVariant('test', googleFakeSettings(fake)) });
}, 90_000);
afterAll(async () => {
  await browser?.close();
  await fake?.stop();
});

describe('a calendar whose writes hang', () => {
  it('Save says "Saved" before the calendar answers, and a cue during the hung drain still prompts', async () => {
    const options = new OptionsPage(await browser.open('options.html'));
    await options.page.getByRole('button', { name: 'Connect Google Calendar' }).click();
    await options.page.getByText('Cues are recurring events in your Google Calendar.').waitFor();

    // From now on Google takes every write and never answers it.
    fake.faultPolicy = (method) => (method === 'GET' ? undefined : 'timeout');
    const started = Date.now();
    await options.addHabit({ name: 'Review team code', firstStep: 'Open the review queue' });
    await options.status().getByText('Saved habit “Review team code”').waitFor();
    const saveMs = Date.now() - started;
    const habitId = (await readStore(browser, 'habits'))[0]!.id as string;
    // The write was sent and is still hanging: "Saved" did not wait for it.
    await until(async () => fake.held > 0, 'the write to reach Google and hang');
    expect(fake.seriesFor(habitId)).toEqual([]);
    console.log(`Save → "Saved" with writes hanging: ${saveMs} ms (fill + click + status)`);

    // A cue alarm arrives while the drain is stuck on that write: it prompts at once.
    const cue = await firstCueAlarm(browser);
    await browser.inWorker(({ name }) => chrome.alarms.create(name, { when: Date.now() + 50 }), { name: cue.name });
    await until(async () => cue.name in (await browser.inWorker(() => chrome.notifications.getAll(), undefined)), 'the cue prompt');
    // The drain had not finished its first try when the prompt came (no attempt recorded yet).
    expect(await readStore(browser, 'outbox')).toEqual([expect.objectContaining({ habitId, attempts: 0 })]);
    expect(fake.held).toBeGreaterThan(0);
    fake.faultPolicy = () => undefined;
  });
});
