import { browser } from 'wxt/browser';
import { siteOrigin } from '@/src/core/focus-sites';
import type { SiteBlocker } from '@/src/ports/site-blocker';

/** The calm page a held-back site shows; it must be web-accessible for a redirect to reach it (see wxt.config.ts). */
export const HELD_PAGE = '/held.html';

/**
 * The SiteBlocker port over `declarativeNetRequest` session rules: they live only as long as the browser, so a
 * crash can never leave a site held back. Top-level navigations only; a site's own pages and embeds elsewhere load.
 */
/** Any http(s) address on the site or a subdomain, any port, any path. */
export function siteFilter(site: string): string {
  return `^https?://([^/?#]*\\.)?${site.replace(/[.-]/gu, (c) => `\\${c}`)}(:[0-9]+)?([/?#].*)?$`;
}

export const dnrBlocker: SiteBlocker = {
  async granted(sites) {
    const held = await Promise.all(sites.map((site) => browser.permissions.contains({ origins: [siteOrigin(site)] })));
    return new Set(sites.filter((_, i) => held[i]));
  },

  async apply(rules) {
    const dnr = browser.declarativeNetRequest;
    const [live, lasting] = await Promise.all([dnr.getSessionRules(), dnr.getDynamicRules()]);
    // Cueboard never uses dynamic rules (they survive restarts); any found are removed.
    if (lasting.length > 0) await dnr.updateDynamicRules({ removeRuleIds: lasting.map((r) => r.id) });
    const held = browser.runtime.getURL(HELD_PAGE);
    const wanted = rules.map((rule) => ({
      id: rule.id,
      priority: 1,
      // The whole address the person was going to (\0) rides in the fragment, so "one-minute pass" can go back to it.
      action: { type: 'redirect' as const, redirect: { regexSubstitution: `${held}?site=${encodeURIComponent(rule.site)}#\\0` } },
      condition: { regexFilter: siteFilter(rule.site), resourceTypes: ['main_frame' as const] },
    }));
    const same = live.length === wanted.length && wanted.every((w) => live.some((r) => r.id === w.id && r.condition.regexFilter === w.condition.regexFilter));
    if (same) return;
    await dnr.updateSessionRules({ removeRuleIds: live.map((r) => r.id), addRules: wanted });
  },
};
