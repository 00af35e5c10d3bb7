import { describe, expect, it } from 'vitest';
import { expandSchedule, scheduleErrors, type Schedule } from '@/src/core/schedule';

const ms = (iso: string) => Temporal.Instant.from(iso).epochMilliseconds;
const iso = (epoch: number) => Temporal.Instant.fromEpochMilliseconds(epoch).toString();
const daily = (timeZone: string, startTime = '14:00'): Schedule => ({ days: [1, 2, 3, 4, 5, 6, 7], startTime, durationMinutes: 30, timeZone });

/** The cue instants, as UTC strings, for the local dates around a change. */
function around(schedule: Schedule, fromIso: string, toIso: string): string[] {
  return expandSchedule(schedule, ms(fromIso), ms(toIso)).map((c) => `${c.localDate} ${iso(c.at)}`);
}

describe('expandSchedule across DST', () => {
  it.each([
    // America/New_York: EST (UTC-5) to EDT (UTC-4) and back, 2025 and 2026.
    ['America/New_York', '2025-03-08', '2025-03-10', ['2025-03-08 2025-03-08T19:00:00Z', '2025-03-09 2025-03-09T18:00:00Z', '2025-03-10 2025-03-10T18:00:00Z']],
    ['America/New_York', '2025-11-01', '2025-11-03', ['2025-11-01 2025-11-01T18:00:00Z', '2025-11-02 2025-11-02T19:00:00Z', '2025-11-03 2025-11-03T19:00:00Z']],
    ['America/New_York', '2026-03-07', '2026-03-09', ['2026-03-07 2026-03-07T19:00:00Z', '2026-03-08 2026-03-08T18:00:00Z', '2026-03-09 2026-03-09T18:00:00Z']],
    ['America/New_York', '2026-10-31', '2026-11-02', ['2026-10-31 2026-10-31T18:00:00Z', '2026-11-01 2026-11-01T19:00:00Z', '2026-11-02 2026-11-02T19:00:00Z']],
    // Europe/Berlin: CET (UTC+1) to CEST (UTC+2) and back, 2025 and 2026.
    ['Europe/Berlin', '2025-03-29', '2025-03-31', ['2025-03-29 2025-03-29T13:00:00Z', '2025-03-30 2025-03-30T12:00:00Z', '2025-03-31 2025-03-31T12:00:00Z']],
    ['Europe/Berlin', '2025-10-25', '2025-10-27', ['2025-10-25 2025-10-25T12:00:00Z', '2025-10-26 2025-10-26T13:00:00Z', '2025-10-27 2025-10-27T13:00:00Z']],
    ['Europe/Berlin', '2026-03-28', '2026-03-30', ['2026-03-28 2026-03-28T13:00:00Z', '2026-03-29 2026-03-29T12:00:00Z', '2026-03-30 2026-03-30T12:00:00Z']],
    ['Europe/Berlin', '2026-10-24', '2026-10-26', ['2026-10-24 2026-10-24T12:00:00Z', '2026-10-25 2026-10-25T13:00:00Z', '2026-10-26 2026-10-26T13:00:00Z']],
    // Asia/Kolkata has no DST: 14:00 IST is 08:30Z all year, on the dates the other zones change.
    ['Asia/Kolkata', '2025-03-08', '2025-03-10', ['2025-03-08 2025-03-08T08:30:00Z', '2025-03-09 2025-03-09T08:30:00Z', '2025-03-10 2025-03-10T08:30:00Z']],
    ['Asia/Kolkata', '2026-10-24', '2026-10-26', ['2026-10-24 2026-10-24T08:30:00Z', '2026-10-25 2026-10-25T08:30:00Z', '2026-10-26 2026-10-26T08:30:00Z']],
  ])('%s keeps 14:00 local from %s to %s', (zone, first, last, expected) => {
    expect(around(daily(zone), `${first}T00:00:00Z`, `${last}T23:59:59Z`)).toEqual(expected);
  });

  it('keeps the wall time on every day of 2025 and 2026 in each zone', () => {
    for (const zone of ['America/New_York', 'Europe/Berlin', 'Asia/Kolkata']) {
      const cues = expandSchedule(daily(zone, '07:15'), ms('2025-01-01T12:00:00Z'), ms('2027-01-01T12:00:00Z'));
      expect(cues).toHaveLength(730);
      for (const cue of cues) {
        const local = Temporal.Instant.fromEpochMilliseconds(cue.at).toZonedDateTimeISO(zone);
        expect(local.toPlainTime().toString()).toBe('07:15:00');
        expect(local.toPlainDate().toString()).toBe(cue.localDate);
      }
    }
  });

  it('moves a wall time inside the spring-forward gap to the first valid instant', () => {
    // 02:30 does not exist in New York on 2025-03-09; the cue fires at 03:30 EDT.
    expect(around(daily('America/New_York', '02:30'), '2025-03-09T00:00:00Z', '2025-03-09T23:00:00Z')).toEqual(['2025-03-09 2025-03-09T07:30:00Z']);
  });

  it('fires once, at the earlier instant, for a wall time inside the autumn fold', () => {
    // 01:30 happens twice in New York on 2025-11-02 (EDT then EST); one cue, at 05:30Z.
    expect(around(daily('America/New_York', '01:30'), '2025-11-02T00:00:00Z', '2025-11-03T00:00:00Z')).toEqual(['2025-11-02 2025-11-02T05:30:00Z']);
  });

  it('only fires on the chosen weekdays', () => {
    const weekdays: Schedule = { ...daily('Europe/Berlin'), days: [1, 3, 5] };
    const dates = expandSchedule(weekdays, ms('2026-03-02T00:00:00Z'), ms('2026-03-09T00:00:00Z')).map((c) => c.localDate);
    expect(dates).toEqual(['2026-03-02', '2026-03-04', '2026-03-06']);
  });

  it('returns the window half-open and nothing before the habit started', () => {
    const s = daily('Europe/Berlin');
    expect(expandSchedule(s, ms('2026-03-02T13:00:00Z'), ms('2026-03-03T13:00:00Z')).map((c) => iso(c.at))).toEqual(['2026-03-02T13:00:00Z']);
    expect(expandSchedule(s, ms('2026-03-01T00:00:00Z'), ms('2026-03-05T00:00:00Z'), '2026-03-03').map((c) => c.localDate)).toEqual([
      '2026-03-03',
      '2026-03-04',
    ]);
    expect(expandSchedule(s, ms('2026-03-05T00:00:00Z'), ms('2026-03-01T00:00:00Z'))).toEqual([]);
  });

  it('follows the schedule zone, not the zone of the window, when the person travels', () => {
    // A New York cue seen from Tokyo (the window opens at midnight there) still fires at 14:00 New York time.
    const cues = expandSchedule(daily('America/New_York'), ms('2026-06-01T00:00:00+09:00'), ms('2026-06-02T00:00:00Z'));
    expect(cues.map((c) => iso(c.at))).toEqual(['2026-05-31T18:00:00Z', '2026-06-01T18:00:00Z']);
  });
});

describe('scheduleErrors', () => {
  it('accepts a good schedule', () => {
    expect(scheduleErrors(daily('Asia/Kolkata'))).toEqual({});
  });

  it('names each problem', () => {
    const errors = scheduleErrors({ days: [], startTime: '25:00', durationMinutes: 0, timeZone: 'Mars/Olympus' });
    expect(errors.days).toMatch(/at least one day/);
    expect(errors.startTime).toMatch(/HH:MM/);
    expect(errors.durationMinutes).toMatch(/minutes/);
    expect(errors.timeZone).toMatch(/Mars\/Olympus/);
  });
});
