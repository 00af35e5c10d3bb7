import type { CalendarInstance, CueSnapshot } from './calendar-sync';
import type { Habit } from './habit';
import { zonedAt } from './local-time';
import { planDay, type Busy, type FlexRequest, type UnplacedKind } from './slot-finder';

// What to do with each flexible habit's instances after a poll: leave it, move it, or mark it "no free time". Pure:
// the poll's snapshot, the habits, the settings, the moves Cueboard made itself and `now` come in as arguments.

/** How far ahead instances are placed: the alarms' horizon. */
export const PLACE_AHEAD_MS = 48 * 60 * 60_000;

export type FlexAction =
  | { kind: 'move'; instance: CalendarInstance; start: number; end: number }
  | { kind: 'unplaced'; instance: CalendarInstance; reason: string; why: UnplacedKind }
  /** In place already, moved by the person (theirs: never moved back), or already started. */
  | { kind: 'keep'; instance: CalendarInstance; why: 'in-place' | 'by-hand' | 'started' };

export interface FlexPlanInput {
  habits: readonly Habit[];
  snapshot: Pick<CueSnapshot, 'cues' | 'busy' | 'allDay' | 'instances'>;
  /**
   * Where Cueboard itself put (or was putting) each instance it moved, latest last, by instance id: any other
   * position off the series' time is the person's.
   */
  ownMoves: Readonly<Record<string, readonly number[]>>;
  capMinutes: number;
  skipWords: readonly string[];
  now: number;
  /** Blocks each habit got this week so far; fewer goes first when habits compete. */
  placementsThisWeek?: Readonly<Record<string, number>>;
}

/** The local date of an instant in a zone. */
const dateIn = (at: number, zone: string) => zonedAt(at, zone).toPlainDate().toString();

/** Whether the person moved this instance: it is off its series' time, and not where Cueboard put it. */
export function movedByHand(instance: CalendarInstance, ownMoves: Readonly<Record<string, readonly number[]>>): boolean {
  return instance.at !== instance.originalAt && !(ownMoves[instance.instanceId] ?? []).includes(instance.at);
}

/**
 * Decide every flexible instance of the next 48 hours. Each day is planned once (planDay), with the day's fixed cue
 * blocks, hand-moved and started flexible blocks as fixed blocks, so the cap and "one block a day" hold across them.
 */
export function planFlexible(input: FlexPlanInput): FlexAction[] {
  const flexible = new Map(input.habits.filter((h) => !h.archived && h.schedule.window).map((h) => [h.id, h]));
  const byId = new Map(input.habits.map((h) => [h.id, h]));
  const instances = (input.snapshot.instances ?? []).filter(
    (i) => flexible.has(i.habitId) && i.originalAt < input.now + PLACE_AHEAD_MS && Math.max(i.at, i.originalAt) >= input.now - PLACE_AHEAD_MS,
  );
  const actions: FlexAction[] = [];
  const open: { instance: CalendarInstance; habit: Habit; date: string }[] = [];
  const fixedByDate = new Map<string, Busy[]>();
  const addFixed = (date: string, block: Busy) => fixedByDate.set(date, [...(fixedByDate.get(date) ?? []), block]);

  for (const instance of instances) {
    const habit = flexible.get(instance.habitId)!;
    const date = dateIn(instance.originalAt, habit.schedule.timeZone);
    if (instance.at <= input.now) {
      actions.push({ kind: 'keep', instance, why: 'started' });
      addFixed(date, { start: instance.at, end: instance.end });
    } else if (movedByHand(instance, input.ownMoves)) {
      actions.push({ kind: 'keep', instance, why: 'by-hand' });
      addFixed(date, { start: instance.at, end: instance.end });
    } else if (instance.originalAt < input.now + PLACE_AHEAD_MS) {
      open.push({ instance, habit, date });
    }
  }
  // Fixed habits' cue blocks of the same days take their time first.
  const dates = new Set(open.map((o) => o.date));
  for (const cue of input.snapshot.cues) {
    const habit = byId.get(cue.habitId);
    if (!habit || habit.schedule.window) continue;
    const date = dateIn(cue.at, habit.schedule.timeZone);
    if (dates.has(date)) addFixed(date, { start: cue.at, end: cue.at + habit.schedule.durationMinutes * 60_000 });
  }

  for (const date of [...dates].sort()) {
    const today = open.filter((o) => o.date === date);
    const requests: FlexRequest[] = today.map(({ habit }) => ({
      habitId: habit.id,
      keystone: habit.keystone,
      placementsThisWeek: input.placementsThisWeek?.[habit.id] ?? 0,
      window: habit.schedule.window!,
      ideal: habit.schedule.startTime,
      durationMinutes: habit.schedule.durationMinutes,
      timeZone: habit.schedule.timeZone,
    }));
    const placements = planDay({
      date,
      requests,
      busy: input.snapshot.busy ?? [],
      fixedBlocks: fixedByDate.get(date) ?? [],
      allDay: input.snapshot.allDay ?? [],
      skipWords: [...input.skipWords],
      capMinutes: input.capMinutes,
      now: input.now,
    });
    for (const placement of placements) {
      // Two instances of one habit on one date (a hand-made duplicate) cannot both be placed: planDay keeps the first.
      const { instance } = today.find((o) => o.habit.id === placement.habitId)!;
      if ('reason' in placement) actions.push({ kind: 'unplaced', instance, reason: placement.reason, why: placement.kind });
      else if (placement.start === instance.at && placement.end === instance.end) actions.push({ kind: 'keep', instance, why: 'in-place' });
      else actions.push({ kind: 'move', instance, start: placement.start, end: placement.end });
    }
  }
  return actions;
}
