import { describe, expect, it } from 'vitest';
import { holdRules } from '@/src/core/focus-rules';
import { addPass, pause, startFocus } from '@/src/core/focus-session';

const T0 = Date.parse('2026-06-10T12:30:00Z');
const running = startFocus({ id: 's', habitId: 'h', intention: '', minutes: 30, now: T0 });
const sites = ['mail.example.com', 'chat.example.com', 'news.example.org'];

describe('hold rules', () => {
  it('holds back every granted site while the block runs, with stable ids', () => {
    expect(holdRules(running, sites, new Set(['mail.example.com', 'news.example.org']), T0)).toEqual([
      { id: 1, site: 'mail.example.com' },
      { id: 3, site: 'news.example.org' },
    ]);
  });

  it('holds nothing with no block, a paused or pending one, or after its end', () => {
    const all = new Set(sites);
    expect(holdRules(undefined, sites, all, T0)).toEqual([]);
    expect(holdRules(pause(running, T0 + 60_000), sites, all, T0 + 60_000)).toEqual([]);
    expect(holdRules(startFocus({ id: 's', habitId: 'h', intention: '', minutes: 30, now: T0, delayed: true }), sites, all, T0)).toEqual([]);
    expect(holdRules(running, sites, all, T0 + 30 * 60_000)).toEqual([]);
  });

  it('lets a site with an open pass through, and holds it again when the minute is up', () => {
    const passed = addPass(running, 'chat.example.com', T0 + 60_000);
    const all = new Set(sites);
    expect(holdRules(passed, sites, all, T0 + 90_000).map((r) => r.site)).toEqual(['mail.example.com', 'news.example.org']);
    expect(holdRules(passed, sites, all, T0 + 120_000).map((r) => r.site)).toEqual(sites);
  });
});
