import { describe, expect, it } from 'vitest';
import { DEFAULT_FOCUS_PREFS, type FocusPrefs } from '@/src/core/focus-sites';
import type { SiteAccess } from '@/src/ports/site-access';
import { addSite, removeSite, type FocusApi } from '@/src/ui/options/focus-section';

/** A Focus section's api over memory: a log of calls, a browser that grants or denies, a worker that answers or not. */
function fakeApi({ grant = true, workerAnswers = true, dropFails = false } = {}) {
  const log: string[] = [];
  let stored: FocusPrefs = { ...DEFAULT_FOCUS_PREFS, sites: ['news.example.org'] };
  const given = new Set<string>();
  const access: SiteAccess = {
    request(site) {
      log.push(`request ${site}`);
      if (grant) given.add(site);
      return Promise.resolve(grant);
    },
    has: async (site) => given.has(site),
    async drop(site) {
      log.push(`drop ${site}`);
      if (dropFails) throw new Error('not an optional permission');
      given.delete(site);
    },
    onChange: () => () => undefined,
  };
  const api: FocusApi = {
    prefs: async () => stored,
    async updatePrefs(change) {
      log.push('updatePrefs');
      stored = change(stored);
      return stored;
    },
    access,
    async sitesChanged() {
      log.push('sites');
      if (!workerAnswers) throw new Error('Could not establish connection. Receiving end does not exist.');
      return { ok: true };
    },
  };
  return { api, log, stored: () => stored };
}

describe('adding a site to hold back', () => {
  it('asks for the permission in the same turn as the click, before anything is awaited, then lists the site and tells the worker', async () => {
    const { api, log, stored } = fakeApi();
    const adding = addSite(api, 'mail.example.com');
    // Nothing awaited yet: the browser still sees the person's gesture.
    expect(log).toEqual(['request mail.example.com', 'updatePrefs']);
    const result = await adding;
    expect(log).toEqual(['request mail.example.com', 'updatePrefs', 'sites']);
    expect(stored().sites).toEqual(['news.example.org', 'mail.example.com']);
    expect(result).toEqual({ prefs: stored(), granted: true, notice: 'Added mail.example.com: it is held back while a focus block runs.' });
  });

  it('lists the site even when the permission is refused, and says how to ask again', async () => {
    const { api, stored } = fakeApi({ grant: false });
    const result = await addSite(api, 'mail.example.com');
    expect(stored().sites).toContain('mail.example.com');
    expect(result.granted).toBe(false);
    expect(result.notice).toMatch(/not held back: the browser did not give Cueboard access to it\. Use “Ask again”/);
  });

  it('a worker that does not answer leaves the site listed, with a calm note and no error text', async () => {
    const { api, stored } = fakeApi({ workerAnswers: false });
    const result = await addSite(api, 'mail.example.com');
    expect(stored().sites).toContain('mail.example.com');
    expect(result.notice).toBe(
      'Added mail.example.com: it is held back while a focus block runs. If a focus block is running, its held-back sites catch up within a minute.',
    );
    expect(result.notice).not.toMatch(/connection|Receiving end/);
  });

  it('does not list a site twice when another page added it meanwhile', async () => {
    const { api, stored } = fakeApi();
    await addSite(api, 'news.example.org');
    expect(stored().sites).toEqual(['news.example.org']);
  });
});

describe('removing a site', () => {
  it('takes it off the list, gives its permission back, then tells the worker', async () => {
    const { api, log, stored } = fakeApi();
    const result = await removeSite(api, 'news.example.org');
    expect(log).toEqual(['updatePrefs', 'drop news.example.org', 'sites']);
    expect(stored().sites).toEqual([]);
    expect(result.notice).toBe('Removed news.example.org.');
  });

  it('a permission that cannot be given back does not stop the removal', async () => {
    const { api, stored } = fakeApi({ dropFails: true });
    const result = await removeSite(api, 'news.example.org');
    expect(stored().sites).toEqual([]);
    expect(result.notice).toBe('Removed news.example.org.');
  });
});
