import type { Habit } from '@/src/core/habit';
import type { HabitInput } from '@/src/core/habit-input';

/** A valid habit, overridable field by field. */
export function aHabit(overrides: Partial<Habit> = {}): Habit {
  return {
    id: 'h1',
    name: 'Review team code',
    target: { kind: 'count', amount: 1, per: 'day' },
    schedule: { days: [1, 2, 3, 4, 5, 6, 7], startTime: '14:00', durationMinutes: 30, timeZone: 'America/New_York' },
    start: { firstStep: 'Open the review queue', link: 'https://example.test/reviews' },
    keystone: false,
    onDashboard: true,
    archived: false,
    startsOn: '2025-01-01',
    createdAt: 0,
    scheduleSince: 0,
    ...overrides,
  };
}

/** Valid habit form input, overridable. */
export function habitInput(overrides: Partial<HabitInput> = {}): HabitInput {
  return {
    name: 'Review team code',
    outcomeId: '',
    targetKind: 'minutes',
    targetAmount: '30',
    targetPer: 'day',
    days: [1, 2, 3, 4, 5],
    startTime: '14:00',
    durationMinutes: '30',
    timeZone: 'America/New_York',
    firstStep: 'Open the review queue',
    link: 'https://example.test/reviews',
    reward: '',
    keystone: false,
    onDashboard: true,
    ...overrides,
  };
}
