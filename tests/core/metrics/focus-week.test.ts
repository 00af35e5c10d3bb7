import { describe, expect, it } from 'vitest';
import type { CheckIn } from '@/src/core/check-in';
import { periodsText } from '@/src/core/metrics/coach-copy';
import { durationText, focusWeek, focusWeekText } from '@/src/core/metrics/focus-week';
import { habitMetrics } from '@/src/core/metrics/habit-metrics';
import { aHabit } from '../../fakes/habits';
import { ci } from './helpers';

/** A block's check-in as the worker records it: its minutes, and the rating once the person gave one. */
function block(localDate: string, minutes: number, rating?: number): CheckIn {
  return { ...ci(localDate, 'done', minutes), source: 'focus', ...(rating !== undefined ? { rating } : {}) };
}

// Wednesday 2026-06-10: its ISO week runs from Monday 06-08 to Sunday 06-14.
const WEDNESDAY = '2026-06-10';

describe('a focus habit’s week', () => {
  it('sums the minutes of done check-ins from Monday to Sunday of the week holding today', () => {
    const checkIns = [
      ci('2026-06-07', 'done', 90), // Sunday before: last week
      block('2026-06-08', 90), // Monday
      block('2026-06-09', 45),
      ci('2026-06-10', 'skipped', 0),
      ci('2026-06-10', 'missed', 0),
      ci('2026-06-10', 'done', 30), // a check-off from the popup counts its minutes too
      block('2026-06-15', 60), // next Monday
    ];
    expect(focusWeek(checkIns, WEDNESDAY)).toEqual({ minutes: 165 });
  });

  it('takes the week from today’s date at its edges: a Monday starts one, a Sunday ends it', () => {
    const checkIns = [block('2026-06-07', 20), block('2026-06-08', 40)];
    expect(focusWeek(checkIns, '2026-06-08').minutes).toBe(40);
    expect(focusWeek(checkIns, '2026-06-07').minutes).toBe(20);
  });

  it('averages the ratings of the week’s rated blocks, to one decimal', () => {
    const checkIns = [block('2026-06-08', 90, 4), block('2026-06-09', 90, 4), block('2026-06-10', 60, 3), block('2026-06-10', 30), block('2026-06-01', 90, 1)];
    expect(focusWeek(checkIns, WEDNESDAY)).toEqual({ minutes: 270, averageRating: 3.7 });
    expect(focusWeek([block('2026-06-08', 90, 5), block('2026-06-09', 90, 3)], WEDNESDAY).averageRating).toBe(4);
  });

  it('has no average until a block of the week is rated', () => {
    expect(focusWeek([block('2026-06-08', 90)], WEDNESDAY)).toEqual({ minutes: 90 });
    expect(focusWeek([], WEDNESDAY)).toEqual({ minutes: 0 });
  });
});

describe('focus in words', () => {
  it('writes minutes as minutes, then hours and minutes', () => {
    expect([1, 59, 60, 61, 120, 135].map(durationText)).toEqual(['1 min', '59 min', '1 h', '1 h 1 min', '2 h', '2 h 15 min']);
  });

  it('gives the week a line, with the average only once a block is rated', () => {
    expect(focusWeekText({ minutes: 135, averageRating: 3.8 })).toBe('Focus this week: 2 h 15 min · average focus 3.8 of 5');
    expect(focusWeekText({ minutes: 45 })).toBe('Focus this week: 45 min');
    expect(focusWeekText({ minutes: 90, averageRating: 4 })).toBe('Focus this week: 1 h 30 min · average focus 4 of 5');
    expect(focusWeekText({ minutes: 0 })).toBe('No focus block yet this week');
  });

  it('counts days and weeks with their plurals', () => {
    expect([periodsText(1, 'day'), periodsText(0, 'day'), periodsText(12, 'day'), periodsText(1, 'week'), periodsText(8, 'week')]).toEqual([
      '1 day',
      '0 days',
      '12 days',
      '1 week',
      '8 weeks',
    ]);
  });
});

describe('habitMetrics and focus', () => {
  const focusHabit = aHabit({
    kind: 'focus',
    focus: { minutes: 90, intention: 'The design doc for the billing migration' },
    target: { kind: 'minutes', amount: 90, per: 'day' },
    startsOn: '2026-05-01',
  });
  const input = { events: [], scheduled: [], today: WEDNESDAY, dayBoundary: '04:00' };

  it('gives a focus habit its week, from its own check-ins only', () => {
    const checkIns = [block('2026-06-08', 90, 4), block('2026-06-09', 45, 3), { ...block('2026-06-09', 60, 1), habitId: 'other' }];
    expect(habitMetrics({ habit: focusHabit, checkIns, ...input }).metrics.focus).toEqual({ minutes: 135, averageRating: 3.5 });
  });

  it('gives other habits none', () => {
    expect(habitMetrics({ habit: aHabit(), checkIns: [block('2026-06-08', 90, 4)], ...input }).metrics).not.toHaveProperty('focus');
  });
});
