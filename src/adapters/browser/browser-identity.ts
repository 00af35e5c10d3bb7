import { browser } from 'wxt/browser';
import type { Identity, WebAuthFlowOptions } from '@/src/ports/identity';

/** The part of `browser.identity` Cueboard uses (typed loosely: Chrome and Firefox accept different details). */
export interface IdentityApi {
  getRedirectURL(): string;
  launchWebAuthFlow(details: {
    url: string;
    interactive?: boolean;
    abortOnLoadForNonInteractive?: boolean;
    timeoutMsForNonInteractive?: number;
  }): Promise<string | undefined>;
  getAuthToken?(details: { interactive: boolean; scopes: string[] }): Promise<string | { token?: string } | undefined>;
  removeCachedAuthToken?(details: { token: string }): Promise<void>;
}

/**
 * The details each browser accepts. Chrome and Edge (Chromium 113+) take the two non-interactive options; Firefox's
 * schema knows only `url`, `interactive` (and `redirect_uri`) and rejects a call with any other key ("Unexpected
 * property"), so there they are left out: Firefox's silent flow follows redirects without loading a page anyway.
 */
export function webAuthFlowDetails(url: string, options: WebAuthFlowOptions, firefox: boolean) {
  const { interactive, abortOnLoadForNonInteractive, timeoutMsForNonInteractive } = options;
  if (firefox || interactive) return { url, interactive };
  return {
    url,
    interactive,
    ...(abortOnLoadForNonInteractive === undefined ? {} : { abortOnLoadForNonInteractive }),
    ...(timeoutMsForNonInteractive === undefined ? {} : { timeoutMsForNonInteractive }),
  };
}

/** The Identity port over an identity API. getAuthToken exists only in Google Chrome. */
export function identityOver(api: IdentityApi, firefox: boolean): Identity {
  return {
    redirectUrl: () => api.getRedirectURL(),
    async launchWebAuthFlow(url, options) {
      const redirected = await api.launchWebAuthFlow(webAuthFlowDetails(url, options, firefox));
      if (!redirected) throw new Error('The sign-in window closed without an answer.');
      return redirected;
    },
    ...(api.getAuthToken && api.removeCachedAuthToken
      ? {
          async getAuthToken(interactive: boolean, scopes: string[]) {
            const result = await api.getAuthToken!({ interactive, scopes });
            return typeof result === 'string' ? result : result?.token;
          },
          async removeCachedAuthToken(token: string) {
            await api.removeCachedAuthToken!({ token });
          },
        }
      : {}),
  };
}

/** Where the browser has no identity API (or the manifest lacks the permission): sign-in says so instead of crashing. */
const NO_IDENTITY: IdentityApi = {
  getRedirectURL: () => '',
  launchWebAuthFlow: async () => {
    throw new Error('This browser offers no sign-in window to extensions (identity API).');
  },
};

/** The Identity port over `browser.identity`. */
export const browserIdentity: Identity = identityOver((browser as unknown as { identity?: IdentityApi }).identity ?? NO_IDENTITY, import.meta.env.FIREFOX);

/** Google Chrome (not Edge, Brave or plain Chromium): only it can hand out profile tokens. */
export function isGoogleChrome(): boolean {
  const brands = (navigator as Navigator & { userAgentData?: { brands?: { brand: string }[] } }).userAgentData?.brands ?? [];
  return brands.some((b) => b.brand === 'Google Chrome');
}
