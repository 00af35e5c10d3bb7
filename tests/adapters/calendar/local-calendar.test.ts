import { describe, expect, it } from 'vitest';
import { LocalCalendar } from '@/src/adapters/calendar/local/local-calendar';
import { aHabit } from '../../fakes/habits';

const ms = (iso: string) => Temporal.Instant.from(iso).epochMilliseconds;

describe('LocalCalendar', () => {
  it('lists the cue instances of active habits, in order, from their start date', async () => {
    const habits = [
      aHabit({ id: 'ny' }),
      aHabit({ id: 'berlin', schedule: { ...aHabit().schedule, timeZone: 'Europe/Berlin' } }),
      aHabit({ id: 'old', archived: true }),
      aHabit({ id: 'later', startsOn: '2026-03-03' }),
    ];
    const calendar = new LocalCalendar(async () => habits);
    const cues = await calendar.listCues(ms('2026-03-02T00:00:00Z'), ms('2026-03-03T00:00:00Z'));
    expect(cues).toEqual([
      { habitId: 'berlin', at: ms('2026-03-02T13:00:00Z') },
      { habitId: 'ny', at: ms('2026-03-02T19:00:00Z') },
    ]);
    await calendar.syncHabit(habits[0]!);
    expect(await calendar.listCues(ms('2026-03-02T00:00:00Z'), ms('2026-03-03T00:00:00Z'))).toEqual(cues);
  });
});
