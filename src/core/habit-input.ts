import type { Validated } from './result';
import { hasErrors } from './result';
import { scheduleErrors, type Schedule } from './schedule';
import { MAX_DASHBOARD_HABITS, type FocusPlan, type Habit } from './habit';
import { FOCUS_MINUTES } from './focus-limits';
import { DEFAULT_BUFFER_MINUTES, flexWindowErrors, type FlexWindow, type FlexWindowField } from './flex-window';

// The habit as a form fills it in, and its validation. Kept apart from habit.ts so the glance pages (popup, new
// tab), which only read habits, never load the forms' rules and messages.

/** What the habit form hands over, lightly typed. */
export interface HabitInput {
  name: string;
  outcomeId: string;
  targetKind: string;
  targetAmount: string;
  targetPer: string;
  days: number[];
  startTime: string;
  durationMinutes: string;
  timeZone: string;
  firstStep: string;
  link: string;
  /** Empty when there is none. */
  reward: string;
  keystone: boolean;
  onDashboard: boolean;
  /** Set for a habit counted per person: the names as typed, one per row. Absent otherwise. */
  people?: string[];
  /** 2 for a cue every two weeks; absent for every week. */
  everyWeeks?: 2;
  /** Set for a deep-work focus block (the box is ticked): its length in minutes and its intention, as typed. */
  focus?: { minutes: string; intention: string };
  /**
   * Set for a flexible habit (its window is on): the window's start and end ("HH:MM") and the gap after meetings in
   * minutes, as typed; an empty gap means the default, 5. `startTime` is then the ideal time.
   */
  window?: { from: string; to: string; buffer: string };
}

/** The most people one habit counts, and the longest name: a team's direct reports, read at a glance. */
export const MAX_PEOPLE = 50;
export const MAX_PERSON_LENGTH = 60;

/** The longest reward, in characters: a short phrase, read at a glance on check-off. */
export const MAX_REWARD_LENGTH = 120;

/** The longest intention of a focus block, in characters: one line, shown through the whole block. */
export const MAX_INTENTION_LENGTH = 120;

/** A form field; `people.2` is the third person's name, `focus.minutes` a focus block's length. */
export type HabitField = Exclude<keyof HabitInput, 'window'> | `people.${number}` | 'focus.minutes' | 'focus.intention';

/**
 * Every key validateHabit may put a message under: the form's fields and a flexible habit's window fields
 * ('window.from', 'window.to', 'window.buffer'). They are kept out of HabitField because the shared habit fields bind
 * every HabitField to a text box of the same name in HabitInput, where the window's three are nested in one object.
 */
export type HabitErrorKey = HabitField | FlexWindowField;

