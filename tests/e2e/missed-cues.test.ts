import { afterAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { launch, readStore, until, type Browser } from './extension';
import { OptionsPage } from './pages/options-page';

const HABITS = [
  { name: 'Review', time: '14:00' },
  { name: 'Calls', time: '15:00' },
  { name: 'Planning', time: '16:00' },
];
/** Wednesday's three cues, in New York. */
const WEDNESDAY = HABITS.map((h) => Date.parse(`2026-06-10T${h.time}:00-04:00`));

let browser: Browser | undefined;
afterAll(async () => {
  await browser?.close();
});

describe('cues that pass while the browser is closed', () => {
  it('one summary on reopening, each instance recorded, and one logged from the popup counts for its own day', async () => {
    // Wednesday 13:00: three habits with cues at 14:00, 15:00 and 16:00.
    const first = await launch({ at: '2026-06-10T13:00:00-04:00' });
    const options = new OptionsPage(await first.open('options.html'));
    for (const h of HABITS) {
      await options.addHabit({ name: h.name, time: h.time, firstStep: 'Open it' });
      await options.status().getByText(`Saved habit “${h.name}”`).waitFor();
    }
    const names = async (b: Browser) => (await b.inWorker(() => chrome.alarms.getAll(), undefined)).map((a) => a.name);
    await until(async () => (await names(first)).filter((n) => n.startsWith('cue|')).length >= 3, 'the three cue alarms');
    // The browser is closed across all three, and opened again on Thursday at 05:30 (after the day boundary).
    await first.stop();
    browser = await launch({ at: '2026-06-11T05:30:00-04:00', profile: first.profile });
    const b = browser;

    // Within five seconds: one summary notification, never one per cue.
    const shown = await until(
      async () => {
        const all = await b.inWorker(() => chrome.notifications.getAll(), undefined);
        return 'cueboard:missed' in all ? all : undefined;
      },
      'the summary of missed cues',
      5_000,
    );
    expect(Object.keys(shown)).toEqual(['cueboard:missed']);

    // Each passed instance is recorded (passed unseen, or fired late if the browser kept its alarm), with how late.
    const events = await until(async () => {
      const all = await readStore(b, 'cueEvents');
      return all.length === 3 && all.every((e) => typeof e.lateMs === 'number') ? all : undefined;
    }, 'three recorded instances');
    expect(events.map((e) => e.cueAt).sort()).toEqual(WEDNESDAY);
    for (const e of events) expect(e.lateMs).toBeGreaterThan(13 * 3_600_000);
    console.log('recorded as', events.map((e) => (e.firedAt === undefined ? 'passed unseen' : 'fired late')).join(', '));
    expect(Object.keys(await b.inWorker(() => chrome.notifications.getAll(), undefined))).toEqual(['cueboard:missed']);

    // The popup lists them; logging one counts it for Wednesday, the day it belonged to.
    const popup = await b.open('popup.html');
    const list = popup.getByRole('list', { name: 'Cues that passed while you were away' });
    await list.getByRole('listitem').nth(2).waitFor();
    expect(await list.getByRole('listitem').count()).toBe(3);
    expect(await axeViolations(popup)).toEqual([]);
    await list.getByRole('button', { name: /^Done: Calls,/ }).click();
    await until(async () => (await list.getByRole('listitem').count()) === 2, 'the logged cue to leave the list');
    expect(await readStore(b, 'checkIns')).toEqual([
      expect.objectContaining({ localDate: '2026-06-10', cueAt: WEDNESDAY[1], status: 'done', source: 'popup' }),
    ]);
    // Thursday's own check-offs are untouched: the popup still shows nothing done today.
    await popup.getByText('0 / 1 today').first().waitFor();
  });
});
