import { describe, expect, it } from 'vitest';
import { habitToInput, MAX_PEOPLE, validateHabit, type HabitContext, type HabitInput } from '@/src/core/habit-input';
import { aHabit, habitInput } from '../fakes/habits';

const BASE = { id: 'new', createdAt: 10, archived: false, startsOn: '2026-03-02', scheduleSince: 10 };
const EMPTY: HabitContext = { habits: [], outcomeIds: [] };
const perPerson = (people: string[], more: Partial<HabitInput> = {}) =>
  habitInput({ name: '1-on-1 with each direct report', targetPer: 'week', people, ...more });

function errorsOf(input: HabitInput) {
  const result = validateHabit(input, BASE, EMPTY);
  return result.ok ? {} : result.errors;
}

describe('validateHabit with a list of people', () => {
  it('keeps the trimmed names and makes the target each of them once per period, whatever the amount field says', () => {
    const result = validateHabit(perPerson([' Ana ', 'Ben', 'Cara'], { targetKind: 'minutes', targetAmount: '' }), BASE, EMPTY);
    expect(result.ok && result.value).toMatchObject({ people: ['Ana', 'Ben', 'Cara'], target: { kind: 'count', amount: 3, per: 'week' } });
  });

  it.each<[string, string[], string, RegExp]>([
    ['an empty name', ['Ana', '   '], 'people.1', /Write this person’s name, or remove the row/],
    ['the same name twice', ['Ana', 'Ben', 'Ana'], 'people.2', /Ana is already on the list/],
    ['a duplicate that differs only in case and spaces', ['Ana', ' ANA '], 'people.1', /Ana is already on the list/],
    ['a name longer than 60 characters', ['A'.repeat(61)], 'people.0', /60 characters or fewer/],
  ])('refuses %s beside that person’s field', (_what, people, field, message) => {
    const errors = errorsOf(perPerson(people));
    expect(errors[field as keyof typeof errors]).toMatch(message);
    expect(Object.keys(errors)).toEqual([field]);
  });

  it('refuses an empty list, and more than the most it holds, beside the list', () => {
    expect(errorsOf(perPerson([]))).toEqual({ people: 'Add at least one person, or stop counting per person.' });
    const crowd = Array.from({ length: MAX_PEOPLE + 1 }, (_, i) => `Person ${i}`);
    expect(errorsOf(perPerson(crowd)).people).toMatch(/at most/);
  });

  it('says each problem once, for the later of two twins only', () => {
    expect(errorsOf(perPerson(['Ana', '', 'ana', 'Ben', 'BEN']))).toEqual({
      'people.1': expect.stringMatching(/Write this person’s name/),
      'people.2': expect.stringMatching(/Ana is already/),
      'people.4': expect.stringMatching(/Ben is already/),
    });
  });

  it('leaves a habit without a list unchanged: no people key, the amount as typed', () => {
    const result = validateHabit(habitInput({ targetKind: 'count', targetAmount: '3', targetPer: 'week' }), BASE, EMPTY);
    expect(result.ok && result.value).not.toHaveProperty('people');
    expect(result.ok && result.value.target).toEqual({ kind: 'count', amount: 3, per: 'week' });
  });
});

describe('habitToInput with people', () => {
  it('round-trips a per-person habit and leaves an old habit without a list as it was', () => {
    const habit = aHabit({ people: ['Ana', 'Ben'], target: { kind: 'count', amount: 2, per: 'week' } });
    const input = habitToInput(habit);
    expect(input.people).toEqual(['Ana', 'Ben']);
    expect(input.people).not.toBe(habit.people);
    expect(habitToInput(aHabit())).not.toHaveProperty('people');
    const again = validateHabit(input, habit, { habits: [habit], outcomeIds: [] });
    expect(again.ok && again.value).toMatchObject({ people: ['Ana', 'Ben'], target: { kind: 'count', amount: 2, per: 'week' } });
  });
});
