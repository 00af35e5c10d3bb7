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

  it('writes every two weeks as WEEKLY;INTERVAL=2 (all seven days too), reads it back and keeps it when ending', () => {
    expect(scheduleToRrule({ days: [4, 1], everyWeeks: 2 })).toBe('RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH');
    expect(scheduleToRrule({ days: [1, 2, 3, 4, 5, 6, 7], everyWeeks: 2 })).toBe('RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TU,WE,TH,FR,SA,SU');
    expect(parseRrule('RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH')).toEqual({ days: [1, 4], everyWeeks: 2 });
    expect(parseRrule('RRULE:FREQ=WEEKLY;INTERVAL=1;BYDAY=MO')).toEqual({ days: [1] });
    const until = Date.parse('2026-03-09T18:59:59Z');
    expect(parseRrule(scheduleToRrule({ days: [1], everyWeeks: 2 }, until))).toEqual({ days: [1], everyWeeks: 2, untilMs: until });
  });

  it('refuses rules it does not write', () => {
    for (const line of [
      'EXDATE:20260101T000000Z',
      'RRULE:FREQ=MONTHLY',
      'RRULE:FREQ=WEEKLY;INTERVAL=3;BYDAY=MO',
      'RRULE:FREQ=DAILY;INTERVAL=2',
      'RRULE:FREQ=WEEKLY;BYDAY=XX',
      'RRULE:FREQ=DAILY;UNTIL=tomorrow',
    ])
      expect(parseRrule(line)).toBeUndefined();
  });
});
