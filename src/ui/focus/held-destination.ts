import { coversHost } from '@/src/core/focus-sites';

/**
 * Where the held page leads after a pass (or when nothing is held back any more): the page the person asked for, when
 * the address came with it (`url`: http or https, on the held-back site or one of its subdomains), else the site's
 * front page. Undefined when `site` is not a plain host name (a page opened by hand with a made-up address): then no
 * link is offered at all, so the page can never be made to send anyone elsewhere.
 */
export function heldDestination(site: string, url?: string | null): string | undefined {
  let front: URL;
  try {
    front = new URL(`https://${site}/`);
  } catch {
    return undefined;
  }
  if (site === '' || front.hostname !== site) return undefined;
  if (url) {
    try {
      const asked = new URL(url);
      if ((asked.protocol === 'http:' || asked.protocol === 'https:') && coversHost(site, asked.hostname)) return asked.href;
    } catch {
      // Not an address: the site's front page will do.
    }
  }
  return front.href;
}
