import type { CheckIn } from '@/src/core/check-in';
import { cueEventFor, markDone, markStarted } from '@/src/core/cue-event';
import { localDateOf } from '@/src/core/day-boundary';
import { trialDayOf } from '@/src/core/experiment';
import { addPass, beginNow, endEarly, extend, focusedMinutes, isLive, pause, resume, settle, startFocus, type FocusSession } from '@/src/core/focus-session';
import type { CoachingStore } from '@/src/ports/coaching-store';
import type { FocusRecord, FocusStore } from '@/src/ports/focus-store';
import { ReadableError } from '@/src/ports/readable-error';
import type { Deps } from './deps';
import { todayOf } from './today-date';

/** What a page may ask of the focus block (the worker applies it, then brings alarms, badge and sites in line). */
export type FocusAction =
  | { do: 'start'; habitId: string; cueAt?: number; delayed: boolean }
  | { do: 'begin' | 'pause' | 'resume' | 'extend' | 'end' }
  | { do: 'pass'; site: string }
  /** The end's questions; no rating means the person let them go. */
  | { do: 'rate'; rating?: number; note?: string }
  /** The list of held-back sites or a permission changed: only the rules follow. */
  | { do: 'sites' };

export type FocusDeps = Pick<Deps, 'repo' | 'clock' | 'newId'> & { focus: FocusStore; coach?: CoachingStore };

/** The longest answer to "What did you move forward?". */
export const MAX_FOCUS_NOTE = 500;

/** A refusal the person can read; anything else thrown is a fault. */
export class FocusRefusal extends ReadableError {}

/**
 * When a change ends the block: its minutes become a done check-in for the cue's day (the block's start when it
 * came from no cue), answering the cue, in the same transaction as the end itself.
 */
function recordEnd(d: FocusDeps, dayBoundary: string) {
  return (ended: FocusRecord) => {
    const minutes = focusedMinutes(ended, ended.endedAt!);
    if (minutes === 0) return {};
    const zone = d.clock.timeZone();
    const checkIn: CheckIn = {
      id: `focus|${ended.id}`,
      habitId: ended.habitId,
      localDate: localDateOf(ended.cueAt ?? ended.startsAt, zone, dayBoundary),
      at: ended.endedAt!,
      timeZone: zone,
      value: minutes,
      status: 'done',
      source: 'focus',
      ...(ended.cueAt !== undefined ? { cueAt: ended.cueAt } : {}),
    };
    const cueAt = ended.cueAt;
    return {
      checkIn,
      ...(cueAt !== undefined
        ? {
            answer: (stored: Parameters<typeof cueEventFor>[0]) =>
              markDone(markStarted(cueEventFor(stored, ended.habitId, cueAt), ended.startsAt), ended.endedAt!),
          }
        : {}),
    };
  };
}

/**
 * The stored record after a step of the state machine: the session as the step made it (keys it dropped stay
 * dropped), with the record's own extras (its check-in, rating and note) carried over.
 */
export function stepped(stored: FocusRecord, next: FocusSession): FocusRecord {
  const { checkInId, rating, note } = stored;
  return { ...next, ...(checkInId !== undefined ? { checkInId } : {}), ...(rating !== undefined ? { rating } : {}), ...(note !== undefined ? { note } : {}) };
}

/** Settle the current block to now: a block whose end passed (the worker slept, the browser was closed) ends then. */
export async function settleFocus(d: FocusDeps): Promise<FocusRecord | undefined> {
  const { now, dayBoundary } = await todayOf(d);
  return d.focus.updateCurrent((stored) => (stored ? stepped(stored, settle(stored, now)) : stored), recordEnd(d, dayBoundary));
}

/** Apply one action at the clock's now. Throws a FocusRefusal with words for the person when it cannot be done. */
export async function applyFocusAction(d: FocusDeps, action: FocusAction): Promise<FocusRecord | undefined> {
  const { now, dayBoundary, today } = await todayOf(d);
  const ending = recordEnd(d, dayBoundary);
  switch (action.do) {
    case 'start': {
      const habit = await d.repo.habit(action.habitId);
      if (!habit || habit.archived || !habit.focus) throw new FocusRefusal('That focus block is no longer set up. Check it in Settings.');
      const plan = habit.focus;
      let refused: string | undefined;
      const started = await d.focus.updateCurrent((stored) => {
        const current = stored && settle(stored, now);
        if (isLive(current)) {
          // The same cue answered twice (notification and page) is the same block, not a second one.
          if (current.habitId === action.habitId && current.cueAt === action.cueAt) return stepped(stored!, current);
          refused = 'A focus block is already running. End it first, or let it finish.';
          return stepped(stored!, current);
        }
        return startFocus({
          id: d.newId(),
          habitId: habit.id,
          ...(action.cueAt !== undefined ? { cueAt: action.cueAt } : {}),
          intention: plan.intention,
          minutes: plan.minutes,
          now,
          delayed: action.delayed,
        });
      }, ending);
      if (refused) throw new FocusRefusal(refused);
      if (action.cueAt !== undefined) {
        const cueAt = action.cueAt;
        await d.repo.updateCueEvent(`${habit.id}|${cueAt}`, (stored) => markStarted(cueEventFor(stored, habit.id, cueAt), now));
      }
      return started;
    }
    case 'rate': {
      // Settled first: a rating given the moment the time is up, before the worker's alarm, is for an ended block.
      const current = await settleFocus(d);
      if (!current || current.state !== 'ended') throw new FocusRefusal('There is no finished focus block to rate.');
      if (action.rating !== undefined && !(Number.isInteger(action.rating) && action.rating >= 1 && action.rating <= 5)) {
        throw new FocusRefusal('Choose how focused it felt, from 1 to 5.');
      }
      const note = action.note?.trim() ?? '';
      if (note.length > MAX_FOCUS_NOTE) throw new FocusRefusal(`Keep it under ${MAX_FOCUS_NOTE} characters.`);
      const measure = action.rating !== undefined ? await focusMeasure(d, current, action.rating, today) : undefined;
      await d.focus.rate(current.id, action.rating !== undefined ? { value: action.rating, ...(note ? { note } : {}) } : undefined, measure);
      return undefined;
    }
    case 'sites':
      return d.focus.current();
    default: {
      const step = stepOf(action);
      return d.focus.updateCurrent((stored) => {
        if (!isLive(stored)) throw new FocusRefusal('No focus block is running now.');
        return stepped(stored, step(stored, now));
      }, ending);
    }
  }
}

function stepOf(action: Exclude<FocusAction, { do: 'start' | 'rate' | 'sites' }>) {
  switch (action.do) {
    case 'begin':
      return beginNow;
    case 'pause':
      return pause;
    case 'resume':
      return resume;
    case 'extend':
      return extend;
    case 'end':
      return endEarly;
    case 'pass':
      return (s: FocusRecord, now: number) => addPass(s, action.site, now);
  }
}

/** An experiment that measures this habit's focus (a 1–5 rating) takes the block's rating as the day's measure. */
async function focusMeasure(d: FocusDeps, block: FocusRecord, rating: number, today: string) {
  if (!d.coach) return undefined;
  const experiment = (await d.coach.experiments()).find(
    (e) => e.status === 'running' && e.habitId === block.habitId && e.measure.kind === 'rating' && trialDayOf(e, today) !== undefined,
  );
  if (!experiment) return undefined;
  return { id: `${experiment.id}|${today}`, experimentId: experiment.id, localDate: today, value: rating, at: d.clock.now() };
}
