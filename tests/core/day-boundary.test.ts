import { describe, expect, it } from 'vitest';
import { localDateOf } from '@/src/core/day-boundary';

const ms = (iso: string) => Temporal.Instant.from(iso).epochMilliseconds;

describe('localDateOf', () => {
  it('files a check-in at 00:30 under the previous day with the default 04:00 boundary', () => {
    // 00:30 in New York on 2026-03-03 is 05:30Z.
    expect(localDateOf(ms('2026-03-03T05:30:00Z'), 'America/New_York')).toBe('2026-03-02');
  });

  it('turns the day exactly at the boundary', () => {
    expect(localDateOf(ms('2026-03-03T08:59:59Z'), 'America/New_York')).toBe('2026-03-02'); // 03:59:59
    expect(localDateOf(ms('2026-03-03T09:00:00Z'), 'America/New_York')).toBe('2026-03-03'); // 04:00
  });

  it('uses the zone the person is in, so the same instant can be two different days', () => {
    const instant = ms('2026-03-03T02:00:00Z');
    expect(localDateOf(instant, 'America/New_York')).toBe('2026-03-02'); // 21:00 the evening before
    expect(localDateOf(instant, 'Asia/Kolkata')).toBe('2026-03-03'); // 07:30
  });

  it('honours a midnight boundary', () => {
    expect(localDateOf(ms('2026-03-03T05:30:00Z'), 'America/New_York', '00:00')).toBe('2026-03-03');
  });

  it('keeps a boundary across the spring-forward night', () => {
    // 2026-03-08 in New York: 01:59 EST then 03:00 EDT. 03:30 EDT is before 04:00: still Saturday.
    expect(localDateOf(ms('2026-03-08T07:30:00Z'), 'America/New_York')).toBe('2026-03-07');
    expect(localDateOf(ms('2026-03-08T08:00:00Z'), 'America/New_York')).toBe('2026-03-08');
  });
});
