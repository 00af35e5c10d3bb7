import { describe, expect, it } from 'vitest';
import { firstCue } from '@/src/core/first-cue';
import { sameSchedule } from '@/src/core/habit';
import { expandSchedule, scheduleErrors, type Schedule } from '@/src/core/schedule';
import { aHabit } from '../fakes/habits';

const ms = (iso: string) => Temporal.Instant.from(iso).epochMilliseconds;
const biweekly: Schedule = { days: [1, 4], startTime: '09:00', durationMinutes: 30, timeZone: 'America/New_York', everyWeeks: 2 };
const dates = (s: Schedule, from: string, to: string, startsOn?: string, since?: string) =>
  expandSchedule(s, ms(from), ms(to), startsOn, since === undefined ? undefined : ms(since)).map((o) => o.localDate);

describe('every two weeks', () => {
  it('keeps the weeks an even number of ISO weeks from the first cue at or after scheduleSince, whatever the window', () => {
    // Since Wednesday 2026-02-25: the first cue is Thursday the 26th, so the weeks of Feb 23, Mar 9, Mar 23 fire.
    const since = '2026-02-25T15:00:00Z';
    expect(dates(biweekly, since, '2026-03-28T00:00:00Z', undefined, since)).toEqual(['2026-02-26', '2026-03-09', '2026-03-12', '2026-03-23', '2026-03-26']);
    // A later window (the local calendar reads from max(from, scheduleSince)) keeps the same weeks.
    expect(dates(biweekly, '2026-03-10T00:00:00Z', '2026-03-28T00:00:00Z', undefined, since)).toEqual(['2026-03-12', '2026-03-23', '2026-03-26']);
    // Every week is unchanged.
    const { everyWeeks: _, ...weekly } = biweekly;
    expect(dates(weekly, since, '2026-03-10T00:00:00Z')).toEqual(['2026-02-26', '2026-03-02', '2026-03-05', '2026-03-09']);
  });

  it('anchors on the first occurrence: a cue already past on the day of the change and startsOn both move it', () => {
    // Monday 2026-03-02 10:00 New York, after the 09:00 cue: the first is Thursday the 5th, in the same week.
    expect(dates(biweekly, '2026-03-02T15:00:00Z', '2026-03-24T00:00:00Z', undefined, '2026-03-02T15:00:00Z')).toEqual([
      '2026-03-05',
      '2026-03-16',
      '2026-03-19',
    ]);
    // Sunday: the first cue is the next Monday, whose week is the anchor.
    const sunday = '2026-03-08T15:00:00Z';
    expect(dates(biweekly, sunday, '2026-03-24T00:00:00Z', undefined, sunday)).toEqual(['2026-03-09', '2026-03-12', '2026-03-23']);
    // A habit that starts later anchors on its first day.
    expect(dates(biweekly, '2026-03-02T15:00:00Z', '2026-03-31T00:00:00Z', '2026-03-10', '2026-03-02T15:00:00Z')).toEqual([
      '2026-03-12',
      '2026-03-23',
      '2026-03-26',
    ]);
  });

  it('gives the first cue of the series (the calendars count their weeks from it), even far ahead', () => {
    const since = ms('2026-03-02T15:00:00Z');
    expect(firstCue(aHabit({ schedule: biweekly, scheduleSince: since, startsOn: '2026-03-02' })).localDate).toBe('2026-03-05');
    expect(firstCue(aHabit({ schedule: biweekly, scheduleSince: since, startsOn: '2026-06-01' })).localDate).toBe('2026-06-01');
  });

  it('is validated (1 or 2 only) and a change of cadence is a schedule change', () => {
    expect(scheduleErrors(biweekly)).toEqual({});
    expect(scheduleErrors({ ...biweekly, everyWeeks: 3 as 2 })).toEqual({ everyWeeks: 'Repeat every week or every two weeks.' });
    const { everyWeeks: _, ...weekly } = biweekly;
    expect(sameSchedule(biweekly, weekly)).toBe(false);
    expect(sameSchedule(biweekly, { ...weekly, everyWeeks: 2 })).toBe(true);
    expect(sameSchedule(weekly, { ...weekly })).toBe(true);
  });
});
