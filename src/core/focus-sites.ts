import type { Validated } from './result';

/**
 * The sites a person holds back during focus, as host names. A host covers its subdomains ("example.com" holds back
 * "mail.example.com" too), which is how both the blocking rule and the host permission match it.
 */

/** What the person set for focus blocks (kept on this machine). */
export interface FocusPrefs {
  /** Hosts to hold back while a block runs, as entered (normalised), in the order added. */
  sites: string[];
  /** When on, a focus habit must name its intention. */
  intentionRequired: boolean;
}

export const DEFAULT_FOCUS_PREFS: FocusPrefs = { sites: [], intentionRequired: false };

/** A list anyone can read in a glance, and far under the browser's cap on session rules. */
export const MAX_SITES = 30;

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/u;

/** Whether `host` is the site `site` or one of its subdomains. */
export function coversHost(site: string, host: string): boolean {
  return host === site || host.endsWith(`.${site}`);
}

/**
 * Read one entry: "mail.example.com", or the same with http(s):// and a trailing slash. Refused, with a message for
 * the field: paths, other schemes, wildcards, IP addresses and ranges, ports, browser and extension pages, and a
 * site already covered by one on the list.
 */
export function parseSite(text: string, listed: readonly string[]): Validated<string, 'site'> {
  const refuse = (site: string): Validated<string, 'site'> => ({ ok: false, errors: { site } });
  let entry = text.trim().toLowerCase();
  if (entry === '') return refuse('Type a site’s name, e.g. mail.example.com.');
  if (entry.includes('*')) return refuse('Wildcards are not needed: a site covers its subdomains. Type e.g. example.com.');
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//u.exec(entry);
  if (scheme) {
    if (scheme[1] !== 'http' && scheme[1] !== 'https') return refuse('Only web sites (http or https) can be held back.');
    entry = entry.slice(scheme[0].length).replace(/\/$/u, '');
  } else if (/^[a-z-]+:/u.test(entry) && !/^[^:]+:\d+$/u.test(entry)) {
    return refuse('Only web sites (http or https) can be held back.');
  }
  // Addresses first, so "10.0.0.0/8" and "[::1]" hear that addresses are refused rather than about a path or a port.
  if (/^[\d.]+(?::\d+)?(?:\/\d+)?$/u.test(entry) || entry.startsWith('[') || /:.*:/u.test(entry)) {
    return refuse('Addresses and ranges cannot be held back; type the site’s name, e.g. mail.example.com.');
  }
  if (entry.includes('/')) return refuse('Just the site’s name, without a path: e.g. mail.example.com.');
  if (/[:[\]]/u.test(entry)) return refuse('Just the site’s name, without a port: e.g. mail.example.com.');
  const labels = entry.split('.');
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l)) || !/[a-z]/u.test(labels.at(-1)!) || entry.length > 253) {
    return refuse('That is not a site’s name. Type it like mail.example.com.');
  }
  const covering = listed.find((site) => coversHost(site, entry));
  if (covering) return refuse(covering === entry ? `${entry} is already on the list.` : `${covering} on the list already covers ${entry}.`);
  if (listed.length >= MAX_SITES) return refuse(`Hold back ${MAX_SITES} sites at most; remove one first.`);
  return { ok: true, value: entry };
}

// Apart, so a page that asks for a site's permission need not load the rules for reading an entry.
export { siteOrigin } from './site-origin';
