import { describe, expect, it } from 'vitest';
import { openCueCount } from '@/src/core/open-cues';
import type { TodayItem } from '@/src/core/today';

const item = (state: TodayItem['state'], cues: number[], met = false): TodayItem => ({
  habitId: 'h',
  name: 'h',
  keystone: false,
  firstStep: 'x',
  state,
  cues,
  progress: { period: { start: 'd', end: 'd' }, per: 'day', unit: 'count', done: met ? 1 : 0, target: 1, met, fraction: met ? 1 : 0 },
});

describe('openCueCount', () => {
  it('counts today’s cues of habits not yet done, skipped or at target', () => {
    expect(openCueCount([item('not-logged', [1, 2]), item('done', [3]), item('skipped', [4]), item('missed', [5]), item('not-logged', [6], true)])).toBe(3);
  });
});
