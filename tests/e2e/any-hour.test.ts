import { afterEach, describe, expect, it } from 'vitest';
import { alarms, firstCueAlarm, launch, readStore, until, type Browser } from './extension';
import { OptionsPage } from './pages/options-page';

/**
 * The loop at the instants where clocks and calendars bite, in America/New_York with the 04:00 day boundary: the
 * browser's own clock is pinned at each (see clock-at.ts), so this file passes or fails the same at any real hour.
 */
const INSTANTS = [
  // Before the boundary on an ordinary Wednesday: today is still Tuesday; the next 14:00 is Wednesday's.
  { label: '00:35 on an ordinary day', at: '2026-12-02T00:35:00-05:00', today: '2026-12-01', next: '2026-12-02T14:00:00-05:00', cueDay: '2026-12-02' },
  {
    label: '03:59, a minute before the boundary',
    at: '2026-12-02T03:59:00-05:00',
    today: '2026-12-01',
    next: '2026-12-02T14:00:00-05:00',
    cueDay: '2026-12-02',
  },
  // Midday: today's 14:00 is still to come, so a popup check-off answers it.
  { label: '13:00', at: '2026-06-10T13:00:00-04:00', today: '2026-06-10', next: '2026-06-10T14:00:00-04:00', cueDay: '2026-06-10' },
  // The year turns: the next cue is on 1 January 2027.
  { label: '23:59 on 31 December', at: '2026-12-31T23:59:00-05:00', today: '2026-12-31', next: '2027-01-01T14:00:00-05:00', cueDay: '2027-01-01' },
  // DST: the 14:00 cue stays at 14:00 wall time on the day the offset changes.
  { label: '01:30 on the spring-forward day', at: '2026-03-08T01:30:00-05:00', today: '2026-03-07', next: '2026-03-08T14:00:00-04:00', cueDay: '2026-03-08' },
  {
    label: '01:30 (the first) on the fall-back day',
    at: '2026-11-01T01:30:00-04:00',
    today: '2026-10-31',
    next: '2026-11-01T14:00:00-05:00',
    cueDay: '2026-11-01',
  },
];

let browser: Browser | undefined;
afterEach(async () => {
  await browser?.close();
  browser = undefined;
});

describe.each(INSTANTS)('at $label (New York)', ({ at, today, next, cueDay }) => {
  it('schedules the next 14:00, files a check-off under the right day, and files a cue’s answer under the cue’s day', async () => {
    browser = await launch({ at });
    const b = browser;
    const options = new OptionsPage(await b.open('options.html'));
    await options.addHabit({ name: 'Daily review', firstStep: 'Open the review queue' });
    await options.status().getByText('Saved habit “Daily review”').waitFor();

    const cue = await firstCueAlarm(b);
    expect(cue.scheduledTime).toBe(Date.parse(next));

    // The popup's check-off counts for the person's day under the boundary, and answers today's cue if there is one.
    const popup = await b.open('popup.html');
    await popup.getByRole('button', { name: 'Done: Daily review' }).click();
    await popup.getByText('1 / 1 today').waitFor();
    const nextIsToday = cueDay === today;
    expect(await readStore(b, 'checkIns')).toEqual([
      expect.objectContaining({ localDate: today, source: 'popup', ...(nextIsToday ? { cueAt: cue.scheduledTime } : {}) }),
    ]);
    if (!nextIsToday) expect((await readStore(b, 'checkIns'))[0]).not.toHaveProperty('cueAt');

    // The cue fires (its own alarm, brought forward under the same name).
    await b.inWorker(({ name }) => chrome.alarms.create(name, { when: Date.now() + 50 }), { name: cue.name });
    const fired = await until(async () => (await readStore(b, 'cueEvents')).find((e) => e.firedAt !== undefined), 'the cue to fire');
    if (nextIsToday) {
      // Already answered from the popup: it fires quietly and no second check-in can come from it.
      expect(fired).toMatchObject({ quiet: true, doneAt: expect.any(Number) });
      expect(await b.inWorker(() => chrome.notifications.getAll(), undefined)).toEqual({});
      return;
    }
    await until(async () => cue.name in (await b.inWorker(() => chrome.notifications.getAll(), undefined)), 'the cue prompt');
    const cuePage = await b.open(`cue.html?habit=${cue.habitId}&at=${cue.cueAt}`);
    await cuePage.getByRole('button', { name: 'Done', exact: true }).click();
    await cuePage.getByRole('status').getByText('Checked off').waitFor();
    // Answered tonight, it counts for the day the cue belongs to, not for today.
    const answer = (await readStore(b, 'checkIns')).find((c) => c.source === 'cue-page');
    expect(answer).toMatchObject({ localDate: cueDay, cueAt: cue.scheduledTime, status: 'done' });
    expect((await alarms(b)).some((a) => a.name === cue.name)).toBe(false);
  });
});
