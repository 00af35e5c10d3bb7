import { describe, expect, it } from 'vitest';
import { identityOver, type IdentityApi } from '@/src/adapters/browser/browser-identity';
import { SILENT_FLOW } from '@/src/ports/identity';

/** A stand-in for `browser.identity` that records the details each call receives. */
function mockApi(extra: Partial<IdentityApi> = {}) {
  const calls: Parameters<IdentityApi['launchWebAuthFlow']>[0][] = [];
  const api: IdentityApi = {
    getRedirectURL: () => 'https://cueboardtestid.chromiumapp.org/',
    launchWebAuthFlow: async (details) => {
      calls.push(details);
      return 'https://cueboardtestid.chromiumapp.org/#ok';
    },
    ...extra,
  };
  return { api, calls };
}

describe('browser identity adapter', () => {
  it('passes abortOnLoadForNonInteractive: false and a timeout to Chrome for a silent flow', async () => {
    const { api, calls } = mockApi();
    const identity = identityOver(api, false);
    await identity.launchWebAuthFlow('https://login.example/authorize', SILENT_FLOW);
    expect(calls).toEqual([
      { url: 'https://login.example/authorize', interactive: false, abortOnLoadForNonInteractive: false, timeoutMsForNonInteractive: 10_000 },
    ]);
  });

  it('sends only url and interactive for an interactive flow', async () => {
    const { api, calls } = mockApi();
    await identityOver(api, false).launchWebAuthFlow('https://login.example/authorize', { interactive: true });
    expect(calls).toEqual([{ url: 'https://login.example/authorize', interactive: true }]);
  });

  it('leaves the Chrome-only options out on Firefox, whose schema rejects unknown keys', async () => {
    const { api, calls } = mockApi();
    await identityOver(api, true).launchWebAuthFlow('https://login.example/authorize', SILENT_FLOW);
    expect(calls).toEqual([{ url: 'https://login.example/authorize', interactive: false }]);
  });

  it('turns a window closed without an answer into an error, and offers getAuthToken only where the browser has it', async () => {
    const { api } = mockApi({ launchWebAuthFlow: async () => undefined });
    const plain = identityOver(api, false);
    await expect(plain.launchWebAuthFlow('https://login.example/authorize', { interactive: true })).rejects.toThrow(/closed without an answer/);
    // eslint-disable-next-line @typescript-eslint/unbound-method -- only checks that there is no such method
    expect(plain.getAuthToken).toBeUndefined();
    const removed: string[] = [];
    const chrome = identityOver(
      { ...api, getAuthToken: async () => ({ token: 'profile-token' }), removeCachedAuthToken: async ({ token }) => void removed.push(token) },
      false,
    );
    expect(await chrome.getAuthToken!(false, ['scope'])).toBe('profile-token');
    await chrome.removeCachedAuthToken!('profile-token');
    expect(removed).toEqual(['profile-token']);
  });
});
