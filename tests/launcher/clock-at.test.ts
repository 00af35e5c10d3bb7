import { afterEach, describe, expect, it, vi } from 'vitest';
import { clockAt } from '../e2e/clock-at';

const REAL = Date.parse('2026-12-02T06:58:00Z');

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
});

describe('the end-to-end launcher’s clock', () => {
  it('offsets the browser from the real clock to the pinned instant, under libfaketime', () => {
    vi.useFakeTimers({ now: REAL, toFake: ['Date'] });
    vi.stubEnv('FAKETIME', '');
    const env = clockAt('2026-03-08T01:30:00-05:00');
    expect(env.FAKETIME).toBe(`${(Date.parse('2026-03-08T06:30:00Z') - REAL) / 1000}`);
    expect(env.LD_PRELOAD).toMatch(/libfaketime\.so\.1$/);
  });

  it('corrects for an outer faked clock (../shared/bin/at), which libfaketime applies to the real one', () => {
    // Under `at "... +1 h"`, Date.now() already reads an hour ahead of the real clock.
    vi.useFakeTimers({ now: REAL + 3_600_000, toFake: ['Date'] });
    vi.stubEnv('FAKETIME', '+3600');
    const env = clockAt('2026-12-31T23:59:00-05:00');
    expect(Number(env.FAKETIME)).toBe((Date.parse('2027-01-01T04:59:00Z') - REAL) / 1000);
    expect(env.FAKETIME).toMatch(/^\+/);
  });

  it('refuses an instant it cannot read, and an outer FAKETIME that is not an offset', () => {
    expect(() => clockAt('tomorrow at two')).toThrow(/Cannot read the instant/);
    vi.stubEnv('FAKETIME', '@2026-01-01 00:00:00');
    expect(() => clockAt('2026-06-10T13:00:00-04:00')).toThrow(/not a relative offset/);
  });
});
