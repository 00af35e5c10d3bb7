import { describe, expect, it } from 'vitest';
import { coversHost, MAX_SITES, parseSite, siteOrigin } from '@/src/core/focus-sites';

/** The message a refused entry gets, or the site an accepted one becomes. */
function read(text: string, listed: readonly string[] = []): string {
  const result = parseSite(text, listed);
  return result.ok ? `ok ${result.value}` : result.errors.site!;
}

describe('parseSite', () => {
  it.each([
    ['mail.example.com', 'mail.example.com'],
    ['HTTPS://Mail.Example.com/', 'mail.example.com'],
    ['http://news.example.org', 'news.example.org'],
    ['  chat.example.net  ', 'chat.example.net'],
    ['example.co.uk', 'example.co.uk'],
  ])('accepts %j as %s', (text, site) => {
    expect(read(text)).toBe(`ok ${site}`);
  });

  it.each<[string, string, RegExp]>([
    ['a path', 'mail.example.com/inbox', /without a path/],
    ['a path after a scheme', 'https://example.com/news/today', /without a path/],
    ['ftp://', 'ftp://files.example.com', /Only web sites \(http or https\)/],
    ['an extension page in Chrome', 'chrome-extension://abcdefghijklmnop/options.html', /Only web sites/],
    ['an extension page in Firefox', 'moz-extension://1234-abcd/options.html', /Only web sites/],
    ['a browser page', 'about:blank', /Only web sites/],
    ['a browser settings page', 'chrome://settings', /Only web sites/],
    ['a wildcard subdomain', '*.example.com', /Wildcards are not needed/],
    ['a bare wildcard', '*', /Wildcards are not needed/],
    ['an IP address', '10.0.0.1', /Addresses and ranges cannot be held back/],
    ['an IP range', '10.0.0.0/8', /Addresses and ranges cannot be held back/],
    ['an IPv6 address', '[::1]', /Addresses and ranges cannot be held back/],
    ['an address with a scheme and port', 'http://192.168.1.1:8080/', /Addresses and ranges/],
    ['a port', 'example.com:8080', /without a port/],
    ['a port after a scheme', 'https://mail.example.com:443/', /without a port/],
    ['localhost', 'localhost', /not a site’s name/],
    ['a single word', 'mail', /not a site’s name/],
    ['a label starting with a hyphen', '-mail.example.com', /not a site’s name/],
    ['spaces inside', 'mail example.com', /not a site’s name/],
    ['a numeric top-level name', 'example.123', /not a site’s name/],
    ['nothing', '', /Type a site’s name/],
    ['only spaces', '   ', /Type a site’s name/],
  ])('refuses %s (%j) with a message for the field', (_what, text, message) => {
    expect(read(text)).toMatch(message);
  });

  it('refuses a site already listed, however it is typed', () => {
    expect(read('mail.example.com', ['mail.example.com'])).toBe('mail.example.com is already on the list.');
    expect(read('https://MAIL.example.com/', ['mail.example.com'])).toBe('mail.example.com is already on the list.');
  });

  it('refuses a subdomain of a listed site: the listed one already covers it', () => {
    expect(read('mail.example.com', ['example.com'])).toBe('example.com on the list already covers mail.example.com.');
    // A look-alike is a different site.
    expect(read('notexample.com', ['example.com'])).toBe('ok notexample.com');
  });

  it(`holds ${MAX_SITES} sites at most`, () => {
    const full = Array.from({ length: MAX_SITES }, (_, i) => `site${i}.example.com`);
    expect(read('one-more.example.org', full)).toBe(`Hold back ${MAX_SITES} sites at most; remove one first.`);
    expect(read('one-more.example.org', full.slice(1))).toBe('ok one-more.example.org');
  });
});

describe('coversHost and siteOrigin', () => {
  it('a site covers itself and its subdomains, not look-alikes', () => {
    expect(coversHost('example.com', 'example.com')).toBe(true);
    expect(coversHost('example.com', 'mail.example.com')).toBe(true);
    expect(coversHost('example.com', 'badexample.com')).toBe(false);
  });

  it('asks for the site and its subdomains over http and https', () => {
    expect(siteOrigin('mail.example.com')).toBe('*://*.mail.example.com/*');
  });
});
