import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, validateSettings } from '@/src/core/settings';

describe('DEFAULT_SETTINGS', () => {
  it('caps cue blocks at two hours a day and skips days off', () => {
    expect(DEFAULT_SETTINGS.dailyCapMinutes).toBe(120);
    expect(DEFAULT_SETTINGS.skipWords).toEqual(['OOO', 'Vacation', 'Out of office']);
  });
});

describe('validateSettings', () => {
  it('returns only the day boundary for a form without the cue-block fields, so stored values stay', () => {
    expect(validateSettings({ dayBoundary: ' 04:00 ' })).toEqual({ ok: true, value: { dayBoundary: '04:00' } });
    expect(validateSettings({ dayBoundary: '07:00' })).toEqual({
      ok: false,
      errors: { dayBoundary: 'The day boundary is a time between 00:00 and 06:00, e.g. 04:00.' },
    });
  });

  it.each([
    ['5', 5],
    [' 120 ', 120],
    ['1440', 1440],
    ['4', undefined],
    ['0', undefined],
    ['90.5', undefined],
    ['', undefined],
    ['two hours', undefined],
    ['1441', undefined],
  ])('a daily cap of %j minutes reads as %s', (typed, minutes) => {
    const result = validateSettings({ dayBoundary: '04:00', dailyCapMinutes: typed });
    if (minutes === undefined) {
      expect(result).toEqual({
        ok: false,
        errors: { dailyCapMinutes: 'The daily cap is a whole number of minutes from 5 (one short block) to 1440 (24 hours), e.g. 120.' },
      });
    } else {
      expect(result).toEqual({ ok: true, value: { dayBoundary: '04:00', dailyCapMinutes: minutes } });
    }
  });

  it('trims skip words, drops blank ones and repeats that differ only in case, and allows none', () => {
    expect(validateSettings({ dayBoundary: '04:00', skipWords: ['  OOO ', '', 'ooo', 'Out  of   office', '   '] })).toEqual({
      ok: true,
      value: { dayBoundary: '04:00', skipWords: ['OOO', 'Out of office'] },
    });
    expect(validateSettings({ dayBoundary: '04:00', skipWords: [] })).toEqual({ ok: true, value: { dayBoundary: '04:00', skipWords: [] } });
  });

  it('keeps skip words few and short, and reports every field at once', () => {
    const many = Array.from({ length: 21 }, (_, i) => `word ${i}`);
    expect(validateSettings({ dayBoundary: '04:00', skipWords: many.slice(0, 20) }).ok).toBe(true);
    expect(validateSettings({ dayBoundary: '04:00', skipWords: many })).toEqual({ ok: false, errors: { skipWords: 'Keep to 20 skip words or fewer.' } });
    expect(validateSettings({ dayBoundary: '04:00', skipWords: ['é'.repeat(40)] }).ok).toBe(true);
    expect(validateSettings({ dayBoundary: 'late', dailyCapMinutes: '3', skipWords: ['Parental leave for the whole of the summer'] })).toEqual({
      ok: false,
      errors: {
        dayBoundary: 'The day boundary is a time between 00:00 and 06:00, e.g. 04:00.',
        dailyCapMinutes: 'The daily cap is a whole number of minutes from 5 (one short block) to 1440 (24 hours), e.g. 120.',
        skipWords: 'Keep each skip word to 40 characters or fewer; “Parental leave for t…” is longer.',
      },
    });
  });
});
