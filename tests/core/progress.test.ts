import { describe, expect, it } from 'vitest';
import type { CheckIn } from '@/src/core/check-in';
import { dayState } from '@/src/core/check-in';
import { periodOf, weekStartInstant } from '@/src/core/period';
import { checkOffValue, periodProgress } from '@/src/core/progress';
import { aHabit } from '../fakes/habits';

let n = 0;
const checkIn = (localDate: string, status: CheckIn['status'] = 'done', value = 1, habitId = 'h1'): CheckIn => ({
  id: `c${++n}`,
  habitId,
  localDate,
  at: 0,
  timeZone: 'UTC',
  value,
  status,
  source: 'popup',
});

describe('periodOf', () => {
  it('runs weeks Monday to Sunday, across a month and a year end', () => {
    expect(periodOf('2026-03-04', 'week')).toEqual({ start: '2026-03-02', end: '2026-03-08' });
    expect(periodOf('2026-03-08', 'week')).toEqual({ start: '2026-03-02', end: '2026-03-08' });
    expect(periodOf('2027-01-01', 'week')).toEqual({ start: '2026-12-28', end: '2027-01-03' });
    expect(periodOf('2026-03-04', 'day')).toEqual({ start: '2026-03-04', end: '2026-03-04' });
  });
});

describe('periodProgress', () => {
  it('sums a weekly count target over the current week only', () => {
    const habit = aHabit({ target: { kind: 'count', amount: 10, per: 'week' } });
    const checkIns = [
      checkIn('2026-03-01'),
      checkIn('2026-03-02'),
      checkIn('2026-03-04'),
      checkIn('2026-03-04'),
      checkIn('2026-03-05', 'skipped', 0),
      checkIn('2026-03-09'),
    ];
    expect(periodProgress(habit, checkIns, '2026-03-05')).toMatchObject({ done: 3, target: 10, met: false, fraction: 0.3, per: 'week' });
  });

  it('counts minutes for a minutes target and caps the bar at full', () => {
    const habit = aHabit({ target: { kind: 'minutes', amount: 30, per: 'day' } });
    const p = periodProgress(habit, [checkIn('2026-03-05', 'done', 30), checkIn('2026-03-05', 'done', 15)], '2026-03-05');
    expect(p).toMatchObject({ done: 45, met: true, fraction: 1, unit: 'minutes' });
  });

  it('ignores other habits', () => {
    expect(periodProgress(aHabit(), [checkIn('2026-03-05', 'done', 1, 'other')], '2026-03-05').done).toBe(0);
  });

  it('adds a cue duration for a minutes habit and one for a count habit', () => {
    expect(checkOffValue(aHabit({ target: { kind: 'minutes', amount: 90, per: 'day' }, schedule: { ...aHabit().schedule, durationMinutes: 90 } }))).toBe(90);
    expect(checkOffValue(aHabit())).toBe(1);
  });
});

describe('dayState', () => {
  it('keeps done, skipped, missed and not-logged apart', () => {
    expect(dayState([])).toBe('not-logged');
    expect(dayState([checkIn('d', 'missed', 0)])).toBe('missed');
    expect(dayState([checkIn('d', 'missed', 0), checkIn('d', 'skipped', 0)])).toBe('skipped');
    expect(dayState([checkIn('d', 'skipped', 0), checkIn('d', 'done')])).toBe('done');
  });
});

describe('weekStartInstant', () => {
  const ms = (iso: string) => Temporal.Instant.from(iso).epochMilliseconds;
  it('is Monday 00:00 in the zone, also in a week with a DST change and at the week’s edges', () => {
    // Sunday 8 March 2026 springs forward in New York; Monday 2 March 00:00 is still EST.
    expect(weekStartInstant(ms('2026-03-08T12:00:00Z'), 'America/New_York')).toBe(ms('2026-03-02T05:00:00Z'));
    // Monday 00:30 in Tokyo is still Sunday in UTC: the zone's Monday counts.
    expect(weekStartInstant(ms('2026-03-08T15:30:00Z'), 'Asia/Tokyo')).toBe(ms('2026-03-08T15:00:00Z'));
    expect(weekStartInstant(ms('2026-03-08T14:59:59Z'), 'Asia/Tokyo')).toBe(ms('2026-03-01T15:00:00Z'));
  });
});
