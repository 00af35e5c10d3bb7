import * as v from 'valibot';
import type { CheckIn } from '../check-in';
import type { CoachingSession } from '../coaching-session';
import type { CueEvent } from '../cue-event';
import type { Experiment, MeasureEntry } from '../experiment';
import type { FocusRecord } from '../focus-session';
import type { FocusPrefs } from '../focus-sites';
import type { Habit } from '../habit';
import { isWebLink } from '../habit-input';
import { isHhMm, isTimeZone } from '../local-time';
import type { OutcomeValue } from '../metrics/outcome-trend';
import type { Outcome } from '../outcome';
import type { Settings } from '../settings';
import type { RecordStore, RecordsOf } from './export-document';

// Every record of an imported file is checked against these before anything is written: types, ranges, real dates,
// known zones, web links only, bounded text. Each schema is typed against the record's interface, so a field added to
// a record and forgotten here fails to compile. Messages name what is wrong; the path comes from validate-document.ts.

/** Longest free text kept from a file: a note or a retrospective, not a book. */
const MAX_TEXT = 5_000;
/** Ids are Cueboard's own (uuid-like) or composed of two ids and an instant. */
const MAX_ID = 300;
/** Epoch ms from 2000 to 2200: anything else is not a time Cueboard wrote. */
const EARLIEST = Date.UTC(2000, 0, 1);
const LATEST = Date.UTC(2200, 0, 1);

const text = (max = MAX_TEXT) => v.pipe(v.string('must be text'), v.maxLength(max, `must be ${max} characters or fewer`));
const name = v.pipe(
  text(120),
  v.check((s) => s.trim() !== '', 'must not be empty'),
);
const id = v.pipe(v.string('must be text'), v.minLength(1, 'must not be empty'), v.maxLength(MAX_ID, `must be ${MAX_ID} characters or fewer`));
const instant = v.pipe(
  v.number('must be a number'),
  v.integer('must be a whole number of milliseconds'),
  v.minValue(EARLIEST, 'is before the year 2000'),
  v.maxValue(LATEST, 'is after the year 2200'),
);
const finite = v.pipe(v.number('must be a number'), v.finite('must be a finite number'));
const nonNegative = v.pipe(finite, v.minValue(0, 'must not be negative'));
const whole = (min: number, max: number) =>
  v.pipe(
    v.number('must be a number'),
    v.integer('must be a whole number'),
    v.minValue(min, `must be at least ${min}`),
    v.maxValue(max, `must be at most ${max}`),
  );
const flag = v.boolean('must be true or false');
const wallTime = v.pipe(v.string('must be text'), v.check(isHhMm, 'must be a time "HH:MM"'));
const timeZone = v.pipe(v.string('must be text'), v.check(isTimeZone, 'unknown time zone'));
const localDate = v.pipe(v.string('must be text'), v.check(isRealDate, 'must be a real date "YYYY-MM-DD"'));
const link = v.pipe(
  v.string('must be text'),
  v.maxLength(2_000, 'must be 2000 characters or fewer'),
  v.check(isWebLink, 'must be an http:// or https:// link'),
);
const rating = whole(1, 5);
const obj = <T extends v.ObjectEntries>(entries: T) => v.object(entries, 'must be an object');
const list = <T extends v.GenericSchema>(item: T) => v.array(item, 'must be a list');

/** "2026-02-30" is not a date; neither is "2026-2-3". */
export function isRealDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  try {
    return Temporal.PlainDate.from(value, { overflow: 'reject' }).toString() === value;
  } catch {
    return false;
  }
}

const outcome: v.GenericSchema<unknown, Outcome> = obj({
  id,
  name,
  unit: text(40),
  baseline: finite,
  target: finite,
  targetDate: localDate,
  direction: v.picklist(['up', 'down'], 'must be "up" or "down"'),
  archived: flag,
  createdAt: instant,
});

const outcomeValue: v.GenericSchema<unknown, OutcomeValue> = obj({ id, outcomeId: id, localDate, value: finite, note: v.optional(text()) });

const schedule = obj({
  days: v.pipe(
    list(whole(1, 7)),
    v.minLength(1, 'must hold at least one weekday'),
    v.maxLength(7, 'must hold at most 7 weekdays'),
    v.check((d) => new Set(d).size === d.length, 'must not repeat a weekday'),
  ),
  startTime: wallTime,
  durationMinutes: whole(1, 24 * 60),
  timeZone,
  everyWeeks: v.optional(v.literal(2, 'must be 2 when set')),
  window: v.optional(obj({ from: wallTime, to: wallTime, bufferMinutes: whole(0, 60) })),
});

const habit: v.GenericSchema<unknown, Habit> = obj({
  id,
  name,
  outcomeId: v.optional(id),
  target: obj({
    kind: v.picklist(['count', 'minutes'], 'must be "count" or "minutes"'),
    amount: v.pipe(finite, v.minValue(0.001, 'must be more than 0'), v.maxValue(100_000, 'must be at most 100000')),
    per: v.picklist(['day', 'week'], 'must be "day" or "week"'),
  }),
  schedule,
  start: obj({ firstStep: text(200), link: v.optional(link) }),
  reward: v.optional(text(120)),
  people: v.optional(v.pipe(list(text(60)), v.maxLength(50, 'must hold at most 50 people'))),
  keystone: flag,
  onDashboard: flag,
  archived: flag,
  startsOn: localDate,
  createdAt: instant,
  scheduleSince: instant,
  archivedAt: v.optional(instant),
  kind: v.optional(v.picklist(['checkin', 'focus'], 'must be "checkin" or "focus"')),
  focus: v.optional(obj({ minutes: whole(5, 240), intention: text(120) })),
});

