import { browser } from 'wxt/browser';
import type { Identity } from '@/src/ports/identity';

/** The Identity port over `browser.identity`. getAuthToken exists only in Google Chrome. */
export const browserIdentity: Identity = {
  redirectUrl: () => browser.identity.getRedirectURL(),
  async launchWebAuthFlow(url, interactive) {
    const redirected = await browser.identity.launchWebAuthFlow({ url, interactive });
    if (!redirected) throw new Error('The sign-in window closed without an answer.');
    return redirected;
  },
  ...('getAuthToken' in browser.identity
    ? {
        async getAuthToken(interactive: boolean, scopes: string[]) {
          const result = await browser.identity.getAuthToken({ interactive, scopes });
          return typeof result === 'string' ? result : result?.token;
        },
        async removeCachedAuthToken(token: string) {
          await browser.identity.removeCachedAuthToken({ token });
        },
      }
    : {}),
};

/** Google Chrome (not Edge, Brave or plain Chromium): only it can hand out profile tokens. */
export function isGoogleChrome(): boolean {
  const brands = (navigator as Navigator & { userAgentData?: { brands?: { brand: string }[] } }).userAgentData?.brands ?? [];
  return brands.some((b) => b.brand === 'Google Chrome');
}