/** True for an absolute http: or https: URL: the only links a cue may open. */
export function isWebLink(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** True when two names are the same to a reader: trimmed, Unicode-normalised (NFC) and case-insensitive. */
export function sameHabitName(a: string, b: string): boolean {
  const key = (name: string) => name.trim().normalize('NFC').toLowerCase().normalize('NFC');
  return key(a) === key(b);
}

// Apart, so the options page can open a habit's form before it loads the rules for checking one.
export { habitToInput } from './habit-to-input';

/** What validation needs to know about the other habits and outcomes. */
export interface HabitContext {
  /** Every stored habit (the one being edited included, if any); active ones' names must not repeat. */
  habits: readonly Habit[];
  outcomeIds: readonly string[];
  /** The person's focus setting "Every focus block names its intention"; off when absent. */
  focusIntentionRequired?: boolean;
}

/** Check a habit form and build the habit, or say what to fix. `base` carries identity and history. */
export function validateHabit(
  input: HabitInput,
  base: Pick<Habit, 'id' | 'createdAt' | 'archived' | 'startsOn' | 'scheduleSince'> & Partial<Pick<Habit, 'archivedAt' | 'kind'>>,
  context: HabitContext,
): Validated<Habit, HabitErrorKey> {
  const errors: Partial<Record<HabitErrorKey, string>> = {};
  const name = input.name.trim();
  if (name === '') errors.name = 'Name the behaviour, e.g. "Review team code".';
  else if (name.length > 120) errors.name = 'Keep the name under 120 characters.';
  else if (!base.archived) {
    // Two active habits with one name would be two cues, two dashboard rows and two calendar series nobody can tell apart.
    const twin = context.habits.find((h) => h.id !== base.id && !h.archived && sameHabitName(h.name, name));
    if (twin) errors.name = `You already have a habit called “${twin.name}”. Give this one a different name, or edit that one.`;
  }

  // Counted per person, the target is each person once per period: the form asks for names, not an amount.
  const people = input.people?.map((p) => p.trim());
  if (people) Object.assign(errors, peopleErrors(people));
  const focus = input.focus ? focusPlan(input.focus, errors, context.focusIntentionRequired === true) : undefined;
  if (input.focus && people) {
    errors.focus = 'A focus block is time for your own work, so it cannot also be counted per person. Untick one of the two.';
  } else if (input.focus && base.kind === 'checkin') {
    errors.focus = 'This is your coaching check-in: its cue opens the check-in, so it cannot also be a focus block.';
  }
  // A focus block is measured in the minutes it ran, so its target is minutes whatever the form's choice says.
  const kind = people ? 'count' : input.focus ? 'minutes' : input.targetKind === 'minutes' ? 'minutes' : input.targetKind === 'count' ? 'count' : undefined;
  const per = input.targetPer === 'week' ? 'week' : input.targetPer === 'day' ? 'day' : undefined;
  const amount = people ? people.length : Number(input.targetAmount);
  if (!kind) errors.targetKind = 'Choose times or minutes.';
  if (!per) errors.targetPer = 'Choose per day or per week.';
  if (!people && (input.targetAmount.trim() === '' || !Number.isInteger(amount) || amount < 1 || amount > 10_000)) {
    errors.targetAmount = 'The target is a whole number of at least 1.';
  }

  const schedule: Schedule = {
    days: [...new Set(input.days)].sort((a, b) => a - b),
    startTime: input.startTime.trim(),
    durationMinutes: Number(input.durationMinutes),
    timeZone: input.timeZone.trim(),
    ...(input.everyWeeks !== undefined ? { everyWeeks: input.everyWeeks } : {}),
  };
  Object.assign(errors, scheduleErrors(schedule));
  if (input.window) {
    const window = flexWindow(input.window);
    Object.assign(errors, flexWindowErrors(window, schedule.startTime, schedule.durationMinutes));
    schedule.window = window;
  }

  const firstStep = input.firstStep.trim();
  if (firstStep === '') errors.firstStep = 'Write the first two-minute step, e.g. "Open the review queue".';
  const link = input.link.trim();
  if (link !== '' && !isWebLink(link)) errors.link = 'The link must start with http:// or https://.';
  const reward = input.reward.trim();
  if ([...reward].length > MAX_REWARD_LENGTH) errors.reward = `Keep the reward to ${MAX_REWARD_LENGTH} characters or fewer.`;

  const outcomeId = input.outcomeId.trim();
  if (outcomeId !== '' && !context.outcomeIds.includes(outcomeId)) errors.outcomeId = 'That outcome no longer exists.';

  if (input.onDashboard && !base.archived) {
    const others = context.habits.filter((h) => h.id !== base.id && h.onDashboard && !h.archived).length;
    if (others >= MAX_DASHBOARD_HABITS) {
      errors.onDashboard = `The dashboard holds ${MAX_DASHBOARD_HABITS} habits at most. Leave this one off it, or archive another first.`;
    }
  }

  if (hasErrors(errors)) return { ok: false, errors };
  // Only identity and history come from `base`: a stored habit passed whole must not carry a cleared outcome or reward.
  const { id, createdAt, archived, startsOn, scheduleSince, archivedAt } = base;
  // The check-in keeps its kind; any other habit is a focus block exactly while the box is ticked.
  const habitKind = base.kind === 'checkin' ? 'checkin' : focus ? 'focus' : undefined;
  return {
    ok: true,
    value: {
      id,
      createdAt,
      archived,
      startsOn,
      scheduleSince,
      ...(archivedAt !== undefined ? { archivedAt } : {}),
      ...(habitKind ? { kind: habitKind } : {}),
      name,
      ...(outcomeId ? { outcomeId } : {}),
      target: { kind: kind!, amount, per: per! },
      schedule,
      start: { firstStep, ...(link ? { link } : {}) },
      ...(reward ? { reward } : {}),
      ...(people ? { people } : {}),
      ...(focus ? { focus } : {}),
      keystone: input.keystone,
      onDashboard: input.onDashboard,
    },
  };
}

/** The window as typed, read into numbers (checked by flexWindowErrors); an empty gap is the default one. */
function flexWindow(input: { from: string; to: string; buffer: string }): FlexWindow {
  const buffer = input.buffer.trim();
  // Only plain digits count: Number() would also take "1e1" or "0x10", which nobody means as minutes.
  const bufferMinutes = buffer === '' ? DEFAULT_BUFFER_MINUTES : /^\d+$/u.test(buffer) ? Number(buffer) : Number.NaN;
  return { from: input.from.trim(), to: input.to.trim(), bufferMinutes };
}

/** A focus block's length and intention, checked; a problem is written into `errors` beside its field. */
function focusPlan(input: { minutes: string; intention: string }, errors: Partial<Record<HabitField, string>>, intentionRequired: boolean): FocusPlan {
  const text = input.minutes.trim();
  const minutes = Number(text);
  if (!/^\d+$/u.test(text) || minutes < FOCUS_MINUTES.min || minutes > FOCUS_MINUTES.max) {
    errors['focus.minutes'] = `A focus block lasts a whole number of minutes from ${FOCUS_MINUTES.min} to ${FOCUS_MINUTES.max}, e.g. 90.`;
  }
  const intention = input.intention.trim();
  if ([...intention].length > MAX_INTENTION_LENGTH) {
    errors['focus.intention'] = `Keep the intention to ${MAX_INTENTION_LENGTH} characters or fewer: one line you can read at a glance.`;
  } else if (intention === '' && intentionRequired) {
    errors['focus.intention'] = 'Name what this block is for, e.g. “the design doc for the billing migration”. (Your focus settings ask for one.)';
  }
  return { minutes, intention };
}

/**
 * What is wrong with a list of names (already trimmed), beside each row: an empty name, a long one, or one already
 * above it (compared as habit names are: sameHabitName); and beside the list: nobody at all, or too many.
 */
export function peopleErrors(people: readonly string[]): Partial<Record<HabitField, string>> {
  const errors: Partial<Record<HabitField, string>> = {};
  people.forEach((name, i) => {
    const twin = people.findIndex((other) => sameHabitName(other, name));
    if (name === '') errors[`people.${i}`] = 'Write this person’s name, or remove the row.';
    else if ([...name].length > MAX_PERSON_LENGTH) errors[`people.${i}`] = `Keep a name to ${MAX_PERSON_LENGTH} characters or fewer.`;
    else if (twin < i) errors[`people.${i}`] = `${people[twin]} is already on the list. Is this someone else? Add an initial to tell them apart.`;
  });
  if (people.length === 0) errors.people = 'Add at least one person, or stop counting per person.';
  else if (people.length > MAX_PEOPLE) errors.people = `The list holds ${MAX_PEOPLE} people at most.`;
  return errors;
}
