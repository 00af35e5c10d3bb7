import { describe, expect, it } from 'vitest';
import { ABANDON_AFTER_MS, addPass, endEarly, extend, pause, startFocus, type FocusSession } from '@/src/core/focus-session';
import { endWords, focusedWords, focusView, minutesText, passesWords, savedWords } from '@/src/ui/focus/focus-words';
import { formatTime } from '@/src/ui/format';

const MIN = 60_000;
const ZONE = 'America/New_York';
/** Wed 2026-06-10 08:30 in New York. */
const T0 = Date.parse('2026-06-10T12:30:00Z');
const block = (delayed = false): FocusSession => startFocus({ id: 's1', habitId: 'deep', intention: 'the design doc', minutes: 90, now: T0, delayed });

describe('focus words', () => {
  it('counts minutes with the right plural', () => {
    expect(minutesText(1)).toBe('1 minute');
    expect(minutesText(0)).toBe('0 minutes');
    expect(minutesText(47)).toBe('47 minutes');
    expect(focusedWords(1)).toBe('You focused for 1 minute.');
    expect(focusedWords(47)).toBe('You focused for 47 minutes.');
    expect(focusedWords(0)).toBe('This block counted no minutes of focus.');
  });

  it('names every pass, never hides one', () => {
    const at = (host: string, n: number) => ({ host, at: T0 + n * MIN, until: T0 + (n + 1) * MIN });
    expect(passesWords([])).toBe('');
    expect(passesWords([at('mail.example.com', 1)])).toBe('1 one-minute pass to mail.example.com');
    expect(passesWords([at('mail.example.com', 1), at('mail.example.com', 5)])).toBe('2 one-minute passes to mail.example.com');
    expect(passesWords([at('mail.example.com', 1), at('chat.example.com', 3), at('mail.example.com', 5)])).toBe(
      '3 one-minute passes: mail.example.com (2), chat.example.com',
    );
  });
});

describe('a block as a page shows it (display only)', () => {
  it('running: the time left and the end in the page’s zone', () => {
    const view = focusView(block(), T0 + 43 * MIN + 1_000, ZONE);
    expect(view).toEqual({ state: 'running', left: '46:59', until: formatTime(T0 + 90 * MIN, ZONE), focused: 43 });
  });

  it('pending: the whole block still to come and the start counting down', () => {
    const view = focusView(block(true), T0 + 37_000, ZONE);
    expect(view).toMatchObject({ state: 'pending', left: '90:00', startsIn: '1:23', focused: 0 });
    // Its start has come: it shows as running before the worker's alarm writes it so.
    expect(focusView(block(true), T0 + 2 * MIN + 30_000, ZONE)).toMatchObject({ state: 'running', left: '89:30' });
  });

  it('paused: the countdown stands still and there is no end time', () => {
    const paused = pause(block(), T0 + 30 * MIN);
    expect(focusView(paused, T0 + 50 * MIN, ZONE)).toEqual({ state: 'paused', left: '60:00', focused: 30 });
  });

  it('+15 min moves the end; a block whose time is up shows as ended with what it counted', () => {
    const longer = extend(block(), T0 + MIN);
    expect(focusView(longer, T0 + MIN, ZONE).until).toBe(formatTime(T0 + 105 * MIN, ZONE));
    const over = focusView(longer, T0 + 200 * MIN, ZONE);
    expect(over).toEqual({ state: 'ended', left: '0:00', focused: 105, end: 'time-up', endedAt: formatTime(T0 + 105 * MIN, ZONE) });
    expect(endWords(over)).toBe(`Time is up: the block ended at ${formatTime(T0 + 105 * MIN, ZONE)}.`);
  });

  it('ended early, a pass excluded from the minutes', () => {
    const s = endEarly(addPass(block(), 'mail.example.com', T0 + 10 * MIN), T0 + 48 * MIN);
    const view = focusView(s, T0 + 60 * MIN, ZONE);
    expect(view).toEqual({ state: 'ended', left: '0:00', focused: 47, end: 'ended-early', endedAt: formatTime(T0 + 48 * MIN, ZONE) });
    expect(endWords(view)).toBe(`Ended at ${formatTime(T0 + 48 * MIN, ZONE)}.`);
  });

  it('a pause never resumed: ended as of the pause', () => {
    const view = focusView(pause(block(), T0 + 20 * MIN), T0 + 20 * MIN + ABANDON_AFTER_MS, ZONE);
    expect(view).toMatchObject({ state: 'ended', end: 'abandoned', focused: 20 });
    expect(endWords(view)).toBe(`The block ended while paused, at ${formatTime(T0 + 20 * MIN, ZONE)}.`);
  });
});

describe('after the answers', () => {
  it('says what was kept, calmly, with the right plural', () => {
    expect(savedWords(4, 47)).toBe('Saved: focus 4 of 5, 47 minutes of deep work.');
    expect(savedWords(5, 1)).toBe('Saved: focus 5 of 5, 1 minute of deep work.');
    expect(savedWords(2, 0)).toBe('Saved: focus 2 of 5.');
    expect(savedWords(undefined, 90)).toBe('Saved: 90 minutes of deep work.');
    expect(savedWords(undefined, 0)).toBe('Closed. This block counted no minutes.');
  });
});
