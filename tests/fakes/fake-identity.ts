import type { Identity, WebAuthFlowOptions } from '@/src/ports/identity';

/**
 * An Identity port that does what the browser does, over real HTTP: open the authorization URL, follow it until it
 * redirects to the extension's redirect URL, and hand that URL back. The flow's options are recorded as passed.
 */
export function httpIdentity(redirect = 'https://cueboardtestid.chromiumapp.org/'): Identity & { calls: ({ url: string } & WebAuthFlowOptions)[] } {
  const calls: ({ url: string } & WebAuthFlowOptions)[] = [];
  return {
    calls,
    redirectUrl: () => redirect,
    async launchWebAuthFlow(url, options) {
      calls.push({ url, ...options });
      const response = await fetch(url, { redirect: 'manual' });
      const location = response.headers.get('location');
      if (!location?.startsWith(redirect)) throw new Error('Authorization page could not be loaded.');
      return location;
    },
  };
}
