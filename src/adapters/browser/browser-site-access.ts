import { browser } from 'wxt/browser';
import { siteOrigin } from '@/src/core/site-origin';
import type { SiteAccess } from '@/src/ports/site-access';

/** The SiteAccess port over `permissions` and the manifest's optional host permissions. */
export const browserSiteAccess: SiteAccess = {
  // Not async: `permissions.request` must be called in the same turn as the click that asked for it.
  request: (site) => browser.permissions.request({ origins: [siteOrigin(site)] }),
  has: (site) => browser.permissions.contains({ origins: [siteOrigin(site)] }),
  async drop(site) {
    await browser.permissions.remove({ origins: [siteOrigin(site)] });
  },
  onChange(listener) {
    const changed = () => listener();
    browser.permissions.onAdded.addListener(changed);
    browser.permissions.onRemoved.addListener(changed);
    return () => {
      browser.permissions.onAdded.removeListener(changed);
      browser.permissions.onRemoved.removeListener(changed);
    };
  },
};
