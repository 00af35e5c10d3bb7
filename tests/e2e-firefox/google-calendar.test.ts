import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { googleFakeSettings } from '../e2e/build';
import { FakeGoogle } from '../fakes/google/fake-google-server';
import { buildFirefoxVariant, byLabel, byRole, fill, launchFirefox, readStore, until, waitForRoleText, waitForText, type Firefox } from './firefox';

let fake: FakeGoogle;
let ff: Firefox;
let build: string;

beforeAll(async () => {
  fake = await new FakeGoogle().start();
  // A Firefox test build aimed at the fake: its API and its authorization endpoint, which redirects at once with a token.
  build = buildFirefoxVariant('test', googleFakeSettings(fake));
  ff = await launchFirefox({ extensionDir: build });
}, 120_000);
afterAll(async () => {
  await ff?.close();
  await fake?.stop();
  if (build) rmSync(dirname(build), { recursive: true, force: true });
});

describe('Firefox: Google Calendar against the fake on 127.0.0.1', () => {
  it('connects through identity.launchWebAuthFlow and writes the habit’s series', async () => {
    const options = await ff.open('options.html');
    await (await byRole(options, 'button', 'Connect Google Calendar')).click();
    await waitForText(options, 'Cues are recurring events in your Google Calendar.');
    expect(await readStore(ff, 'auth')).toEqual([expect.objectContaining({ provider: 'google', accessToken: expect.stringMatching(/^ya29\.fake-/) })]);
    // Firefox's redirect address is its own (no chromiumapp.org): the SHA-1 of the add-on id under extensions.allizom.org.
    expect(await ff.inBackground((bg) => bg.chrome.identity.getRedirectURL(), undefined)).toMatch(/^https:\/\/[0-9a-f]{40}\.extensions\.allizom\.org\/$/);

    const form = await byRole(options, 'form', 'New habit');
    await fill(await byLabel(form, 'Behaviour'), 'Review team code');
    for (const day of ['Sat', 'Sun']) await (await byLabel(form, day)).click();
    await fill(await byLabel(form, 'Cue time'), '14:00');
    await fill(await byLabel(form, 'Two-minute start'), 'Open the review queue');
    await (await byRole(form, 'button', 'Add habit')).click();
    await waitForRoleText(options, 'status', 'Saved habit “Review team code”');
    const habitId = (await readStore(ff, 'habits'))[0]!.id as string;
    const [series] = await until(async () => (fake.seriesFor(habitId).length ? fake.seriesFor(habitId) : undefined), 'the series in Google');
    expect(series).toMatchObject({ summary: 'Review team code', recurrence: ['RRULE:FREQ=DAILY'], start: { timeZone: 'America/New_York' } });
  });
});
