import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alarms, byLabel, byRole, fill, firstCueAlarm, launchFirefox, readStore, until, waitForRoleText, waitForText, type Firefox } from './firefox';

// One browser for the file: Firefox takes seconds to start on a two-core machine, and the tests follow one habit.
let ff: Firefox;
beforeAll(async () => {
  ff = await launchFirefox();
});
afterAll(async () => {
  await ff?.close();
});

describe('Firefox: the habit loop, with no account', () => {
  it('runs a real firefox-esr at the pinned instant with the add-on’s background page up', async () => {
    expect(ff.version).toMatch(/^firefox\/\d+/);
    expect(Math.abs((await ff.now()) - Date.parse('2026-06-10T13:00:00-04:00'))).toBeLessThan(5 * 60_000);
    const background = await ff.inBackground((bg) => ({ href: bg.location.href, zone: Intl.DateTimeFormat().resolvedOptions().timeZone }), undefined);
    expect(background).toEqual({ href: `${ff.base}_generated_background_page.html`, zone: 'America/New_York' });
  });

  it('habit → alarm → cue fires → Done on the cue page → popup shows the check-off → IndexedDB holds it', async () => {
    // 1. Create a habit through the options page.
    const options = await ff.open('options.html');
    const form = await byRole(options, 'form', 'New habit');
    await fill(await byLabel(form, 'Behaviour'), 'Review team code');
    await fill(await byLabel(form, 'Target'), '1');
    for (const day of ['Sat', 'Sun']) await (await byLabel(form, day)).click();
    await fill(await byLabel(form, 'Cue time'), '14:00');
    await fill(await byLabel(form, 'Two-minute start'), 'Open the review queue');
    await (await byRole(form, 'button', 'Add habit')).click();
    await waitForRoleText(options, 'status', 'Saved habit “Review team code”');

    // 2. Its cue alarm exists (the background reconciled after the save), at 14:00 New York.
    const cue = await firstCueAlarm(ff);
    const { habitId, cueAt } = cue;
    expect(Number(cueAt)).toBe(cue.scheduledTime);
    const local = new Intl.DateTimeFormat('en-GB', { timeZone: 'America/New_York', hour: '2-digit', minute: '2-digit' }).format(cue.scheduledTime);
    expect(local).toBe('14:00');

    // The popup (opened as a tab) before: nothing done yet.
    const popup = await ff.open('popup.html');
    await waitForText(popup, '0 / 1 today');

    // 3. Fire the cue: the browser's own alarm, moved to fire now under the same name.
    await ff.inBackground((bg, name) => bg.chrome.alarms.create(name, { when: bg.Date.now() + 50 }), cue.name);
    // Firefox shows the notification without buttons; a click on it would open the cue page.
    const shown = await until(async () => (await ff.inBackground((bg) => bg.chrome.notifications.getAll(), undefined))[cue.name], 'the cue notification');
    expect(shown).not.toHaveProperty('buttons', expect.anything());
    await expect.poll(async () => (await readStore(ff, 'cueEvents')).map((e) => e.firedAt !== undefined)).toEqual([true]);

    // 4. The cue page shows the first step; press Done.
    const cuePage = await ff.open(`cue.html?habit=${habitId}&at=${cueAt}`);
    await waitForText(cuePage, 'Open the review queue');
    expect(await (await byRole(cuePage, 'timer', 'Two-minute timer')).evaluate((t) => t.textContent)).toBe('2:00');
    await (await byRole(cuePage, 'button', 'Done')).click();
    await waitForRoleText(cuePage, 'status', 'Checked off');

    // 5. The popup shows the check-off and the progress change.
    await ff.reload(popup);
    await waitForText(popup, '1 / 1 today');
    await waitForText(popup, 'Done today');
    const bar = await byRole(popup, 'progressbar', 'Review team code progress');
    expect(await bar.evaluate((b) => b.getAttribute('aria-valuenow'))).toBe('100');

    // 6. The check-in is in IndexedDB, tied to the cue it answered.
    expect(await readStore(ff, 'checkIns')).toEqual([expect.objectContaining({ habitId, status: 'done', source: 'cue-page', value: 1, cueAt: Number(cueAt) })]);
    expect(await readStore(ff, 'cueEvents')).toEqual([expect.objectContaining({ doneAt: expect.any(Number), firedAt: expect.any(Number) })]);
    // The next day's cue is already waiting.
    expect((await alarms(ff)).some((a) => a.name.startsWith(`cue|${habitId}|`) && a.scheduledTime > Number(cueAt))).toBe(true);
  });

  it('a new tab shows Cueboard’s page (chrome_url_overrides.newtab)', async () => {
    const tab = await ff.openNewTab();
    expect(await tab.evaluate(() => location.href)).toBe(`${ff.base}newtab.html`);
    await waitForText(tab, 'Review team code');
  });
});
