import { describe, expect, it } from 'vitest';
import type { CalendarInstance } from '@/src/core/calendar-sync';
import { planFlexible, type FlexPlanInput } from '@/src/core/flex-plan';
import { aHabit } from '../fakes/habits';

const ZONE = 'America/New_York';
const at = (wall: string) => Temporal.PlainDateTime.from(wall).toZonedDateTime(ZONE).epochMilliseconds;
const MIN = 60_000;
/** Wednesday 2026-06-10, 09:00 in New York. */
const NOW = at('2026-06-10T09:00');

const review = aHabit({
  id: 'review',
  schedule: { days: [1, 2, 3, 4, 5], startTime: '14:00', durationMinutes: 30, timeZone: ZONE, window: { from: '13:00', to: '17:00', bufferMinutes: 5 } },
});
const calls = aHabit({ id: 'calls', schedule: { days: [1, 2, 3, 4, 5], startTime: '15:00', durationMinutes: 60, timeZone: ZONE } });

function instance(start: string, overrides: Partial<CalendarInstance> = {}): CalendarInstance {
  const original = at(start);
  return { habitId: 'review', at: original, end: original + 30 * MIN, originalAt: original, instanceId: `s_${start}`, ...overrides };
}

function input(overrides: Partial<FlexPlanInput> = {}): FlexPlanInput {
  return {
    habits: [review, calls],
    snapshot: { cues: [], busy: [], allDay: [], instances: [instance('2026-06-10T14:00')] },
    ownMoves: {},
    capMinutes: 120,
    skipWords: ['OOO'],
    now: NOW,
    ...overrides,
  };
}

describe('placing flexible instances after a poll', () => {
  it('leaves an instance whose slot is free where it is', () => {
    expect(planFlexible(input())).toEqual([expect.objectContaining({ kind: 'keep', why: 'in-place' })]);
  });

  it('moves an instance a meeting landed on to the nearest free slot, after the buffer', () => {
    const busy = [{ start: at('2026-06-10T13:45'), end: at('2026-06-10T14:30') }];
    const [action] = planFlexible(input({ snapshot: { cues: [], busy, allDay: [], instances: [instance('2026-06-10T14:00')] } }));
    // Before the meeting: 13:15–13:45 is 45 minutes from the ideal; after it (+5): 14:35 is 35 minutes away.
    expect(action).toEqual({
      kind: 'move',
      instance: expect.objectContaining({ instanceId: 's_2026-06-10T14:00' }),
      start: at('2026-06-10T14:35'),
      end: at('2026-06-10T15:05'),
    });
  });

  it('never moves an instance the person moved by hand, even onto a meeting', () => {
    const moved = instance('2026-06-10T14:00', { at: at('2026-06-10T16:00'), end: at('2026-06-10T16:30') });
    const busy = [{ start: at('2026-06-10T16:00'), end: at('2026-06-10T17:00') }];
    expect(planFlexible(input({ snapshot: { cues: [], busy, allDay: [], instances: [moved] } }))).toEqual([{ kind: 'keep', instance: moved, why: 'by-hand' }]);
  });

  it('moves an instance it moved itself back toward the ideal once the meeting is gone', () => {
    const ours = instance('2026-06-10T14:00', { at: at('2026-06-10T14:35'), end: at('2026-06-10T15:05') });
    const [action] = planFlexible(input({ snapshot: { cues: [], busy: [], allDay: [], instances: [ours] }, ownMoves: { [ours.instanceId]: [ours.at] } }));
    expect(action).toMatchObject({ kind: 'move', start: at('2026-06-10T14:00') });
  });

  it('marks "no free time" with the reason when the window is full', () => {
    const busy = [{ start: at('2026-06-10T12:00'), end: at('2026-06-10T17:30') }];
    expect(planFlexible(input({ snapshot: { cues: [], busy, allDay: [], instances: [instance('2026-06-10T14:00')] } }))).toEqual([
      expect.objectContaining({ kind: 'unplaced', why: 'no-free-time', reason: 'No free 30 minutes between 13:00 and 17:00 today.' }),
    ]);
  });

  it('counts fixed habits’ cue blocks against the day and the cap, and keeps off them', () => {
    const cues = [{ habitId: 'calls', at: at('2026-06-10T14:00') }];
    const [moved] = planFlexible(input({ snapshot: { cues, busy: [], allDay: [], instances: [instance('2026-06-10T14:00')] } }));
    // 13:30 ends as the calls begin (no buffer before a block): 30 minutes from the ideal, against 60 after them.
    expect(moved).toMatchObject({ kind: 'move', start: at('2026-06-10T13:30') });
    const [capped] = planFlexible(input({ capMinutes: 60, snapshot: { cues, busy: [], allDay: [], instances: [instance('2026-06-10T14:00')] } }));
    expect(capped).toMatchObject({ kind: 'unplaced', why: 'cap' });
  });

  it('gives a day off no block, and leaves a block already started alone', () => {
    const allDay = [{ startDate: '2026-06-10', endDate: '2026-06-11', title: 'OOO – offsite' }];
    expect(planFlexible(input({ snapshot: { cues: [], busy: [], allDay, instances: [instance('2026-06-10T14:00')] } }))).toEqual([
      expect.objectContaining({ kind: 'unplaced', why: 'day-off' }),
    ]);
    const started = instance('2026-06-10T14:00');
    expect(planFlexible(input({ now: at('2026-06-10T14:10'), snapshot: { cues: [], busy: [], allDay: [], instances: [started] } }))).toEqual([
      { kind: 'keep', instance: started, why: 'started' },
    ]);
  });

  it('plans each day of the next 48 hours apart, and ignores fixed habits’ and archived habits’ instances', () => {
    const tomorrow = instance('2026-06-11T14:00');
    const later = instance('2026-06-13T14:00');
    const archived = { ...instance('2026-06-10T14:00'), habitId: 'gone' };
    const actions = planFlexible(
      input({
        habits: [review, calls, aHabit({ id: 'gone', archived: true, schedule: review.schedule })],
        snapshot: { cues: [], busy: [], allDay: [], instances: [instance('2026-06-10T14:00'), tomorrow, later, archived] },
      }),
    );
    expect(actions.map((a) => a.instance.instanceId)).toEqual(['s_2026-06-10T14:00', 's_2026-06-11T14:00']);
  });
});
