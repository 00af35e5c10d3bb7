import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backgroundAwake, byLabel, byRole, fill, firstCueAlarm, launchFirefox, readStore, until, waitForRoleText, type Firefox } from './firefox';

// Firefox runs Cueboard's background as an event page and suspends it when idle (30 s by default; 2 s here), where
// Chromium stops a service worker. A cue must still fire from a cold background.
let ff: Firefox;
beforeAll(async () => {
  ff = await launchFirefox({ prefs: { 'extensions.background.idle.timeout': 2000 } });
});
afterAll(async () => {
  await ff?.close();
});

describe('Firefox: the suspended event page', () => {
  it('wakes for a cue alarm: the notification shows and the cue is recorded as fired', async () => {
    const options = await ff.open('options.html');
    const form = await byRole(options, 'form', 'New habit');
    await fill(await byLabel(form, 'Behaviour'), 'Outreach calls');
    for (const day of ['Sat', 'Sun']) await (await byLabel(form, day)).click();
    await fill(await byLabel(form, 'Cue time'), '14:00');
    await fill(await byLabel(form, 'Two-minute start'), 'Open the CRM list');
    await (await byRole(form, 'button', 'Add habit')).click();
    await waitForRoleText(options, 'status', 'Saved habit “Outreach calls”');
    const cue = await firstCueAlarm(ff);

    // Left alone, Firefox suspends the background.
    await until(async () => !(await backgroundAwake(ff)), 'the background to be suspended', 30_000);

    // The alarm is moved to fire now from an extension page, so nothing but the alarm itself wakes the background.
    await ff.inExtension((name) => chrome.alarms.create(name, { when: Date.now() + 50 }), cue.name);
    const shown = await until(async () => (await ff.inExtension(() => chrome.notifications.getAll(), undefined))[cue.name], 'the cue notification', 20_000);
    expect(shown).toMatchObject({ title: 'Outreach calls — two-minute start', message: 'Open the CRM list' });
    expect(await readStore(ff, 'cueEvents')).toEqual([expect.objectContaining({ habitId: cue.habitId, firedAt: expect.any(Number) })]);
  });
});
