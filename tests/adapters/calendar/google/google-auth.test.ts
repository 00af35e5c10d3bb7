import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImplicitGrantAuth, NotConfigured } from '@/src/adapters/calendar/google/google-auth';
import { ReconnectNeeded } from '@/src/adapters/calendar/google/google-client';
import { googleConfig } from '@/src/adapters/calendar/google/google-config';
import { IdbCalendarStore } from '@/src/adapters/storage/idb-calendar-store';
import { openCueboardDb } from '@/src/adapters/storage/open-db';
import { FixedClock } from '../../../fakes/fixed-clock';
import { httpIdentity } from '../../../fakes/fake-identity';
import { FakeGoogle } from '../../../fakes/google/fake-google-server';

let fake: FakeGoogle;
beforeEach(async () => {
  fake = await new FakeGoogle().start();
});
afterEach(async () => {
  await fake.stop();
});

async function auth(clientId: string | null = 'test-client') {
  const store = new IdbCalendarStore(await openCueboardDb());
  const clock = FixedClock.at('2026-03-02T15:00:00Z');
  const identity = httpIdentity();
  const config = googleConfig({
    MODE: 'test',
    WXT_GOOGLE_API_BASE: fake.apiBase,
    WXT_GOOGLE_AUTH_URL: fake.authUrl,
    ...(clientId ? { WXT_GOOGLE_CLIENT_ID: clientId } : {}),
  });
  return { a: new ImplicitGrantAuth({ config, identity, store, clock }), store, clock, identity };
}

describe('ImplicitGrantAuth', () => {
  it('connects interactively with the narrow scope and keeps the token until it nears expiry', async () => {
    const { a, store, identity } = await auth();
    await a.connect();
    const url = new URL(identity.calls[0]!.url);
    // Interactive: the sign-in window shows; the non-interactive options do not apply.
    expect(identity.calls[0]).toEqual({ url: expect.any(String), interactive: true });
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      client_id: 'test-client',
      response_type: 'token',
      redirect_uri: 'https://cueboardtestid.chromiumapp.org/',
      scope: 'https://www.googleapis.com/auth/calendar.events.owned',
    });
    const stored = await store.auth('google');
    expect(stored).toMatchObject({ provider: 'google', expiresAt: Date.parse('2026-03-02T15:00:00Z') + 3599_000 });
    expect(await a.token()).toBe(stored!.accessToken);
    expect(identity.calls).toHaveLength(1);
  });

  it('renews silently (prompt=none) when the token is about to lapse or was refused', async () => {
    const { a, clock, identity } = await auth();
    await a.connect();
    const first = await a.token();
    clock.advance(3550_000);
    const second = await a.token();
    expect(second).not.toBe(first);
    // Silent renewal waits for a sign-in page that redirects by script, for at most 10 s.
    expect(identity.calls[1]).toEqual({ url: expect.any(String), interactive: false, abortOnLoadForNonInteractive: false, timeoutMsForNonInteractive: 10_000 });
    expect(new URL(identity.calls[1]!.url).searchParams.get('prompt')).toBe('none');
    expect(await a.token(true)).not.toBe(second);
  });

  it('asks to reconnect when silent renewal fails, and not before connecting', async () => {
    const { a, clock } = await auth();
    await expect(a.token()).rejects.toBeInstanceOf(ReconnectNeeded);
    await a.connect();
    fake.silentAuthFails = true;
    clock.advance(3600_000);
    await expect(a.token()).rejects.toBeInstanceOf(ReconnectNeeded);
  });

  it('explains what is missing when the build has no client id', async () => {
    const { a } = await auth(null);
    const error = await a.connect().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotConfigured);
    expect((error as Error).message).toMatch(/WXT_GOOGLE_CLIENT_ID/);
  });

  it('refuses an answer for another request (state mismatch)', async () => {
    const { a, identity } = await auth();
    identity.launchWebAuthFlow = async () => 'https://cueboardtestid.chromiumapp.org/#access_token=x&expires_in=3600&state=forged';
    await expect(a.connect()).rejects.toThrow(/another request/);
  });

  it('disconnect revokes the token at the server and forgets it here', async () => {
    const { a, store } = await auth();
    await a.connect();
    const token = await a.token();
    await a.disconnect();
    expect(fake.tokens.has(token)).toBe(false);
    expect(await store.auth('google')).toBeUndefined();
  });
});

describe('ChromeProfileAuth (Google Chrome with a Chrome Extension client)', () => {
  it('takes the profile token, drops the cached one after a 401, and revokes it on disconnect', async () => {
    const { ChromeProfileAuth, googleAuth } = await import('@/src/adapters/calendar/google/google-auth');
    const store = new IdbCalendarStore(await openCueboardDb());
    const removed: string[] = [];
    let signedIn = false;
    const identity = {
      ...httpIdentity(),
      getAuthToken: async (interactive: boolean, scopes: string[]) => {
        expect(scopes).toEqual(['https://www.googleapis.com/auth/calendar.events.owned']);
        signedIn ||= interactive;
        return signedIn ? fake.issueToken() : undefined;
      },
      removeCachedAuthToken: async (token: string) => void removed.push(token),
    };
    const config = googleConfig({ MODE: 'test', WXT_GOOGLE_AUTH_URL: fake.authUrl, WXT_GOOGLE_CHROME_CLIENT_ID: 'chrome-client' });
    const deps = { config, identity, store, clock: FixedClock.at('2026-03-02T15:00:00Z') };
    expect(googleAuth(deps, true)).toBeInstanceOf(ChromeProfileAuth);
    expect(googleAuth(deps, false)).toBeInstanceOf(ImplicitGrantAuth);

    const a = new ChromeProfileAuth(deps);
    await expect(a.token()).rejects.toBeInstanceOf(ReconnectNeeded);
    await a.connect();
    const first = await a.token();
    const second = await a.token(true);
    expect(removed).toEqual([first]);
    expect(second).not.toBe(first);
    // A fresh worker (nothing in memory) disconnects: the token is still revoked and dropped from Chrome's cache.
    await new ChromeProfileAuth(deps).disconnect();
    expect(removed).toEqual([first, second]);
    expect(fake.tokens.has(second)).toBe(false);
    expect(await store.auth('google')).toBeUndefined();
  });
});
