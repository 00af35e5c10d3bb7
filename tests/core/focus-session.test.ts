import { describe, expect, it } from 'vitest';
import {
  ABANDON_AFTER_MS,
  addPass,
  beginNow,
  endEarly,
  endsAt,
  extend,
  focusedMinutes,
  holdCue,
  holdsSites,
  isLive,
  minutesLeft,
  nextWake,
  pause,
  resume,
  settle,
  startFocus,
  START_DELAY_MS,
  type FocusSession,
} from '@/src/core/focus-session';

const MIN = 60_000;
/** Wed 2026-06-10 08:30 in New York: a 90-minute block before email. */
const T0 = Date.parse('2026-06-10T12:30:00Z');
const block = (delayed = false): FocusSession =>
  startFocus({ id: 's1', habitId: 'deep', cueAt: T0, intention: '  the design doc for the billing migration ', minutes: 90, now: T0, delayed });

describe('a focus block (fixed clock)', () => {
  it('Start now runs at once and ends, time up, 90 minutes later', () => {
    const s = block();
    expect(s).toMatchObject({ state: 'running', startsAt: T0, intention: 'the design doc for the billing migration' });
    expect(endsAt(s)).toBe(T0 + 90 * MIN);
    expect(minutesLeft(s, T0)).toBe(90);
    expect(minutesLeft(s, T0 + 30_000)).toBe(90);
    expect(minutesLeft(s, T0 + 89 * MIN + 1)).toBe(1);
    expect(settle(s, T0 + 90 * MIN - 1).state).toBe('running');
    const ended = settle(s, T0 + 90 * MIN);
    expect(ended).toMatchObject({ state: 'ended', end: 'time-up', endedAt: T0 + 90 * MIN });
    expect(focusedMinutes(ended, T0 + 100 * MIN)).toBe(90);
    expect(isLive(ended)).toBe(false);
  });

  it('Start in 2 minutes waits two minutes, unless begun sooner', () => {
    const s = block(true);
    expect(s.state).toBe('pending');
    expect(holdsSites(s, T0 + MIN)).toBe(false);
    expect(settle(s, T0 + START_DELAY_MS - 1).state).toBe('pending');
    const running = settle(s, T0 + START_DELAY_MS + 5 * MIN);
    expect(running).toMatchObject({ state: 'running', runningSince: T0 + START_DELAY_MS });
    expect(minutesLeft(running, T0 + START_DELAY_MS + 5 * MIN)).toBe(85);
    expect(endsAt(s)).toBe(T0 + START_DELAY_MS + 90 * MIN);

    const early = beginNow(s, T0 + 30_000);
    expect(early).toMatchObject({ state: 'running', startsAt: T0 + 30_000 });
    expect(endsAt(early)).toBe(T0 + 30_000 + 90 * MIN);
    // Begun already: a second "Begin now" changes nothing.
    expect(beginNow(early, T0 + MIN)).toEqual(early);
  });

  it('pause stops the countdown; resume moves the end by the pause; pauses are not focus', () => {
    const paused = pause(block(), T0 + 20 * MIN);
    expect(paused).toMatchObject({ state: 'paused', runMs: 20 * MIN, pausedAt: T0 + 20 * MIN });
    expect(minutesLeft(paused, T0 + 50 * MIN)).toBe(70);
    expect(holdsSites(paused, T0 + 25 * MIN)).toBe(false);
    expect(pause(paused, T0 + 30 * MIN)).toEqual(paused);
    const resumed = resume(paused, T0 + 30 * MIN);
    expect(resumed).toMatchObject({ state: 'running', pausedMs: 10 * MIN });
    expect(endsAt(resumed)).toBe(T0 + 100 * MIN);
    const ended = settle(resumed, T0 + 100 * MIN);
    expect(ended).toMatchObject({ state: 'ended', end: 'time-up', endedAt: T0 + 100 * MIN });
    expect(focusedMinutes(ended, T0 + 100 * MIN)).toBe(90);
  });

  it('+15 min adds focus to come, running or paused, never to an ended block', () => {
    const longer = extend(block(), T0 + 80 * MIN);
    expect(endsAt(longer)).toBe(T0 + 105 * MIN);
    expect(minutesLeft(longer, T0 + 80 * MIN)).toBe(25);
    expect(minutesLeft(extend(pause(block(), T0 + 10 * MIN), T0 + 11 * MIN), T0 + 40 * MIN)).toBe(95);
    const ended = settle(block(), T0 + 90 * MIN);
    expect(extend(ended, T0 + 91 * MIN)).toEqual(ended);
  });

  it('ending early keeps the minutes run; a block ended before it began counts none', () => {
    const ended = endEarly(block(), T0 + 47 * MIN + 30_000);
    expect(ended).toMatchObject({ state: 'ended', end: 'ended-early', endedAt: T0 + 47 * MIN + 30_000 });
    expect(focusedMinutes(ended, T0 + 200 * MIN)).toBe(47);
    expect(endEarly(ended, T0 + 60 * MIN)).toEqual(ended);
    expect(focusedMinutes(endEarly(block(true), T0 + MIN), T0 + MIN)).toBe(0);
    // Ending after the time was up is "time up" at its end, not an early end.
    expect(endEarly(block(), T0 + 95 * MIN)).toMatchObject({ end: 'time-up', endedAt: T0 + 90 * MIN });
  });

  it('a one-minute pass lets its site through for a minute, is kept, and is not focus', () => {
    const s = addPass(block(), 'mail.example.com', T0 + 10 * MIN);
    expect(s.passes).toEqual([{ host: 'mail.example.com', at: T0 + 10 * MIN, until: T0 + 11 * MIN }]);
    // A second tap during the same pass does not add another.
    expect(addPass(s, 'mail.example.com', T0 + 10 * MIN + 5_000)).toEqual(s);
    expect(nextWake(s, T0 + 10 * MIN)).toBe(T0 + 11 * MIN);
    const ended = settle(s, T0 + 90 * MIN);
    expect(ended.passes).toHaveLength(1);
    expect(focusedMinutes(ended, T0 + 90 * MIN)).toBe(89);
  });

  it('a second focus cue during the block is kept with it once', () => {
    const s = holdCue(holdCue(block(), 'other', T0 + 30 * MIN), 'other', T0 + 30 * MIN);
    expect(s.heldCues).toEqual([{ habitId: 'other', cueAt: T0 + 30 * MIN }]);
  });

  it('a worker that died mid-block finds the state where it left it: settling is idempotent', () => {
    const stored = pause(block(), T0 + 40 * MIN);
    // The worker wakes 5 minutes later: the pause is still a pause, nothing is lost or invented.
    const woken = settle(stored, T0 + 45 * MIN);
    expect(woken).toEqual(stored);
    expect(settle(settle(stored, T0 + 45 * MIN), T0 + 45 * MIN)).toEqual(stored);
    const running = block();
    expect(settle(running, T0 + 60 * MIN)).toEqual(running);
    expect(nextWake(running, T0 + 60 * MIN + 20_000)).toBe(T0 + 61 * MIN);
  });

  it('the end time passed while the browser was closed: ended at its end time, not at the reopening', () => {
    const reopened = settle(block(true), T0 + 10 * 60 * MIN);
    expect(reopened).toMatchObject({ state: 'ended', end: 'time-up', endedAt: T0 + START_DELAY_MS + 90 * MIN });
    expect(focusedMinutes(reopened, T0 + 10 * 60 * MIN)).toBe(90);
    expect(holdsSites(block(), T0 + 10 * 60 * MIN)).toBe(false);
    expect(nextWake(block(), T0 + 10 * 60 * MIN)).toBeUndefined();
  });

  it('a pause never resumed is abandoned as of the pause', () => {
    const paused = pause(block(), T0 + 30 * MIN);
    expect(settle(paused, T0 + 30 * MIN + ABANDON_AFTER_MS - 1).state).toBe('paused');
    expect(nextWake(paused, T0 + 31 * MIN)).toBe(T0 + 30 * MIN + ABANDON_AFTER_MS);
    const abandoned = settle(paused, T0 + 30 * MIN + ABANDON_AFTER_MS);
    expect(abandoned).toMatchObject({ state: 'ended', end: 'abandoned', endedAt: T0 + 30 * MIN });
    expect(focusedMinutes(abandoned, T0 + 10 * 60 * MIN)).toBe(30);
  });

  it('holds sites only while running, and wakes for the badge every minute, the end, or a pass', () => {
    const s = block();
    expect(holdsSites(s, T0)).toBe(true);
    expect(holdsSites(undefined, T0)).toBe(false);
    expect(nextWake(s, T0)).toBe(T0 + MIN);
    expect(nextWake(s, T0 + 89 * MIN + 30_000)).toBe(T0 + 90 * MIN);
    expect(nextWake(block(true), T0)).toBe(T0 + START_DELAY_MS);
  });
});
