import type { CalendarStore } from '@/src/ports/calendar-store';
import type { Clock } from '@/src/ports/clock';
import { SILENT_FLOW, type Identity } from '@/src/ports/identity';
import type { GoogleConfig } from './google-config';
import { ReconnectNeeded, type TokenSource } from './google-client';

/** Connect, renew and disconnect Google; also the client's token source. */
export interface GoogleAuth extends TokenSource {
  connect(): Promise<void>;
  disconnect(): Promise<void>;
}

/** Thrown when this build cannot sign in to Google at all; the message says what to configure. */
export class NotConfigured extends Error {
  constructor() {
    super(
      'Google sign-in is not set up in this build: set WXT_GOOGLE_CLIENT_ID (and optionally WXT_GOOGLE_CHROME_CLIENT_ID) when building. README, "Connecting Google Calendar", shows how to register one.',
    );
    this.name = 'NotConfigured';
  }
}

interface Deps {
  config: GoogleConfig;
  identity: Identity;
  store: CalendarStore;
  clock: Clock;
  fetch?: typeof fetch;
  newState?: () => string;
}

/** Renew a minute early so a request never leaves with a token about to lapse. */
const EARLY_MS = 60_000;

/**
 * The OAuth implicit grant through identity.launchWebAuthFlow (Chrome, Edge, Firefox): a one-hour access token,
 * renewed silently with prompt=none; when that fails the person is asked to reconnect. The token lives in
 * IndexedDB on this machine only.
 */
export class ImplicitGrantAuth implements GoogleAuth {
  constructor(private readonly deps: Deps) {}

  private authorizeUrl(interactive: boolean, state: string): string {
    const { config, identity } = this.deps;
    if (!config.clientId) throw new NotConfigured();
    const url = new URL(config.authUrl);
    url.search = new URLSearchParams({
      client_id: config.clientId,
      redirect_uri: identity.redirectUrl(),
      response_type: 'token',
      scope: config.scope,
      state,
      include_granted_scopes: 'true',
      ...(interactive ? {} : { prompt: 'none' }),
    }).toString();
    return url.toString();
  }

  private async authorize(interactive: boolean): Promise<string> {
    const state = (this.deps.newState ?? (() => crypto.randomUUID()))();
    let redirected: string;
    try {
      redirected = await this.deps.identity.launchWebAuthFlow(this.authorizeUrl(interactive, state), interactive ? { interactive } : SILENT_FLOW);
    } catch (error) {
      if (error instanceof NotConfigured) throw error;
      throw interactive ? new Error(`Google sign-in did not finish: ${(error as Error).message}`) : new ReconnectNeeded();
    }
    const params = new URLSearchParams(new URL(redirected).hash.slice(1));
    if (params.get('state') !== state) throw new Error('Google sign-in answered for another request; try again.');
    const error = params.get('error');
    if (error) throw interactive ? new Error(`Google sign-in refused: ${error}`) : new ReconnectNeeded();
    const token = params.get('access_token');
    const expiresIn = Number(params.get('expires_in'));
    if (!token || !Number.isFinite(expiresIn) || expiresIn <= 0) throw new Error('Google sign-in returned no usable token.');
    await this.deps.store.putAuth({
      provider: 'google',
      accessToken: token,
      expiresAt: this.deps.clock.now() + expiresIn * 1000,
      ...(params.get('scope') ? { scope: params.get('scope')! } : {}),
    });
    return token;
  }

  async connect(): Promise<void> {
    await this.authorize(true);
  }

  async token(fresh = false): Promise<string> {
    const stored = await this.deps.store.auth('google');
    if (!stored) throw new ReconnectNeeded('Google Calendar is not connected.');
    if (!fresh && stored.expiresAt - EARLY_MS > this.deps.clock.now()) return stored.accessToken;
    return this.authorize(false);
  }

  async disconnect(): Promise<void> {
    const stored = await this.deps.store.auth('google');
    if (stored) await revoke(this.deps, stored.accessToken);
    await this.deps.store.forget('google');
  }
}

/**
 * chrome.identity.getAuthToken in Google Chrome with a "Chrome Extension" OAuth client: Chrome caches and renews the
 * token for the signed-in profile. After a 401 the cached token is dropped and a new one asked for.
 */
export class ChromeProfileAuth implements GoogleAuth {
  constructor(private readonly deps: Deps) {}

  /**
   * Ask Chrome for the profile's token. The last one handed out is kept in IndexedDB, not in memory: the worker that
   * later disconnects (or meets a 401) is rarely the one that asked.
   */
  private async get(interactive: boolean): Promise<string> {
    const token = await this.deps.identity.getAuthToken!(interactive, [this.deps.config.scope]).catch(() => undefined);
    if (!token) throw interactive ? new Error('Google sign-in did not finish.') : new ReconnectNeeded();
    // Chrome caches and renews the token itself; expiresAt 0 keeps this record from ever being used as a cache.
    await this.deps.store.putAuth({ provider: 'google', accessToken: token, expiresAt: 0 });
    return token;
  }

  async connect(): Promise<void> {
    await this.get(true);
  }

  async token(fresh = false): Promise<string> {
    const stored = await this.deps.store.auth('google');
    if (!stored) throw new ReconnectNeeded('Google Calendar is not connected.');
    if (fresh && stored.accessToken) await this.deps.identity.removeCachedAuthToken?.(stored.accessToken);
    return this.get(false);
  }

  async disconnect(): Promise<void> {
    const stored = await this.deps.store.auth('google');
    if (stored?.accessToken) {
      await revoke(this.deps, stored.accessToken);
      await this.deps.identity.removeCachedAuthToken?.(stored.accessToken);
    }
    await this.deps.store.forget('google');
  }
}

/** Best-effort revocation: the local token is forgotten either way. */
async function revoke({ config, fetch: fetcher = fetch }: Deps, token: string): Promise<void> {
  if (!token) return;
  try {
    await fetcher(`${config.revokeUrl}?token=${encodeURIComponent(token)}`, { method: 'POST', signal: AbortSignal.timeout(10_000) });
  } catch {
    // Offline: Google expires the token within the hour anyway.
  }
}

/** Pick the flow: Chrome's profile token where this build has a Chrome client and the browser offers it. */
export function googleAuth(deps: Deps, isGoogleChrome: boolean): GoogleAuth {
  return deps.config.chromeClientId && isGoogleChrome && deps.identity.getAuthToken ? new ChromeProfileAuth(deps) : new ImplicitGrantAuth(deps);
}
