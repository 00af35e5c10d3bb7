import { describe, expect, it } from 'vitest';
import { siteFilter } from '@/src/adapters/browser/dnr-blocker';

describe('the held-back site filter', () => {
  const filter = new RegExp(siteFilter('mail.example.com'));
  it.each([
    ['https://mail.example.com', true],
    ['https://mail.example.com/inbox?x=1&y=2#top', true],
    ['http://a.mail.example.com:8080/', true],
    ['https://notmail.example.com/', false],
    ['https://mail.example.com.evil.test/', false],
    ['https://mail.example.com@evil.test/', false],
    ['https://evil.test/?next=https://mail.example.com/', false],
  ])('%s → %s', (url, held) => {
    expect(filter.test(url)).toBe(held);
  });
});
