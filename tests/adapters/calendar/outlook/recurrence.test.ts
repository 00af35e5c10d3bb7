import { describe, expect, it } from 'vitest';
import { recurrenceDays, recurrenceEveryWeeks, scheduleToRecurrence } from '@/src/adapters/calendar/outlook/recurrence';

describe('Graph recurrence', () => {
  it.each([[[1, 2, 3, 4, 5, 6, 7]], [[1, 2, 3, 4, 5]], [[7, 3]]])('writes %j and reads the same days back', (days) => {
    const recurrence = scheduleToRecurrence({ days, timeZone: 'Europe/Berlin' }, '2026-03-02');
    expect(recurrenceDays(recurrence)).toEqual([...days].sort((a, b) => a - b));
    expect(recurrence.range).toEqual({ type: 'noEnd', startDate: '2026-03-02', recurrenceTimeZone: 'Europe/Berlin' });
  });

  it('writes a daily pattern without daysOfWeek and a weekly one starting Monday, and ends on a date', () => {
    expect(scheduleToRecurrence({ days: [1, 2, 3, 4, 5, 6, 7], timeZone: 'UTC' }, '2026-03-02').pattern).toEqual({ type: 'daily', interval: 1 });
    const weekly = scheduleToRecurrence({ days: [5, 1], timeZone: 'UTC' }, '2026-03-02', '2026-04-30');
    expect(weekly).toEqual({
      pattern: { type: 'weekly', interval: 1, daysOfWeek: ['monday', 'friday'], firstDayOfWeek: 'monday' },
      range: { type: 'endDate', startDate: '2026-03-02', endDate: '2026-04-30', recurrenceTimeZone: 'UTC' },
    });
  });

  it('writes every two weeks as a weekly pattern with interval 2 (all seven days too) and reads it back', () => {
    const every = scheduleToRecurrence({ days: [4, 1], timeZone: 'UTC', everyWeeks: 2 }, '2026-03-05');
    expect(every.pattern).toEqual({ type: 'weekly', interval: 2, daysOfWeek: ['monday', 'thursday'], firstDayOfWeek: 'monday' });
    expect([recurrenceDays(every), recurrenceEveryWeeks(every)]).toEqual([[1, 4], 2]);
    const all = scheduleToRecurrence({ days: [1, 2, 3, 4, 5, 6, 7], timeZone: 'UTC', everyWeeks: 2 }, '2026-03-05');
    expect(all.pattern).toMatchObject({ type: 'weekly', interval: 2 });
    expect(recurrenceEveryWeeks(scheduleToRecurrence({ days: [1], timeZone: 'UTC' }, '2026-03-02'))).toBeUndefined();
  });

  it('reads only patterns Cueboard writes', () => {
    expect(recurrenceDays({ pattern: { type: 'absoluteMonthly', interval: 1, dayOfMonth: 3 } })).toBeUndefined();
    expect(recurrenceDays({ pattern: { type: 'weekly', interval: 3, daysOfWeek: ['monday'] } })).toBeUndefined();
  });
});
