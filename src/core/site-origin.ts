/** The host permission a site needs: the site and its subdomains, over http and https. */
export function siteOrigin(site: string): string {
  return `*://*.${site}/*`;
}
