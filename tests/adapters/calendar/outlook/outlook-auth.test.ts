import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ReconnectNeeded } from '@/src/adapters/calendar/google/google-client';
import { OutlookAuth, OutlookNotConfigured } from '@/src/adapters/calendar/outlook/outlook-auth';
import { MICROSOFT_HOSTS, outlookConfig } from '@/src/adapters/calendar/outlook/outlook-config';
import { IdbCalendarStore } from '@/src/adapters/storage/idb-calendar-store';
import { openCueboardDb } from '@/src/adapters/storage/open-db';
import { FixedClock } from '../../../fakes/fixed-clock';
import { httpIdentity } from '../../../fakes/fake-identity';
import { FakeGraph } from '../../../fakes/outlook/fake-graph-server';

const HOUR = 3600_000;
let fake: FakeGraph;
beforeEach(async () => {
  fake = await new FakeGraph().start();
});
afterEach(async () => {
  await fake.stop();
});

async function setUp(clientId: string | null = 'spa-client') {
  const store = new IdbCalendarStore(await openCueboardDb());
  const clock = FixedClock.at('2026-03-02T15:00:00Z');
  fake.now = clock.now();
  const identity = httpIdentity();
  const config = outlookConfig({
    MODE: 'test',
    WXT_GRAPH_API_BASE: fake.url,
    WXT_MS_AUTH_BASE: fake.authBase,
    ...(clientId ? { WXT_MS_CLIENT_ID: clientId } : {}),
  });
  const auth = new OutlookAuth({ config, identity, store, clock });
  /** Both clocks move: the extension's and the token service's. */
  const advance = (ms: number) => {
    clock.advance(ms);
    fake.advance(ms);
  };
  return { auth, store, identity, advance };
}

/** A Graph call with the token: 200 while the fake accepts it. */
async function graphStatus(token: string): Promise<number> {
  return (
    await fetch(`${fake.apiBase}/me/calendarView?startDateTime=2026-03-02T00:00:00Z&endDateTime=2026-03-03T00:00:00Z`, {
      headers: { Authorization: `Bearer ${token}` },
    })
  ).status;
}

describe('OutlookAuth (code + PKCE, tenant common)', () => {
  it('connects with PKCE S256 and the two scopes, without openid; the token works against Graph', async () => {
    const { auth, store, identity } = await setUp();
    await auth.connect();
    const params = new URL(identity.calls[0]!.url).searchParams;
    expect(identity.calls[0]!.url.startsWith(`${fake.authBase}/oauth2/v2.0/authorize?`)).toBe(true);
    expect(Object.fromEntries(params)).toMatchObject({
      response_type: 'code',
      code_challenge_method: 'S256',
      scope: 'offline_access Calendars.ReadWrite',
      client_id: 'spa-client',
      response_mode: 'query',
    });
    const stored = await store.auth('outlook');
    expect(stored).toMatchObject({ refreshToken: expect.stringMatching(/^rt-/), refreshExpiresAt: Date.parse('2026-03-02T15:00:00Z') + 24 * HOUR });
    expect(await graphStatus(await auth.token())).toBe(200);
  });

  it('renews the access token with the refresh token (rotating it, keeping the 24 h expiry)', async () => {
    const { auth, store, advance, identity } = await setUp();
    await auth.connect();
    const first = await store.auth('outlook');
    advance(2 * HOUR);
    const token = await auth.token();
    expect(await graphStatus(token)).toBe(200);
    const second = await store.auth('outlook');
    expect(second?.refreshToken).not.toBe(first?.refreshToken);
    expect(second?.refreshExpiresAt).toBe(first?.refreshExpiresAt);
    expect(identity.calls).toHaveLength(1);
  });

  it('after 24 h the refresh token is dead: a silent prompt=none sign-in renews it while the login lasts', async () => {
    const { auth, advance, identity } = await setUp();
    await auth.connect();
    advance(25 * HOUR);
    expect(await graphStatus(await auth.token())).toBe(200);
    // Silent sign-in waits for a sign-in page that redirects by script, for at most 10 s.
    expect(identity.calls.at(-1)).toEqual({
      url: expect.any(String),
      interactive: false,
      abortOnLoadForNonInteractive: false,
      timeoutMsForNonInteractive: 10_000,
    });
    expect(identity.calls[0]).toEqual({ url: expect.any(String), interactive: true });
    expect(new URL(identity.calls.at(-1)!.url).searchParams.get('prompt')).toBe('none');
  });

  it('when the silent sign-in fails too, it asks to reconnect', async () => {
    const { auth, advance } = await setUp();
    await auth.connect();
    fake.silentAuthFails = true;
    advance(25 * HOUR);
    await expect(auth.token()).rejects.toBeInstanceOf(ReconnectNeeded);
  });

  it('explains what is missing without a client id, and forgets tokens on disconnect', async () => {
    const missing = await setUp(null);
    await expect(missing.auth.connect()).rejects.toBeInstanceOf(OutlookNotConfigured);
    const { auth, store } = await setUp();
    await auth.connect();
    await auth.disconnect();
    expect(await store.auth('outlook')).toBeUndefined();
  });

  it('a production build ignores the fake hosts and keeps https', () => {
    expect(outlookConfig({ MODE: 'production', WXT_GRAPH_API_BASE: fake.url, WXT_MS_AUTH_BASE: fake.authBase })).toMatchObject({
      ...MICROSOFT_HOSTS,
      allowInsecure: false,
    });
  });
});
