import { describe, expect, it } from 'vitest';
import { dashboardHabits, keystonesToClear, MAX_DASHBOARD_HABITS, rewardText } from '@/src/core/habit';
import { habitToInput, isWebLink, validateHabit, type HabitContext, type HabitInput } from '@/src/core/habit-input';
import { buildToday } from '@/src/core/today';
import { aHabit, habitInput } from '../fakes/habits';

const BASE = { id: 'new', createdAt: 10, archived: false, startsOn: '2026-03-02', scheduleSince: 10 };
const EMPTY: HabitContext = { habits: [], outcomeIds: ['o1'] };

function errorsOf(input: Partial<HabitInput>, context = EMPTY) {
  const result = validateHabit(habitInput(input), BASE, context);
  return result.ok ? {} : result.errors;
}

describe('validateHabit', () => {
  it('builds a habit from good input, trimming text', () => {
    const result = validateHabit(habitInput({ name: '  Review team code ', outcomeId: 'o1', days: [5, 1, 1] }), BASE, EMPTY);
    expect(result).toEqual({
      ok: true,
      value: {
        ...BASE,
        name: 'Review team code',
        outcomeId: 'o1',
        target: { kind: 'minutes', amount: 30, per: 'day' },
        schedule: { days: [1, 5], startTime: '14:00', durationMinutes: 30, timeZone: 'America/New_York' },
        start: { firstStep: 'Open the review queue', link: 'https://example.test/reviews' },
        keystone: false,
        onDashboard: true,
      },
    });
  });

  it.each<[string, Partial<HabitInput>, string, RegExp]>([
    ['an empty name', { name: '   ' }, 'name', /Name the behaviour/],
    ['no day selected', { days: [] }, 'days', /at least one day/],
    ['an invalid time', { startTime: '24:30' }, 'startTime', /HH:MM/],
    ['a time with letters', { startTime: '2pm' }, 'startTime', /HH:MM/],
    ['a javascript: link', { link: 'javascript:alert(1)' }, 'link', /http:\/\/ or https:\/\//],
    ['an ftp link', { link: 'ftp://example.test/x' }, 'link', /http:\/\/ or https:\/\//],
    ['a bare word as link', { link: 'reviews' }, 'link', /http:\/\/ or https:\/\//],
    ['a zero target', { targetAmount: '0' }, 'targetAmount', /at least 1/],
    ['a fractional target', { targetAmount: '2.5' }, 'targetAmount', /whole number/],
    ['an unknown zone', { timeZone: 'Atlantis/Capital' }, 'timeZone', /not a time zone/],
    ['no first step', { firstStep: '' }, 'firstStep', /first two-minute step/],
    ['a vanished outcome', { outcomeId: 'o9' }, 'outcomeId', /no longer exists/],
  ])('refuses %s with a message', (_label, input, field, message) => {
    expect(errorsOf(input)).toEqual({ [field]: expect.stringMatching(message) });
  });

  it('refuses a sixth active dashboard habit, but not an archived or off-dashboard one', () => {
    const five = Array.from({ length: MAX_DASHBOARD_HABITS }, (_, i) => aHabit({ id: `h${i}`, name: `Habit ${i}` }));
    expect(errorsOf({}, { habits: five, outcomeIds: [] }).onDashboard).toMatch(/5 habits at most/);
    expect(errorsOf({ onDashboard: false }, { habits: five, outcomeIds: [] })).toEqual({});
    const oneArchived = five.map((h, i) => (i === 0 ? { ...h, archived: true } : h));
    expect(errorsOf({}, { habits: oneArchived, outcomeIds: [] })).toEqual({});
  });

  it('lets one of the five be edited without counting itself', () => {
    const five = Array.from({ length: MAX_DASHBOARD_HABITS }, (_, i) => aHabit({ id: `h${i}`, name: `Habit ${i}` }));
    const result = validateHabit(habitToInput(five[2]!), { ...BASE, id: 'h2' }, { habits: five, outcomeIds: [] });
    expect(result.ok).toBe(true);
  });

  it('round-trips a habit through its form input', () => {
    const habit = aHabit({ startsOn: BASE.startsOn, createdAt: BASE.createdAt, id: BASE.id, scheduleSince: BASE.scheduleSince });
    expect(validateHabit(habitToInput(habit), BASE, EMPTY)).toEqual({ ok: true, value: habit });
  });
});

describe('duplicate names', () => {
  const taken = 'You already have a habit called “Review team code”. Give this one a different name, or edit that one.';
  const context = (...habits: ReturnType<typeof aHabit>[]): HabitContext => ({ habits, outcomeIds: [] });

  it.each([
    ['the same name', 'Review team code'],
    ['other case and spaces', '  review TEAM code '],
  ])('refuses %s as another active habit, beside the name', (_label, name) => {
    expect(errorsOf({ name }, context(aHabit({ id: 'other' })))).toEqual({ name: taken });
  });

  it('compares names in NFC, whatever form each was typed in', () => {
    const composed = aHabit({ id: 'other', name: 'Caf\u00e9 chat' });
    expect(errorsOf({ name: 'CAFE\u0301 CHAT' }, context(composed)).name).toBe(
      'You already have a habit called “Café chat”. Give this one a different name, or edit that one.',
    );
  });

  it('ignores archived habits and the habit being edited', () => {
    expect(errorsOf({}, context(aHabit({ id: 'other', archived: true })))).toEqual({});
    const self = aHabit({ id: BASE.id });
    expect(errorsOf({ name: 'REVIEW team code' }, context(self))).toEqual({});
  });

  it('lets an archived habit share a name (it is refused when restored)', () => {
    const result = validateHabit(habitInput(), { ...BASE, archived: true }, context(aHabit({ id: 'other' })));
    expect(result.ok).toBe(true);
  });

  it('lets a different name through', () => {
    expect(errorsOf({ name: 'Review team code daily' }, context(aHabit({ id: 'other' })))).toEqual({});
  });
});

describe('reward', () => {
  it('is trimmed, stored when given and absent when empty', () => {
    const given = validateHabit(habitInput({ reward: '  coffee with the team ' }), BASE, EMPTY);
    expect(given.ok && given.value.reward).toBe('coffee with the team');
    const empty = validateHabit(habitInput({ reward: '   ' }), BASE, EMPTY);
    expect(empty.ok && 'reward' in empty.value).toBe(false);
  });

  it('allows 120 characters and refuses more, beside the field', () => {
    expect(errorsOf({ reward: 'x'.repeat(120) })).toEqual({});
    expect(errorsOf({ reward: '☕'.repeat(120) })).toEqual({});
    expect(errorsOf({ reward: 'x'.repeat(121) })).toEqual({ reward: 'Keep the reward to 120 characters or fewer.' });
  });

  it('round-trips through the form input', () => {
    const habit = aHabit({ ...BASE, reward: 'coffee with the team' });
    expect(habitToInput(habit).reward).toBe('coffee with the team');
    expect(habitToInput(aHabit()).reward).toBe('');
    expect(validateHabit(habitToInput(habit), BASE, EMPTY)).toEqual({ ok: true, value: habit });
  });

  it('is dropped when an edit clears it, as is a cleared outcome', () => {
    const stored = aHabit({ ...BASE, reward: 'coffee with the team', outcomeId: 'o1' });
    const edited = validateHabit(habitToInput({ ...stored, reward: '', outcomeId: undefined }), stored, { habits: [stored], outcomeIds: ['o1'] });
    expect(edited.ok && edited.value).toEqual(aHabit({ ...BASE }));
  });

  it('reads as one sentence on check-off', () => {
    expect(`Done. ${rewardText('coffee with the team')}`).toBe('Done. Reward: coffee with the team.');
    expect(rewardText(' a walk outside! ')).toBe('Reward: a walk outside!');
    expect(rewardText('tick the box.')).toBe('Reward: tick the box.');
  });

  it('reaches the popup item only when there is one', () => {
    const habits = [aHabit({ id: 'a', reward: 'coffee with the team' }), aHabit({ id: 'b', createdAt: 1 })];
    const [a, b] = buildToday(habits, [], [], '2026-03-02');
    expect(a?.reward).toBe('coffee with the team');
    expect(b && 'reward' in b).toBe(false);
  });
});

describe('isWebLink', () => {
  it('accepts only absolute http(s) URLs', () => {
    expect(isWebLink('https://github.com/pulls')).toBe(true);
    expect(isWebLink('http://localhost:3000/')).toBe(true);
    expect(isWebLink('file:///etc/passwd')).toBe(false);
    expect(isWebLink('data:text/html,hi')).toBe(false);
    expect(isWebLink('//example.test')).toBe(false);
  });
});

describe('dashboardHabits', () => {
  it('puts the keystone first, then the oldest, and shows five at most', () => {
    const habits = [
      aHabit({ id: 'late', createdAt: 9 }),
      aHabit({ id: 'archived', createdAt: 0, archived: true }),
      aHabit({ id: 'off', createdAt: 0, onDashboard: false }),
      aHabit({ id: 'key', createdAt: 8, keystone: true }),
      ...[1, 2, 3, 4, 5].map((n) => aHabit({ id: `n${n}`, createdAt: n })),
    ];
    expect(dashboardHabits(habits).map((h) => h.id)).toEqual(['key', 'n1', 'n2', 'n3', 'n4']);
  });

  it('unmarks the previous keystone', () => {
    const habits = [aHabit({ id: 'a', keystone: true }), aHabit({ id: 'b' })];
    expect(keystonesToClear(habits, 'b')).toEqual([{ ...habits[0], keystone: false }]);
    expect(keystonesToClear(habits, 'a')).toEqual([]);
  });
});
