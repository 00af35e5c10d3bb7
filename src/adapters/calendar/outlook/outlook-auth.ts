import * as oauth from 'oauth4webapi';
import type { CalendarStore, StoredAuth } from '@/src/ports/calendar-store';
import type { Clock } from '@/src/ports/clock';
import { SILENT_FLOW, type Identity } from '@/src/ports/identity';
import { ReconnectNeeded } from '@/src/ports/reconnect-needed';
import type { TokenSource } from '@/src/ports/token-source';
import { RETRY_BUDGET } from '../retry';
import type { OutlookConfig } from './outlook-config';

/** Refresh tokens of a single-page-application registration live 24 hours, fixed, whatever the rotation. */
export const SPA_REFRESH_LIFETIME_MS = 24 * 3600_000;
const EARLY_MS = 60_000;

export class OutlookNotConfigured extends Error {
  constructor() {
    super('Outlook sign-in is not set up in this build: set WXT_MS_CLIENT_ID when building. README, "Connecting Outlook", shows how to register one.');
    this.name = 'OutlookNotConfigured';
  }
}

interface Deps {
  config: OutlookConfig;
  identity: Identity;
  store: CalendarStore;
  clock: Clock;
}

/**
 * Microsoft identity platform, tenant "common", authorization code + PKCE through identity.launchWebAuthFlow, using
 * oauth4webapi for the protocol. Access tokens renew with the refresh token; when that has lapsed (24 h for SPA
 * registrations) a silent prompt=none sign-in is tried, and only then is the person asked to reconnect.
 */
export class OutlookAuth implements TokenSource {
  constructor(private readonly deps: Deps) {}

  private get server(): oauth.AuthorizationServer {
    const base = this.deps.config.authBase;
    return { issuer: base, authorization_endpoint: `${base}/oauth2/v2.0/authorize`, token_endpoint: `${base}/oauth2/v2.0/token` };
  }

  private get client(): oauth.Client {
    if (!this.deps.config.clientId) throw new OutlookNotConfigured();
    return { client_id: this.deps.config.clientId };
  }

  /**
   * A deadline for each token request (a hung token endpoint must not hold the worker), and — only for test builds
   * aimed at plain-http fakes — oauth4webapi's https check skipped.
   */
  private get options() {
    const signal = () => AbortSignal.timeout(RETRY_BUDGET.timeoutMs);
    return this.deps.config.allowInsecure ? { signal, [oauth.allowInsecureRequests]: true } : { signal };
  }

  private async save(result: oauth.TokenEndpointResponse, refreshExpiresAt: number): Promise<string> {
    const now = this.deps.clock.now();
    const auth: StoredAuth = {
      provider: 'outlook',
      accessToken: result.access_token,
      expiresAt: now + (result.expires_in ?? 3600) * 1000,
      ...(result.refresh_token ? { refreshToken: result.refresh_token, refreshExpiresAt } : {}),
      ...(result.scope ? { scope: result.scope } : {}),
    };
    await this.deps.store.putAuth(auth);
    return auth.accessToken;
  }

  private async authorize(interactive: boolean): Promise<string> {
    const client = this.client;
    const redirectUri = this.deps.identity.redirectUrl();
    const verifier = oauth.generateRandomCodeVerifier();
    const state = oauth.generateRandomState();
    const url = new URL(this.server.authorization_endpoint!);
    url.search = new URLSearchParams({
      client_id: client.client_id,
      response_type: 'code',
      redirect_uri: redirectUri,
      response_mode: 'query',
      scope: this.deps.config.scope,
      state,
      code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      ...(interactive ? {} : { prompt: 'none' }),
    }).toString();
    let params: URLSearchParams;
    try {
      const redirected = await this.deps.identity.launchWebAuthFlow(url.toString(), interactive ? { interactive } : SILENT_FLOW);
      params = oauth.validateAuthResponse(this.server, client, new URL(redirected), state);
    } catch (error) {
      if (!interactive) throw new ReconnectNeeded('Outlook needs you to connect again.');
      throw new Error(`Microsoft sign-in did not finish: ${(error as Error).message}`);
    }
    const response = await oauth.authorizationCodeGrantRequest(this.server, client, oauth.None(), params, redirectUri, verifier, this.options);
    const result = await oauth.processAuthorizationCodeResponse(this.server, client, response);
    return this.save(result, this.deps.clock.now() + SPA_REFRESH_LIFETIME_MS);
  }

  async connect(): Promise<void> {
    await this.authorize(true);
  }

  async token(fresh = false): Promise<string> {
    const stored = await this.deps.store.auth('outlook');
    if (!stored) throw new ReconnectNeeded('Outlook is not connected.');
    const now = this.deps.clock.now();
    if (!fresh && stored.expiresAt - EARLY_MS > now) return stored.accessToken;
    if (stored.refreshToken && (stored.refreshExpiresAt ?? 0) > now) {
      try {
        const response = await oauth.refreshTokenGrantRequest(this.server, this.client, oauth.None(), stored.refreshToken, {
          ...this.options,
          additionalParameters: { scope: this.deps.config.scope },
        });
        // Rotated refresh tokens keep the first one's expiry: SPA lifetimes cannot be extended.
        return await this.save(await oauth.processRefreshTokenResponse(this.server, this.client, response), stored.refreshExpiresAt!);
      } catch (error) {
        // invalid_grant (AADSTS700084 and friends): fall through to a silent sign-in.
        if (!(error instanceof oauth.ResponseBodyError)) throw error;
      }
    }
    return this.authorize(false);
  }

  /** Microsoft offers no revocation for these tokens: forgetting them here is what disconnect can do. */
  async disconnect(): Promise<void> {
    await this.deps.store.forget('outlook');
  }
}
