import { describe, expect, it } from 'vitest';
import { base32hex, bodyHash, googleEventBody, googleEventId } from '@/src/adapters/calendar/google/event-body';
import { aHabit } from '../../../fakes/habits';

const ms = (iso: string) => Temporal.Instant.from(iso).epochMilliseconds;

describe('Google event body', () => {
  it('makes ids Google accepts (base32hex a–v, 0–9), stable per habit and schedule start', () => {
    for (const habitId of ['h1', '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f', 'ünïcødé']) {
      const id = googleEventId(habitId, 1_772_000_000_000);
      expect(id).toMatch(/^[a-v0-9]{5,1024}$/);
      expect(googleEventId(habitId, 1_772_000_000_000)).toBe(id);
      expect(googleEventId(habitId, 1_772_000_000_001)).not.toBe(id);
    }
    expect(base32hex('f')).toBe('co');
    expect(base32hex('foobar')).toBe('cpnmuoj1e8');
  });

  it('writes the first cue in the habit zone, a transparent event with a 0-minute popup and our private marker', () => {
    // Schedule changed on Saturday 2026-03-07 at 10:00 New York; the next weekday cue is Monday after the DST change.
    const habit = aHabit({
      id: 'h1',
      scheduleSince: ms('2026-03-07T15:00:00Z'),
      schedule: { days: [1, 2, 3, 4, 5], startTime: '14:00', durationMinutes: 30, timeZone: 'America/New_York' },
    });
    expect(googleEventBody(habit)).toEqual({
      id: googleEventId('h1', habit.scheduleSince),
      status: 'confirmed',
      summary: 'Review team code',
      description: 'Two-minute start: Open the review queue\nhttps://example.test/reviews\n\nA Cueboard cue: check it off from the notification or the popup.',
      start: { dateTime: '2026-03-09T14:00:00', timeZone: 'America/New_York' },
      end: { dateTime: '2026-03-09T14:30:00', timeZone: 'America/New_York' },
      recurrence: ['RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR'],
      reminders: { useDefault: false, overrides: [{ method: 'popup', minutes: 0 }] },
      transparency: 'transparent',
      extendedProperties: { private: { app: 'cueboard', habitId: 'h1' } },
    });
  });

  it('fingerprints bodies independently of key order', () => {
    const body = googleEventBody(aHabit());
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    expect(bodyHash(reordered)).toBe(bodyHash(body));
    expect(bodyHash({ ...body, summary: 'x' })).not.toBe(bodyHash(body));
  });
});