const checkIn: v.GenericSchema<unknown, CheckIn> = obj({
  id,
  habitId: id,
  localDate,
  at: instant,
  timeZone,
  value: nonNegative,
  status: v.picklist(['done', 'skipped', 'missed'], 'must be "done", "skipped" or "missed"'),
  source: v.picklist(['notification', 'popup', 'newtab', 'cue-page', 'backfill', 'focus'], 'is not a place Cueboard records from'),
  cueAt: v.optional(instant),
  person: v.optional(text(60)),
  note: v.optional(text()),
  rating: v.optional(rating),
});

const cueEvent: v.GenericSchema<unknown, CueEvent> = obj({
  id,
  habitId: id,
  cueAt: instant,
  firedAt: v.optional(instant),
  quiet: v.optional(flag),
  startedAt: v.optional(instant),
  snoozedUntil: v.optional(instant),
  snoozeCount: v.optional(whole(0, 1_000)),
  skippedAt: v.optional(instant),
  doneAt: v.optional(instant),
  unseenAt: v.optional(instant),
  lateMs: v.optional(whole(0, LATEST)),
  displacedFrom: v.optional(instant),
  unplaced: v.optional(obj({ reason: text(300), why: v.picklist(['no-free-time', 'day-off', 'cap', 'passed'], 'is not a reason Cueboard records') })),
});

const habitBefore = obj({
  target: obj({
    kind: v.picklist(['count', 'minutes'], 'must be "count" or "minutes"'),
    amount: finite,
    per: v.picklist(['day', 'week'], 'must be "day" or "week"'),
  }),
  schedule,
  start: obj({ firstStep: text(200), link: v.optional(link) }),
});

const experiment: v.GenericSchema<unknown, Experiment> = obj({
  id,
  hypothesis: text(500),
  habitId: id,
  change: v.picklist(['new', 'change'], 'must be "new" or "change"'),
  before: v.optional(habitBefore),
  measure: obj({ kind: v.picklist(['count', 'minutes', 'rating'], 'must be "count", "minutes" or "rating"'), label: text(120) }),
  length: v.picklist(['14-days', '10-workdays'], 'must be "14-days" or "10-workdays"'),
  startsOn: localDate,
  endsOn: localDate,
  status: v.picklist(['running', 'adopt', 'adapt', 'abandon'], 'must be "running", "adopt", "adapt" or "abandon"'),
  retrospective: v.optional(obj({ noticed: text(), lesson: text(), decidedAt: instant })),
  createdAt: instant,
});

const measure: v.GenericSchema<unknown, MeasureEntry> = obj({ id, experimentId: id, localDate, value: nonNegative, at: instant });

const coachingSession: v.GenericSchema<unknown, CoachingSession> = obj({
  id,
  startedAt: instant,
  finishedAt: v.optional(instant),
  since: localDate,
  until: localDate,
  wentWell: text(),
  obstacles: text(),
  learned: text(),
  focusHabitId: v.optional(id),
  experimentIdea: text(),
  commitment: text(),
  tracking: text(),
  support: text(),
  outcome: v.optional(
    v.variant(
      'kind',
      [obj({ kind: v.literal('experiment'), experimentId: id }), obj({ kind: v.literal('habit'), habitId: id })],
      'must be an experiment or a habit',
    ),
  ),
});

const focusSession: v.GenericSchema<unknown, FocusRecord> = obj({
  id,
  habitId: id,
  cueAt: v.optional(instant),
  intention: text(120),
  budgetMs: whole(0, 24 * 60 * 60_000),
  createdAt: instant,
  state: v.picklist(['pending', 'running', 'paused', 'ended'], 'is not a state a focus block has'),
  startsAt: instant,
  runMs: whole(0, 7 * 24 * 60 * 60_000),
  runningSince: v.optional(instant),
  pausedAt: v.optional(instant),
  pausedMs: whole(0, 7 * 24 * 60 * 60_000),
  passes: v.pipe(list(obj({ host: text(253), at: instant, until: instant })), v.maxLength(1_000, 'must hold at most 1000 passes')),
  heldCues: v.pipe(list(obj({ habitId: id, cueAt: instant })), v.maxLength(1_000, 'must hold at most 1000 cues')),
  endedAt: v.optional(instant),
  end: v.optional(v.picklist(['time-up', 'ended-early', 'abandoned'], 'is not a way a focus block ends')),
  checkInId: v.optional(id),
  rating: v.optional(rating),
  note: v.optional(text()),
});

export const settingsSchema: v.GenericSchema<unknown, Settings> = obj({
  dayBoundary: v.pipe(
    wallTime,
    v.check((t) => t <= '06:00', 'must be between 00:00 and 06:00'),
  ),
  calendar: v.picklist(['local', 'google', 'outlook'], 'must be "local", "google" or "outlook"'),
  newTabDashboard: flag,
  dailyCapMinutes: whole(5, 24 * 60),
  skipWords: v.pipe(list(text(40)), v.maxLength(20, 'must hold at most 20 words')),
  weeklyBackupSince: v.optional(instant),
});

export const focusPrefsSchema: v.GenericSchema<unknown, FocusPrefs> = obj({
  sites: v.pipe(list(text(253)), v.maxLength(30, 'must hold at most 30 sites')),
  intentionRequired: flag,
});

/** One schema per store. */
export const RECORD_SCHEMAS: { [S in RecordStore]: v.GenericSchema<unknown, RecordsOf[S]> } = {
  outcomes: outcome,
  outcomeValues: outcomeValue,
  habits: habit,
  checkIns: checkIn,
  cueEvents: cueEvent,
  experiments: experiment,
  measures: measure,
  coachingSessions: coachingSession,
  focusSessions: focusSession,
};
