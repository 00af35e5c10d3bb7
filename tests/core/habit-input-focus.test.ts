import { describe, expect, it } from 'vitest';
import { habitToInput, MAX_INTENTION_LENGTH, validateHabit, type HabitContext, type HabitInput } from '@/src/core/habit-input';
import { aHabit, habitInput } from '../fakes/habits';

const BASE = { id: 'new', createdAt: 10, archived: false, startsOn: '2026-03-02', scheduleSince: 10 };
const EMPTY: HabitContext = { habits: [], outcomeIds: [] };
const REQUIRED: HabitContext = { ...EMPTY, focusIntentionRequired: true };
const focusBlock = (minutes: string, intention = 'the design doc for the billing migration', more: Partial<HabitInput> = {}) =>
  habitInput({ name: 'Deep work', targetKind: 'minutes', targetAmount: '90', durationMinutes: '90', focus: { minutes, intention }, ...more });

function errorsOf(input: HabitInput, context = EMPTY, base: Parameters<typeof validateHabit>[1] = BASE) {
  const result = validateHabit(input, base, context);
  return result.ok ? {} : result.errors;
}

describe('validateHabit for a focus block', () => {
  it('builds a focus habit: its kind, the trimmed plan, and a target in minutes', () => {
    const result = validateHabit(focusBlock(' 90 ', '  the design doc  ', { targetKind: 'count' }), BASE, EMPTY);
    expect(result.ok && result.value).toMatchObject({
      kind: 'focus',
      focus: { minutes: 90, intention: 'the design doc' },
      target: { kind: 'minutes', amount: 90, per: 'day' },
    });
  });

  it.each([
    ['4', false],
    ['5', true],
    ['240', true],
    ['241', false],
    ['abc', false],
    ['', false],
    ['90.5', false],
    ['-30', false],
  ])('a length of %j minutes is %s', (minutes, accepted) => {
    const errors = errorsOf(focusBlock(minutes));
    if (accepted) expect(errors).toEqual({});
    else expect(errors).toEqual({ 'focus.minutes': 'A focus block lasts a whole number of minutes from 5 to 240, e.g. 90.' });
  });

  it('asks for an intention only when the focus settings require one', () => {
    expect(errorsOf(focusBlock('60', '   '))).toEqual({});
    expect(validateHabit(focusBlock('60', '   '), BASE, EMPTY)).toMatchObject({ ok: true, value: { focus: { minutes: 60, intention: '' } } });
    expect(errorsOf(focusBlock('60', '   '), REQUIRED)).toEqual({
      'focus.intention': 'Name what this block is for, e.g. “the design doc for the billing migration”. (Your focus settings ask for one.)',
    });
    expect(errorsOf(focusBlock('60', 'the design doc'), REQUIRED)).toEqual({});
  });

  it(`keeps the intention to ${MAX_INTENTION_LENGTH} characters`, () => {
    expect(errorsOf(focusBlock('60', 'é'.repeat(MAX_INTENTION_LENGTH)))).toEqual({});
    expect(errorsOf(focusBlock('60', 'x'.repeat(MAX_INTENTION_LENGTH + 1)))['focus.intention']).toMatch(/120 characters or fewer/);
  });

  it('refuses a focus block counted per person, beside the focus box', () => {
    const errors = errorsOf(focusBlock('60', 'x', { people: ['Ana', 'Ben'] }));
    expect(errors).toEqual({ focus: expect.stringMatching(/cannot also be counted per person/) });
  });

  it('refuses making the coaching check-in a focus block, and keeps its kind otherwise', () => {
    const checkin = { ...BASE, kind: 'checkin' as const };
    expect(errorsOf(focusBlock('60'), EMPTY, checkin)).toEqual({ focus: expect.stringMatching(/coaching check-in/) });
    const plain = validateHabit(habitInput(), checkin, EMPTY);
    expect(plain.ok && plain.value.kind).toBe('checkin');
  });

  it('leaves a habit without the box unchanged: no kind, no plan', () => {
    const result = validateHabit(habitInput({ targetKind: 'count', targetAmount: '3' }), BASE, REQUIRED);
    expect(result.ok && result.value).not.toHaveProperty('kind');
    expect(result.ok && result.value).not.toHaveProperty('focus');
    expect(result.ok && result.value.target.kind).toBe('count');
  });

  it('unticking the box on a stored focus habit makes it a plain habit again', () => {
    const stored = aHabit({ kind: 'focus', focus: { minutes: 90, intention: 'the design doc' }, target: { kind: 'minutes', amount: 90, per: 'day' } });
    const { focus: _plan, ...unticked } = habitToInput(stored);
    const result = validateHabit(unticked, stored, EMPTY);
    expect(result.ok && result.value).not.toHaveProperty('kind');
    expect(result.ok && result.value).not.toHaveProperty('focus');
  });
});

describe('habitToInput for a focus block', () => {
  it('round-trips: the form of a stored focus habit validates to the same habit', () => {
    const stored = aHabit({
      kind: 'focus',
      focus: { minutes: 90, intention: 'the design doc for the billing migration' },
      target: { kind: 'minutes', amount: 450, per: 'week' },
      schedule: { days: [1, 2, 3, 4, 5], startTime: '08:30', durationMinutes: 90, timeZone: 'Europe/Berlin' },
    });
    const input = habitToInput(stored);
    expect(input.focus).toEqual({ minutes: '90', intention: 'the design doc for the billing migration' });
    expect(validateHabit(input, stored, REQUIRED)).toEqual({ ok: true, value: stored });
  });

  it('gives no focus part for a plain habit or the check-in', () => {
    expect(habitToInput(aHabit())).not.toHaveProperty('focus');
    expect(habitToInput(aHabit({ kind: 'checkin' }))).not.toHaveProperty('focus');
  });
});
