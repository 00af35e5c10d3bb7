import { describe, expect, it } from 'vitest';
import { parseRrule, scheduleToRrule, utcBasic } from '@/src/adapters/calendar/google/rrule';

describe('RRULE lines', () => {
  it.each([
    [[1, 2, 3, 4, 5, 6, 7], 'RRULE:FREQ=DAILY'],
    [[1, 2, 3, 4, 5], 'RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR'],
    [[7, 3], 'RRULE:FREQ=WEEKLY;BYDAY=WE,SU'],
  ])('writes %j as %s and reads it back', (days, line) => {
    expect(scheduleToRrule({ days })).toBe(line);
    expect(parseRrule(line)).toEqual({ days: [...days].sort((a, b) => a - b) });
  });

  it('ends a series with a UTC UNTIL in whole seconds', () => {
    const until = Date.parse('2026-03-09T18:59:59.750Z');
    expect(utcBasic(until)).toBe('20260309T185959Z');
    const line = scheduleToRrule({ days: [1] }, until);
    expect(line).toBe('RRULE:FREQ=WEEKLY;BYDAY=MO;UNTIL=20260309T185959Z');
    expect(parseRrule(line)).toEqual({ days: [1], untilMs: Date.parse('2026-03-09T18:59:59Z') });
  });

  it('refuses rules it does not write', () => {
    for (const line of ['EXDATE:20260101T000000Z', 'RRULE:FREQ=MONTHLY', 'RRULE:FREQ=WEEKLY;BYDAY=XX', 'RRULE:FREQ=DAILY;UNTIL=tomorrow']) expect(parseRrule(line)).toBeUndefined();
  });
});
