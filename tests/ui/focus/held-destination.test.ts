import { describe, expect, it } from 'vitest';
import { heldDestination } from '@/src/ui/focus/held-destination';

describe('where the held page leads', () => {
  it('is the site’s front page when no address came with it', () => {
    expect(heldDestination('mail.example.com')).toBe('https://mail.example.com/');
    expect(heldDestination('mail.example.com', null)).toBe('https://mail.example.com/');
  });

  it('is the page the person asked for, on the site or under it, over http or https', () => {
    expect(heldDestination('example.com', 'https://mail.example.com/inbox?x=1#top')).toBe('https://mail.example.com/inbox?x=1#top');
    expect(heldDestination('example.com', 'http://example.com/a')).toBe('http://example.com/a');
  });

  it('never leads elsewhere: another host, a look-alike, another scheme, or not an address at all', () => {
    expect(heldDestination('example.com', 'https://evil.test/')).toBe('https://example.com/');
    expect(heldDestination('example.com', 'https://notexample.com/')).toBe('https://example.com/');
    expect(heldDestination('example.com', 'https://example.com.evil.test/')).toBe('https://example.com/');
    expect(heldDestination('example.com', 'javascript:alert(1)')).toBe('https://example.com/');
    expect(heldDestination('example.com', 'ftp://example.com/file')).toBe('https://example.com/');
    expect(heldDestination('example.com', 'not a url')).toBe('https://example.com/');
  });

  it('offers nothing when the site is not a plain host name', () => {
    for (const site of ['', 'evil.test/path', 'user@evil.test', 'example.com:8080', 'Example.com', 'a b.com']) {
      expect(heldDestination(site)).toBeUndefined();
    }
  });
});
