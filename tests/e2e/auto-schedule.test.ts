import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeGoogle } from '../fakes/google/fake-google-server';
import { FakeGraph } from '../fakes/outlook/fake-graph-server';
import { buildVariant, googleFakeSettings } from './build';
import { alarms, firstCueAlarm, launch, readStore, until, type Browser } from './extension';
import { recordedGlance, settledWorker } from './glance-recorder';

// Auto-scheduling in real Chromium against the fake Google: a flexible habit's block moves out of a meeting's way
// within one poll, and the alarm and the popup follow. The clock is pinned: Wednesday 2026-06-10, 13:00 in New York.

let fake: FakeGoogle;
let graph: FakeGraph;
let browser: Browser;
let outlook: Browser;
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
  await outlook?.close();
  await graph?.stop();
});

const pollIn = (b: Browser) => b.inWorker(() => chrome.alarms.create('cueboard:refresh', { when: Date.now() + 50, periodInMinutes: 15 }), undefined);
const poll = () => pollIn(browser);

/** The options form, filled for a flexible habit: 30 minutes between 13:00 and 17:00 every day, ideally 14:00. */
async function addFlexibleHabit(b: Browser): Promise<string> {
  const page = await b.open('options.html');
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
  return (await readStore(b, 'habits'))[0]!.id as string;
}

describe('a flexible habit in Google Calendar', () => {
  it('a meeting added over its slot moves today’s block to the nearest free time; the alarm and the popup follow', async () => {
    const page = await browser.open('options.html');
    await page.getByRole('button', { name: 'Connect Google Calendar' }).click();
    await page.getByText('Cues are recurring events in your Google Calendar.').waitFor();

    const habitId = await addFlexibleHabit(browser);
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

    // The new tab's first paint (the glance snapshot, before any module) already shows the new time: the worker dropped
    // the old snapshot and kept a fresh one after the poll.
    const time = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit', timeZone: ZONE }).format(moved);
    await settledWorker(browser);
    const tab = await recordedGlance(browser, 'chrome://newtab/');
    expect((await tab.record()).painted).toContain(`Next cue · ${time}: Review team code`);
    await tab.page.close();

    const popup = await browser.open('popup.html');
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

describe('a flexible habit in Outlook', () => {
  it('a meeting added over its slot moves today’s occurrence; the alarm follows; a block with no free time does not fire and the popup says why', async () => {
    graph = await new FakeGraph().start();
    outlook = await launch({
      extensionDir: buildVariant('test', { WXT_GRAPH_API_BASE: graph.url, WXT_MS_AUTH_BASE: graph.authBase, WXT_MS_CLIENT_ID: 'cueboard-spa-test' }),
    });
    const page = await outlook.open('options.html');
    await page.getByRole('button', { name: 'Connect Outlook' }).click();
    await page.getByText('Cues are recurring events in your Outlook.').waitFor();
    const habitId = await addFlexibleHabit(outlook);
    await until(async () => graph.seriesFor(habitId).length > 0 || undefined, 'the series in Outlook');
    const ideal = at('2026-06-10T14:00');
    await until(async () => (await alarms(outlook)).some((a) => a.name === `cue|${habitId}|${ideal}`), 'the alarm at the ideal time');

    graph.addMeeting({ subject: 'Design review', start: at('2026-06-10T13:50'), end: at('2026-06-10T14:20'), timeZone: ZONE });
    await pollIn(outlook);
    const moved = at('2026-06-10T14:25');
    await until(async () => (await alarms(outlook)).some((a) => a.name === `cue|${habitId}|${moved}`), 'the alarm at the new time');
    expect((await alarms(outlook)).some((a) => a.name === `cue|${habitId}|${ideal}`)).toBe(false);
    expect(graph.instancePatches).toEqual([expect.objectContaining({ by: 'client' })]);

    // The afternoon fills up: no free 30 minutes between 13:00 and 17:00. The cue leaves the alarms; the reason is kept.
    graph.addMeeting({ subject: 'Offsite', start: at('2026-06-10T13:00'), end: at('2026-06-10T17:00'), timeZone: ZONE });
    await pollIn(outlook);
    await until(
      async () => !(await alarms(outlook)).some((a) => a.name.startsWith(`cue|${habitId}|`) && a.scheduledTime < at('2026-06-10T23:59')),
      'no alarm today',
    );
    expect(await readStore(outlook, 'cueEvents')).toEqual([
      expect.objectContaining({
        habitId,
        cueAt: moved,
        displacedFrom: ideal,
        unplaced: { why: 'no-free-time', reason: 'No free 30 minutes between 13:00 and 17:00 today.' },
      }),
    ]);
    // The popup says why there is no cue today, on the habit's row, and shows no cue time for it.
    const popup = await outlook.open('popup.html');
    const row = popup.getByRole('listitem').filter({ hasText: 'No free 30 minutes between 13:00 and 17:00 today.' });
    await row.waitFor();
    expect(await row.textContent()).not.toContain('cue ');
  });
});
