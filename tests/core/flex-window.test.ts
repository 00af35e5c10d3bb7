import { describe, expect, it } from 'vitest';
import { durationAdjective, durationWords, flexWindowErrors, wallMinutes } from '@/src/core/flex-window';

describe('durationWords', () => {
  it.each([
    [1, '1 minute'],
    [30, '30 minutes'],
    [60, '1 hour'],
    [61, '1 hour 1 minute'],
    [90, '1 hour 30 minutes'],
    [120, '2 hours'],
    [1440, '24 hours'],
    [0, '0 minutes'],
  ])('%i minutes read as %j', (minutes, words) => {
    expect(durationWords(minutes)).toBe(words);
  });
});

describe('durationAdjective', () => {
  it.each([
    [30, '30-minute'],
    [60, '1-hour'],
    [90, '90-minute'],
    [120, '2-hour'],
  ])('%i minutes before a noun read as %j', (minutes, words) => {
    expect(durationAdjective(minutes)).toBe(words);
  });
});

describe('flexWindowErrors', () => {
  it('accepts a window that holds the block at its ideal time', () => {
    expect(flexWindowErrors({ from: '13:00', to: '17:00', bufferMinutes: 5 }, '14:00', 30)).toEqual({});
    expect(flexWindowErrors({ from: '00:00', to: '23:59', bufferMinutes: 60 }, '23:29', 30)).toEqual({});
  });

  it('judges the gap even when the times are wrong too', () => {
    expect(flexWindowErrors({ from: 'x', to: '17:00', bufferMinutes: Number.NaN }, '14:00', 30)).toEqual({
      'window.from': 'Enter the window’s start as HH:MM, for example 13:00.',
      'window.buffer': 'A gap after meetings is 0 to 60 minutes.',
    });
  });

  it('reads wall times as minutes since midnight', () => {
    expect(wallMinutes('00:00')).toBe(0);
    expect(wallMinutes('13:05')).toBe(785);
    expect(wallMinutes('23:59')).toBe(1439);
  });
});
