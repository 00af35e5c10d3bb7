import { describe, expect, it } from 'vitest';
import { habitToInput, validateHabit, type HabitContext, type HabitInput } from '@/src/core/habit-input';
import { aHabit, habitInput } from '../fakes/habits';

const BASE = { id: 'new', createdAt: 10, archived: false, startsOn: '2026-03-02', scheduleSince: 10 };
const EMPTY: HabitContext = { habits: [], outcomeIds: [] };
const flexible = (window: Partial<NonNullable<HabitInput['window']>> = {}, more: Partial<HabitInput> = {}) =>
  habitInput({ startTime: '14:00', durationMinutes: '30', window: { from: '13:00', to: '17:00', buffer: '5', ...window }, ...more });

function errorsOf(input: HabitInput, base: Parameters<typeof validateHabit>[1] = BASE) {
  const result = validateHabit(input, base, EMPTY);
  return result.ok ? {} : result.errors;
}

describe('validateHabit for a flexible habit', () => {
  it('keeps the window on the schedule, trimmed, with the start time as the ideal', () => {
    const result = validateHabit(flexible({ from: ' 13:00 ', to: '17:00 ', buffer: ' 10 ' }), BASE, EMPTY);
    expect(result.ok && result.value.schedule).toEqual({
      days: [1, 2, 3, 4, 5],
      startTime: '14:00',
      durationMinutes: 30,
      timeZone: 'America/New_York',
      window: { from: '13:00', to: '17:00', bufferMinutes: 10 },
    });
  });

  it('takes an empty gap as the default five minutes', () => {
    const result = validateHabit(flexible({ buffer: '  ' }), BASE, EMPTY);
    expect(result.ok && result.value.schedule.window).toEqual({ from: '13:00', to: '17:00', bufferMinutes: 5 });
  });

  it('leaves a habit without a window fixed', () => {
    const result = validateHabit(habitInput(), BASE, EMPTY);
    expect(result.ok && result.value.schedule).not.toHaveProperty('window');
  });

  it.each([
    ['0', true],
    ['60', true],
    ['61', false],
    ['-1', false],
    ['2.5', false],
    ['1e1', false],
    ['five', false],
  ])('a gap of %j minutes after meetings is accepted: %s', (buffer, accepted) => {
    expect(errorsOf(flexible({ buffer }))).toEqual(accepted ? {} : { 'window.buffer': 'A gap after meetings is 0 to 60 minutes.' });
  });

  it('refuses a window shorter than the block, beside its end', () => {
    expect(errorsOf(flexible({ to: '13:20' }, { startTime: '13:00' }))).toEqual({
      'window.to': 'The window (13:00–13:20) is shorter than the 30-minute block.',
    });
    expect(errorsOf(flexible({ from: '09:00', to: '10:30' }, { startTime: '09:00', durationMinutes: '120' }))).toEqual({
      'window.to': 'The window (09:00–10:30) is shorter than the 2-hour block.',
    });
    expect(errorsOf(flexible({ to: '13:30' }, { startTime: '13:00' }))).toEqual({});
  });

  it('refuses a window that ends before it starts or at its start', () => {
    const message = 'The window must end after it starts (13:00), on the same day.';
    expect(errorsOf(flexible({ to: '12:00' }))).toEqual({ 'window.to': message });
    expect(errorsOf(flexible({ to: '13:00' }))).toEqual({ 'window.to': message });
  });

  it('asks for times as HH:MM beside each end', () => {
    expect(errorsOf(flexible({ from: '1pm', to: '25:00' }))).toEqual({
      'window.from': 'Enter the window’s start as HH:MM, for example 13:00.',
      'window.to': 'Enter the window’s end as HH:MM, for example 17:00.',
    });
  });

  it('refuses an ideal time whose block does not fit in the window, beside the time', () => {
    const message = 'Pick an ideal time from 13:00 to 16:30, so the 30-minute block fits in the window.';
    expect(errorsOf(flexible({}, { startTime: '12:59' }))).toEqual({ startTime: message });
    expect(errorsOf(flexible({}, { startTime: '16:45' }))).toEqual({ startTime: message });
    expect(errorsOf(flexible({}, { startTime: '17:30' }))).toEqual({ startTime: message });
    expect(errorsOf(flexible({}, { startTime: '13:00' }))).toEqual({});
    expect(errorsOf(flexible({}, { startTime: '16:30' }))).toEqual({});
    expect(errorsOf(flexible({ to: '13:30' }, { startTime: '13:10' }))).toEqual({
      startTime: 'The ideal time must be 13:00: only then does the 30-minute block fit in the window.',
    });
  });

  it('leaves the window’s length and the ideal unjudged while the time or duration is itself wrong', () => {
    expect(errorsOf(flexible({}, { startTime: 'soon' }))).toEqual({ startTime: 'Enter a time as HH:MM, for example 14:00.' });
    expect(errorsOf(flexible({}, { durationMinutes: '0' }))).toEqual({ durationMinutes: 'Duration is a whole number of minutes from 1 to 1440.' });
  });

  it('lets a focus block and the coaching check-in be flexible too', () => {
    const focus = flexible({}, { targetKind: 'minutes', targetAmount: '30', focus: { minutes: '30', intention: 'the design doc' } });
    expect(validateHabit(focus, BASE, EMPTY)).toMatchObject({ ok: true, value: { kind: 'focus', schedule: { window: { from: '13:00' } } } });
    expect(validateHabit(flexible(), { ...BASE, kind: 'checkin' }, EMPTY)).toMatchObject({
      ok: true,
      value: { kind: 'checkin', schedule: { window: { to: '17:00' } } },
    });
  });
});

describe('habitToInput for a flexible habit', () => {
  it('round-trips: the form of a stored flexible habit validates to the same habit', () => {
    const stored = aHabit({
      target: { kind: 'minutes', amount: 30, per: 'day' },
      schedule: {
        days: [1, 2, 3, 4, 5],
        startTime: '14:00',
        durationMinutes: 30,
        timeZone: 'America/New_York',
        window: { from: '13:00', to: '17:00', bufferMinutes: 0 },
      },
    });
    const input = habitToInput(stored);
    expect(input.window).toEqual({ from: '13:00', to: '17:00', buffer: '0' });
    expect(validateHabit(input, stored, { habits: [stored], outcomeIds: [] })).toEqual({ ok: true, value: stored });
  });

  it('gives a fixed habit’s form no window', () => {
    expect(habitToInput(aHabit())).not.toHaveProperty('window');
  });
});
