import { describe, expect, it } from 'vitest';
import { LocalCalendar } from '@/src/adapters/calendar/local/local-calendar';
import { SnapshotCalendar } from '@/src/adapters/calendar/snapshot-calendar';
import { IdbCalendarStore } from '@/src/adapters/storage/idb-calendar-store';
import { openCueboardDb } from '@/src/adapters/storage/open-db';
import { FixedClock } from '../../fakes/fixed-clock';
import { aHabit } from '../../fakes/habits';

const ms = (iso: string) => Temporal.Instant.from(iso).epochMilliseconds;

describe('SnapshotCalendar', () => {
  it('answers from the last poll where it reaches (a moved cue stays moved) and from the schedule beyond it', async () => {
    const store = new IdbCalendarStore(await openCueboardDb());
    const habit = aHabit({ id: 'h1' }); // daily 14:00 New York = 19:00Z
    const calendar = new SnapshotCalendar('google', store, FixedClock.at('2026-03-02T15:00:00Z'), new LocalCalendar(async () => [habit]));
    await store.putSnapshot({
      provider: 'google',
      from: ms('2026-03-01T15:00:00Z'),
      to: ms('2026-03-04T15:00:00Z'),
      fetchedAt: 0,
      cues: [
        { habitId: 'h1', at: ms('2026-03-02T19:00:00Z') },
        { habitId: 'h1', at: ms('2026-03-03T21:15:00Z') }, // moved in the calendar
      ],
    });
    const cues = await calendar.listCues(ms('2026-03-02T15:00:00Z'), ms('2026-03-06T15:00:00Z'));
    expect(cues.map((c) => new Date(c.at).toISOString())).toEqual([
      '2026-03-02T19:00:00.000Z',
      '2026-03-03T21:15:00.000Z',
      '2026-03-04T19:00:00.000Z',
      '2026-03-05T19:00:00.000Z',
    ]);
  });

  it('falls back to the schedules entirely without a snapshot', async () => {
    const store = new IdbCalendarStore(await openCueboardDb());
    const calendar = new SnapshotCalendar('outlook', store, FixedClock.at('2026-03-02T15:00:00Z'), new LocalCalendar(async () => [aHabit({ id: 'h1' })]));
    expect(await calendar.listCues(ms('2026-03-02T15:00:00Z'), ms('2026-03-03T15:00:00Z'))).toEqual([{ habitId: 'h1', at: ms('2026-03-02T19:00:00Z') }]);
  });

  it('takes a habit still waiting in the outbox from its own schedule (a new habit, an edited time, a hung write)', async () => {
    const store = new IdbCalendarStore(await openCueboardDb());
    const kept = aHabit({ id: 'h1' }); // daily 14:00 New York = 19:00Z, written and polled
    const edited = aHabit({ id: 'h2', schedule: { ...aHabit().schedule, startTime: '16:00' } }); // was 15:00 in the poll
    const calendar = new SnapshotCalendar('google', store, FixedClock.at('2026-03-02T15:00:00Z'), new LocalCalendar(async () => [kept, edited]));
    await store.putSnapshot({
      provider: 'google',
      from: ms('2026-03-02T05:00:00Z'),
      to: ms('2026-03-03T05:00:00Z'),
      fetchedAt: 0,
      cues: [
        { habitId: 'h1', at: ms('2026-03-02T19:00:00Z') },
        { habitId: 'h2', at: ms('2026-03-02T20:00:00Z') },
      ],
    });
    await calendar.syncHabit(edited);
    const cues = await calendar.listCues(ms('2026-03-02T05:00:00Z'), ms('2026-03-03T05:00:00Z'));
    expect(cues).toEqual([
      { habitId: 'h1', at: ms('2026-03-02T19:00:00Z') },
      { habitId: 'h2', at: ms('2026-03-02T21:00:00Z') },
    ]);
  });
});
