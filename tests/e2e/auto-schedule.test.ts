import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeGoogle } from '../fakes/google/fake-google-server';
import { buildVariant, googleFakeSettings } from './build';
import { alarms, firstCueAlarm, launch, readStore, until, type Browser } from './extension';

// Auto-scheduling in real Chromium against the fake Google: a flexible habit's block moves out of a meeting's way
// within one poll, and the alarm and the popup follow. The clock is pinned: Wednesday 2026-06-10, 13:00 in New York.

let fake: FakeGoogle;
let browser: Browser;
const ZONE = 'America/New_York';
/** A wall-clock time on 2026-06-10 in New York (EDT, UTC−4, that day). */
const at = (wall: string) => Date.parse(`${wall}:00-04:00`);

beforeAll(async () => {
  fake = await new FakeGoogle().start();
  browser = await launch({ extensionDir: buildVariant('test', googleFakeSettings(fake)) });
}, 90_000);
afterAll(async () => {
  await browser?.close();
  await fake?.stop();
});

const poll = () => browser.inWorker(() => chrome.alarms.create('cueboard:refresh', { when: Date.now() + 50, periodInMinutes: 15 }), undefined);

describe('a flexible habit in Google Calendar', () => {
  it('a meeting added over its slot moves today’s block to the nearest free time; the alarm and the popup follow', async () => {
    const page = await browser.open('options.html');
    await page.getByRole('button', { name: 'Connect Google Calendar' }).click();
    await page.getByText('Cues are recurring events in your Google Calendar.').waitFor();

    const form = page.getByRole('form', { name: 'New habit' });
    await form.getByLabel('Behaviour').fill('Review team code');
    await form.getByLabel('Target').fill('1');
    for (const day of ['Sat', 'Sun']) await form.getByLabel(day, { exact: true }).check();
    await form.getByLabel('Flexible: find free time in a window').check();
    await form.getByLabel('Ideal time').fill('14:00');
    await form.getByLabel('Window from').fill('13:00');
    await form.getByLabel('Window to').fill('17:00');
    await form.getByLabel('Two-minute start').fill('Open the review queue');
    await form.getByRole('button', { name: 'Add habit' }).click();
    await page.getByRole('status').getByText('Saved habit “Review team code”').waitFor();
    const habitId = (await readStore(browser, 'habits'))[0]!.id as string;
    const [series] = await until(async () => (fake.seriesFor(habitId).length ? fake.seriesFor(habitId) : undefined), 'the series in Google');
    // One series at the ideal time: history stays one series.
    expect(series).toMatchObject({ recurrence: ['RRULE:FREQ=DAILY'], start: { timeZone: ZONE } });
    const ideal = at('2026-06-10T14:00');
    expect((await firstCueAlarm(browser)).scheduledTime).toBe(ideal);

    // Someone books 13:50–14:20 over it. The next poll moves the block: 14:25 (after the 5-minute gap) is nearer
    // the ideal than 13:20.
    fake.addMeeting({ summary: 'Design review', start: at('2026-06-10T13:50'), end: at('2026-06-10T14:20') });
    await poll();
    const moved = at('2026-06-10T14:25');
    await until(async () => (await alarms(browser)).some((a) => a.name === `cue|${habitId}|${moved}`), 'the alarm at the new time');
    expect((await alarms(browser)).some((a) => a.name === `cue|${habitId}|${ideal}`)).toBe(false);
    expect(fake.instancePatches).toEqual([expect.objectContaining({ by: 'client' })]);
    expect(Date.parse(fake.instancePatches[0]!.start)).toBe(moved);

    const popup = await browser.open('popup.html');
    const time = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit', timeZone: ZONE }).format(moved);
    await popup.getByText(`cue ${time}`, { exact: false }).waitFor();
    expect(await readStore(browser, 'cueEvents')).toEqual(expect.arrayContaining([expect.objectContaining({ habitId, cueAt: moved, displacedFrom: ideal })]));

    // A steady poll after that changes nothing: no second patch.
    const polled = (await readStore(browser, 'cueSnapshots'))[0]?.fetchedAt as number;
    await poll();
    await until(async () => ((await readStore(browser, 'cueSnapshots'))[0]?.fetchedAt as number) > polled, 'a second poll');
    expect(fake.instancePatches).toHaveLength(1);
    expect((await alarms(browser)).some((a) => a.name === `cue|${habitId}|${moved}`)).toBe(true);
  });
});
