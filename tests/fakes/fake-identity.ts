import type { Identity } from '@/src/ports/identity';

/**
 * An Identity port that does what the browser does, over real HTTP: open the authorization URL, follow it until it
 * redirects to the extension's redirect URL, and hand that URL back. Interactive or not is passed through.
 */
export function httpIdentity(redirect = 'https://cueboardtestid.chromiumapp.org/'): Identity & { calls: { url: string; interactive: boolean }[] } {
  const calls: { url: string; interactive: boolean }[] = [];
  return {
    calls,
    redirectUrl: () => redirect,
    async launchWebAuthFlow(url, interactive) {
      calls.push({ url, interactive });
      const response = await fetch(url, { redirect: 'manual' });
      const location = response.headers.get('location');
      if (!location?.startsWith(redirect)) throw new Error('Authorization page could not be loaded.');
      return location;
    },
  };
}
