import type { CheckIn } from '../check-in';
import type { Habit, HabitTarget } from '../habit';
import { sameHabitName } from '../habit-input';
import { instantOf, isTimeZone } from '../local-time';
import type { Schedule } from '../schedule';
import { CsvError, parseCsvRows } from './csv';

// Moving in from Loop Habit Tracker (iSoron/uhabits): its CSV export read into plain data (parseLoopExport), then
// turned into Cueboard habits and backfilled check-ins (loopToCueboard). Pure: the zip is opened elsewhere
// (adapters/files/unzip.ts) and nothing is written here.
//
// What Loop writes (HabitsCSVExporter and HabitList.writeCSV):
// - Habits.csv through opencsv (quoted only when needed). Newer versions:
//   Position,Name,Type,Question,Description,FrequencyNumerator,FrequencyDenominator,Color,Unit,Target Type,Target Value,Archived?
//   older ones: Position,Name,Question,Description,NumRepetitions,Interval,Color (every habit yes-or-no).
// - A folder per habit, "NNN Name" (NNN its 1-based position, the name stripped to [ a-zA-Z0-9._-] and cut to 100),
//   holding Checkmarks.csv: newer "Date,Value,Notes" with a header, older "date,value" without, newest day first.
// - A root Checkmarks.csv written by hand, not through opencsv: "Date,Name1,Name2," (names unquoted, a trailing
//   comma on every line), one row per day, newest first.
// - A value is Loop's integer: YES_MANUAL 2, YES_AUTO 1 (filled in by the frequency, not by the person), NO 0,
//   SKIP 3, UNKNOWN -1; newer versions print those five numbers by name, whatever the habit's type, and every other
//   number as it is. A numerical habit stores its amount × 1000, so "YES_MANUAL" there means 0.002: only the habit's
//   Type tells how to read a value.

/** Beyond these an export is refused: no one tracks more habits, and the page would stall reading them. */
export const LOOP_LIMITS = {
  habits: 5_000,
  entries: 2_000_000,
  /** Characters of a Loop habit name; Cueboard's own limit (120) is applied when mapping, with a note. */
  nameLength: 200,
} as const;

/** What a day of a Loop habit says: done, skipped, not done, or (numerical habits) an amount. */
export type LoopEntryKind = 'yes' | 'skip' | 'no' | 'value';

/** One day of a Loop habit the person recorded. YES_AUTO and UNKNOWN days are not entries. */
export interface LoopEntry {
  /** "YYYY-MM-DD", a real date. */
  date: string;
  kind: LoopEntryKind;
  /** For kind 'value': the amount in the habit's unit (Loop's integer / 1000); may be 0. */
  value?: number;
  /** The day's note (only newer exports carry notes); absent when empty. */
  note?: string;
}

/** A Loop habit as its export describes it. */
export interface LoopHabit {
  /** Loop's 1-based position; it names the habit's folder in the zip. */
  position: number;
  /** Trimmed, non-empty, at most LOOP_LIMITS.nameLength characters. */
  name: string;
  question: string;
  description: string;
  type: 'yes-no' | 'numerical';
  /** Frequency: `numerator` times every `denominator` days (1/1 daily, 3/7 three times a week), both at least 1. */
  numerator: number;
  denominator: number;
  /** Numerical habits only; '' for yes-or-no. */
  unit: string;
  /** Numerical habits only; 'at-least' for yes-or-no. */
  targetType: 'at-least' | 'at-most';
  /** Numerical habits only (amount per frequency period); 0 for yes-or-no. */
  targetValue: number;
  archived: boolean;
  /** Recorded days, oldest first. */
  entries: LoopEntry[];
  /** Days Loop marked done by itself (YES_AUTO) from the frequency; counted, not imported. */
  autoDays: number;
  /** Loop 1's unticked days (its 0 where it had no UNKNOWN): counted, not imported. */
  untickedDays?: number;
}

/** A read Loop export. `format` is the Habits.csv header's generation. */
export interface LoopExport {
  format: 'old' | 'new';
  habits: LoopHabit[];
}

export type LoopParse = { ok: true; value: LoopExport } | { ok: false; error: string };

/** A problem with the export, already worded for the person: file, line, field. */
class LoopFormatError extends Error {}

/**
 * Read Loop's export: `files` maps each path (as in the zip, or a chosen file's name) to its text. Habits.csv is
 * required; a habit's history comes from its own folder's Checkmarks.csv when there is one (it carries notes), else
 * from the root Checkmarks.csv. The zip may hold everything under one folder. Never throws on bad input.
 */
export function parseLoopExport(files: Readonly<Record<string, string>>): LoopParse {
  try {
    return { ok: true, value: readExport(files) };
  } catch (error) {
    if (error instanceof LoopFormatError) return { ok: false, error: error.message };
    throw error;
  }
}

function readExport(input: Readonly<Record<string, string>>): LoopExport {
  const files = new Map<string, string>();
  for (const [path, text] of Object.entries(input)) files.set(path.replaceAll('\\', '/').replace(/^(\.?\/)+/u, ''), text);

  const habitsPath = findHabitsCsv([...files.keys()]);
  const root = habitsPath.slice(0, habitsPath.length - 'Habits.csv'.length);
  const { format, habits } = readHabits(habitsPath, files.get(habitsPath) ?? '');
  const counter = { entries: 0 };

  const own = habitFiles(files, root, habits);
  const needRoot = habits.filter((_, i) => !own.has(i));
  const rootPath = `${root}Checkmarks.csv`;
  const rootText = files.get(rootPath);
  if (needRoot.length > 0 && rootText !== undefined) readRootCheckmarks(rootPath, rootText, habits, new Set(needRoot), counter);
  for (const [index, path] of own) readHabitCheckmarks(path, files.get(path) ?? '', habits[index]!, counter);
  for (const habit of habits) habit.entries.sort((a, b) => (a.date < b.date ? -1 : 1));
  // Loop 1 had no UNKNOWN: it wrote 0 for every day not ticked. Without a single -1 in a habit's history, its 0s are
  // days nobody logged, and Cueboard never counts a day nobody logged as missed.
  if (format === 'old') {
    for (const habit of habits) {
      if (habit.type !== 'yes-no' || sawUnknown.has(habit)) continue;
      const logged = habit.entries.filter((e) => e.kind !== 'no');
      if (logged.length < habit.entries.length) habit.untickedDays = habit.entries.length - logged.length;
      habit.entries = logged;
    }
  }
  return { format, habits };
}

/** The Habits.csv to read: the shallowest one; two at that depth are two exports. */
function findHabitsCsv(paths: readonly string[]): string {
  const found = paths.filter((p) => p === 'Habits.csv' || p.endsWith('/Habits.csv'));
  if (found.length === 0) {
    throw new LoopFormatError('No Habits.csv found. Choose the zip Loop exported ("Loop Habits CSV …zip"), or its Habits.csv and Checkmarks.csv.');
  }
  const depth = (p: string) => p.split('/').length;
  const top = Math.min(...found.map(depth));
  const shallow = found.filter((p) => depth(p) === top).sort();
  if (shallow.length > 1) throw new LoopFormatError(`Found more than one Habits.csv (${shallow.join(', ')}): import one Loop export at a time.`);
  return shallow[0]!;
}

const NEW_HEADER = 'Position,Name,Type,Question,Description,FrequencyNumerator,FrequencyDenominator,Color,Unit,Target Type,Target Value,Archived?';
const OLD_HEADER = 'Position,Name,Question,Description,NumRepetitions,Interval,Color';

function readHabits(path: string, text: string): LoopExport {
  const rows = csvRows(path, text).filter((row) => !isBlank(row.fields));
  const header = rows[0];
  if (!header) throw new LoopFormatError(`${path} is empty: it should start with Loop's header line (${NEW_HEADER}).`);
  const names = withoutTrailingEmpty(header.fields).map((f) => f.trim().toLowerCase());
  const column = (name: string) => names.indexOf(name.toLowerCase());
  const format =
    column('FrequencyNumerator') >= 0 && column('FrequencyDenominator') >= 0
      ? 'new'
      : column('NumRepetitions') >= 0 && column('Interval') >= 0
        ? 'old'
        : undefined;
  if (!format || column('Name') < 0) {
    throw new LoopFormatError(`${path} line ${header.line}: this is not the header Loop writes. Expected "${NEW_HEADER}" or the older "${OLD_HEADER}".`);
  }
  const body = rows.slice(1);
  if (body.length > LOOP_LIMITS.habits) {
    throw new LoopFormatError(
      `${path} holds ${body.length.toLocaleString('en-US')} habits; Cueboard imports at most ${LOOP_LIMITS.habits.toLocaleString('en-US')}.`,
    );
  }
  const [numeratorName, denominatorName] = format === 'new' ? ['FrequencyNumerator', 'FrequencyDenominator'] : ['NumRepetitions', 'Interval'];

  const habits = body.map((row, index): LoopHabit => {
    const where = `${path} line ${row.line}`;
    const fields = withoutTrailingEmpty(row.fields);
    if (fields.length < names.length) throw new LoopFormatError(`${where}: ${fields.length} fields where the header has ${names.length}.`);
    const field = (name: string) => {
      const at = column(name);
      return at < 0 ? '' : (fields[at] ?? '').trim();
    };
    const name = field('Name');
    if (name === '') throw new LoopFormatError(`${where}: the habit has no name.`);
    const length = [...name].length;
    if (length > LOOP_LIMITS.nameLength) {
      throw new LoopFormatError(`${where}: the name is ${length} characters long; Cueboard takes names of up to ${LOOP_LIMITS.nameLength}.`);
    }
    // Positions only link a habit to its folder; a file without them numbers habits in order, as Loop does.
    const positionText = field('Position');
    const position = positionText === '' ? index + 1 : wholeNumber(positionText, where, 'Position', 0);
    const typeText = field('Type');
    // Exports from before numerical habits have no Type column: every habit is yes-or-no.
    if (typeText !== '' && typeText !== 'YES_NO' && typeText !== 'NUMERICAL') {
      throw new LoopFormatError(`${where}: Type is "${typeText}", not YES_NO or NUMERICAL.`);
    }
    const type = typeText === 'NUMERICAL' ? 'numerical' : 'yes-no';
    const numerical = type === 'numerical';
    const targetTypeText = field('Target Type');
    if (numerical && targetTypeText !== '' && targetTypeText !== 'AT_LEAST' && targetTypeText !== 'AT_MOST') {
      throw new LoopFormatError(`${where}: Target Type is "${targetTypeText}", not AT_LEAST or AT_MOST.`);
    }
    return {
      position,
      name,
      question: field('Question'),
      description: field('Description'),
      type,
      numerator: wholeNumber(field(numeratorName), where, numeratorName, 1),
      denominator: wholeNumber(field(denominatorName), where, denominatorName, 1),
      unit: numerical ? field('Unit') : '',
      targetType: numerical && targetTypeText === 'AT_MOST' ? 'at-most' : 'at-least',
      targetValue: numerical ? amount(field('Target Value'), where) : 0,
      archived: flag(field('Archived?'), where),
      entries: [],
      autoDays: 0,
    };
  });
  return { format, habits };
}

/** A whole number as Loop prints one (digits only), at least `min`. */
function wholeNumber(text: string, where: string, label: string, min: number): number {
  if (!/^\d+$/u.test(text)) throw new LoopFormatError(`${where}: ${label} is not a number${text === '' ? ' (it is empty)' : ` ("${text}")`}.`);
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < min) throw new LoopFormatError(`${where}: ${label} must be a whole number of at least ${min}, not ${text}.`);
  return value;
}

/** A numerical habit's target, printed by Java's Double.toString ("20.0", "1.0E7"). */
function amount(text: string, where: string): number {
  const value = text === '' ? Number.NaN : Number(text);
  if (!Number.isFinite(value) || value < 0)
    throw new LoopFormatError(`${where}: Target Value is not a number${text === '' ? ' (it is empty)' : ` ("${text}")`}.`);
  return value;
}

function flag(text: string, where: string): boolean {
  const lower = text.toLowerCase();
  if (lower === '' || lower === 'false') return false;
  if (lower === 'true') return true;
  throw new LoopFormatError(`${where}: Archived? is "${text}", not true or false.`);
}

/** Loop's folder name for a habit (HabitsCSVExporter.sanitizeFilename and its "%03d %s", trimmed). */
function folderName(habit: LoopHabit): string {
  const sane = habit.name.replace(/[^ a-zA-Z0-9._-]+/gu, '').slice(0, 100);
  return `${String(habit.position).padStart(3, '0')} ${sane}`.trim();
}

/** Each habit's own Checkmarks.csv, by habit index: the exact folder name first, else a folder with its number. */
function habitFiles(files: ReadonlyMap<string, string>, root: string, habits: readonly LoopHabit[]): Map<number, string> {
  const folders = new Map<string, string>();
  for (const path of files.keys()) {
    if (!path.startsWith(root) || !path.endsWith('/Checkmarks.csv')) continue;
    const folder = path.slice(root.length, -'/Checkmarks.csv'.length);
    if (folder !== '' && !folder.includes('/')) folders.set(folder, path);
  }
  const found = new Map<number, string>();
  const used = new Set<string>();
  habits.forEach((habit, index) => {
    const path = folders.get(folderName(habit));
    if (!path) return;
    found.set(index, path);
    used.add(path);
  });
  // A habit renamed by hand in the zip still has its number; only an unambiguous number counts.
  habits.forEach((habit, index) => {
    if (found.has(index)) return;
    const byNumber = [...folders].filter(([folder, path]) => !used.has(path) && Number(/^\d+/u.exec(folder)?.[0]) === habit.position);
    if (byNumber.length !== 1) return;
    found.set(index, byNumber[0]![1]);
    used.add(byNumber[0]![1]);
  });
  return found;
}

/** Loop's value names; any other text is a number. */
const NAMED_VALUES: ReadonlyMap<string, number> = new Map([
  ['YES_MANUAL', 2],
  ['YES_AUTO', 1],
  ['NO', 0],
  ['SKIP', 3],
  ['UNKNOWN', -1],
]);

type DayValue = Pick<LoopEntry, 'kind' | 'value'> | 'auto' | 'unknown';

// Shared: the root file may hold millions of cells, and reading one should not allocate.
const YES: DayValue = { kind: 'yes' };
const NOT_DONE: DayValue = { kind: 'no' };
const SKIPPED: DayValue = { kind: 'skip' };

/** What one value means for this habit: an entry, a day Loop filled in itself, or nothing known. */
function readValue(text: string, habit: LoopHabit, where: string): DayValue {
  const trimmed = text.trim();
  const raw = NAMED_VALUES.get(trimmed) ?? (/^-?\d+$/u.test(trimmed) ? Number(trimmed) : Number.NaN);
  if (!Number.isSafeInteger(raw)) throw new LoopFormatError(`${where}: "${trimmed}" is not a value Loop writes.`);
  if (raw === -1) return 'unknown';
  if (habit.type === 'numerical') {
    // Loop marks a skipped numerical day with SKIP's number too (0.003 of the unit).
    if (raw === 3) return SKIPPED;
    if (raw < 0) throw new LoopFormatError(`${where}: "${trimmed}" is not an amount Loop writes for “${habit.name}”.`);
    return { kind: 'value', value: raw / 1000 };
  }
  switch (raw) {
    case 2:
      return YES;
    case 1:
      return 'auto';
    case 0:
      return NOT_DONE;
    case 3:
    case -3: // One earlier Loop source numbered SKIP -3.
      return SKIPPED;
    default:
      throw new LoopFormatError(`${where}: "${trimmed}" is not a value Loop writes for a yes-or-no habit like “${habit.name}”.`);
  }
}

/** Habits whose history holds an UNKNOWN (-1): a Loop 2 file, where 0 is a real "no". */
const sawUnknown = new WeakSet<LoopHabit>();

/** Adds one day's value to a habit, refusing more entries than LOOP_LIMITS allows. */
function addEntry(habit: LoopHabit, date: string, value: DayValue, note: string, counter: { entries: number }): void {
  if (value === 'unknown') {
    sawUnknown.add(habit);
    return;
  }
  if (value === 'auto') {
    habit.autoDays++;
    return;
  }
  if (++counter.entries > LOOP_LIMITS.entries) {
    throw new LoopFormatError(`The export holds more than ${LOOP_LIMITS.entries.toLocaleString('en-US')} days of history; Cueboard imports at most that many.`);
  }
  const entry: LoopEntry = value.value === undefined ? { date, kind: value.kind } : { date, kind: value.kind, value: value.value };
  if (note.trim() !== '') entry.note = note;
  habit.entries.push(entry);
}

/** A habit's own Checkmarks.csv: "Date,Value,Notes" with a header (newer) or "date,value" without (older). */
function readHabitCheckmarks(path: string, text: string, habit: LoopHabit, counter: { entries: number }): void {
  const rows = csvRows(path, text).filter((row) => !isBlank(row.fields));
  const first = rows[0];
  let columns = { date: 0, value: 1, notes: 2 };
  if (first && first.fields[0]?.trim().toLowerCase() === 'date') {
    const names = first.fields.map((f) => f.trim().toLowerCase());
    columns = { date: names.indexOf('date'), value: names.indexOf('value'), notes: names.indexOf('notes') };
    if (columns.value < 0) throw new LoopFormatError(`${path} line ${first.line}: this is not the header Loop writes. Expected "Date,Value,Notes".`);
    rows.shift();
  }
  const seen = new Set<string>();
  for (const row of rows) {
    const where = `${path} line ${row.line}`;
    const value = row.fields[columns.value];
    if (value === undefined) throw new LoopFormatError(`${where}: a date without a value.`);
    const date = realDate(row.fields[columns.date] ?? '', where);
    if (seen.has(date)) throw new LoopFormatError(`${where}: ${date} appears twice for “${habit.name}”.`);
    seen.add(date);
    addEntry(habit, date, readValue(value, habit, where), columns.notes < 0 ? '' : (row.fields[columns.notes] ?? ''), counter);
  }
}

/**
 * The root Checkmarks.csv, for the habits in `wanted` (those without their own file). Loop writes it unquoted, so it
 * is split on commas as written: a habit name with a comma spans several header cells, and is put back together by
 * matching Habits.csv's names. Columns name habits; two habits of one name take their columns in Habits.csv's order.
 */
function readRootCheckmarks(path: string, text: string, habits: readonly LoopHabit[], wanted: ReadonlySet<LoopHabit>, counter: { entries: number }): void {
  const lines = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split(/\r\n|\n|\r/u);
  while (lines.length > 0 && lines.at(-1)!.trim() === '') lines.pop();
  if (lines.length === 0) return;
  const headerCells = withoutTrailingEmpty(lines[0]!.split(','));
  if (headerCells[0]?.trim().toLowerCase() !== 'date') {
    throw new LoopFormatError(`${path} line 1: this is not the header Loop writes. Expected "Date," followed by the habits' names.`);
  }
  const data = lines.slice(1).map((line, i) => ({ line: i + 2, cells: withoutTrailingEmpty(line.split(',')) }));
  if (data.length === 0) return;
  const width = data[0]!.cells.length - 1;
  // Only the columns of habits without their own file are read; the others' values are passed over.
  const columns = matchColumns(path, headerCells.slice(1), width, habits)
    .map((habit, c) => ({ habit, cell: c + 1 }))
    .filter(({ habit }) => wanted.has(habit));
  const seen = new Set<string>();
  for (const { line, cells } of data) {
    const where = `${path} line ${line}`;
    if (cells.length === 1 && cells[0]!.trim() === '') continue;
    if (cells.length - 1 !== width) throw new LoopFormatError(`${where}: ${cells.length - 1} values where the header names ${width} habits.`);
    const date = realDate(cells[0]!, where);
    if (seen.has(date)) throw new LoopFormatError(`${where}: ${date} appears twice.`);
    seen.add(date);
    for (const { habit, cell } of columns) addEntry(habit, date, readValue(cells[cell]!, habit, where), '', counter);
  }
}

/** The habit of each of `width` columns, from header cells that may have split names holding commas. */
function matchColumns(path: string, cells: readonly string[], width: number, habits: readonly LoopHabit[]): LoopHabit[] {
  // Habits by name, in Habits.csv order: a name's next column takes the first of them not yet taken.
  const byName = new Map<string, LoopHabit[]>();
  for (const habit of habits) byName.set(habit.name, [...(byName.get(habit.name) ?? []), habit]);
  // A name spans at most as many cells as the longest name has comma-separated parts.
  const maxParts = habits.reduce((most, h) => Math.max(most, h.name.split(',').length), 1);
  const columns: LoopHabit[] = [];
  for (let i = 0; i < cells.length;) {
    // The longest run of cells that names a habit: "Read, slowly" before a habit called "Read".
    let end = Math.min(cells.length, i + maxParts);
    for (; end > i; end--) {
      const habit = byName.get(cells.slice(i, end).join(',').trim())?.shift();
      if (habit) {
        columns.push(habit);
        break;
      }
    }
    if (end === i) throw new LoopFormatError(`${path} line 1: the column "${cells[i]}" names no habit in Habits.csv.`);
    i = end;
  }
  if (columns.length !== width) {
    throw new LoopFormatError(`${path} line 1: the header names ${columns.length} habits but the rows hold ${width} values.`);
  }
  return columns;
}

/** A real calendar date "YYYY-MM-DD" (Loop's yyyy-MM-dd): 2026-02-30 is refused. */
function realDate(text: string, where: string): string {
  const date = text.trim();
  const match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(date);
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  if (!match || day < 1 || day > days) throw new LoopFormatError(`${where}: "${date}" is not a real date (Loop writes dates as YYYY-MM-DD).`);
  return date;
}

function csvRows(path: string, text: string) {
  try {
    return parseCsvRows(text);
  } catch (error) {
    if (error instanceof CsvError) throw new LoopFormatError(`${path} line ${error.line}: ${error.reason}.`);
    throw error;
  }
}

function isBlank(fields: readonly string[]): boolean {
  return fields.every((f) => f.trim() === '');
}

/** Loop ends some lines with a comma: the empty field after it is not data. */
function withoutTrailingEmpty(fields: readonly string[]): string[] {
  return fields.length > 1 && fields.at(-1)!.trim() === '' ? fields.slice(0, -1) : [...fields];
}

// ————— Mapping to Cueboard —————

export interface LoopMappingOptions {
  /** Epoch ms: createdAt, scheduleSince and archivedAt of every habit. */
  now: number;
  /** The person's IANA zone: the schedules' zone, and the zone of each check-in (at noon of its day). */
  timeZone: string;
  /** Called once per habit and once per check-in, in the order they are returned. */
  newId: () => string;
}

export interface LoopImport {
  habits: Habit[];
  checkIns: CheckIn[];
  /** What the person should know before applying it, one sentence each (approximations, what is left out). */
  notes: string[];
}

/** Cueboard's longest habit name (validateHabit) and longest note (the import schemas). */
const MAX_NAME = 120;
const MAX_NOTE = 5_000;
/** Check-ins are instants from 2000 to 2200 (the import schemas); Loop history outside them is left out. */
const FIRST_DAY = '2000-01-01';
const LAST_DAY = '2199-12-31';

/**
 * Loop's habits and history as Cueboard records: every habit waits, archived, for a cue time (awaitingCueTime), and
 * its history comes as backfilled check-ins at noon of each day. Deterministic: ids come from `newId` in order (each
 * habit, then its check-ins oldest first). Throws a RangeError for a zone the runtime does not know.
 */
export function loopToCueboard(parsed: LoopExport, options: LoopMappingOptions): LoopImport {
  const { now, timeZone, newId } = options;
  if (!isTimeZone(timeZone)) throw new RangeError(`"${timeZone}" is not a time zone this browser knows.`);
  const today = Temporal.Instant.fromEpochMilliseconds(now).toZonedDateTimeISO(timeZone).toPlainDate().toString();
  const notes: string[] = [];
  if (parsed.habits.length > 0) notes.push(WAITING_NOTE);
  const names = cueboardNames(parsed.habits, notes);
  // Noon of a date in the zone, once per date: the same days recur across habits.
  const noon = new Map<string, number>();
  const noonOf = (date: string) => noon.get(date) ?? noon.set(date, instantOf(date, '12:00', timeZone)).get(date)!;
  const left = { auto: 0, outOfRange: 0, longNotes: 0, unticked: 0 };

  const habits: Habit[] = [];
  const checkIns: CheckIn[] = [];
  parsed.habits.forEach((loop, index) => {
    const name = names[index]!;
    const target = cueboardTarget(loop, name, notes);
    const kept = loop.entries.filter((e) => e.date >= FIRST_DAY && e.date <= LAST_DAY);
    left.outOfRange += loop.entries.length - kept.length;
    left.auto += loop.autoDays;
    left.unticked += loop.untickedDays ?? 0;
    const id = newId();
    habits.push({
      id,
      name,
      target,
      start: { firstStep: name },
      keystone: false,
      startsOn: kept[0]?.date ?? today,
      createdAt: now,
      scheduleSince: now,
      ...awaitingCueTime(target, timeZone, now),
    });
    for (const entry of kept) {
      const record = checkInOf(entry);
      if (!record) continue;
      const note = entry.note === undefined ? undefined : cut(entry.note, MAX_NOTE);
      if (note !== entry.note) left.longNotes++;
      checkIns.push({
        id: newId(),
        habitId: id,
        localDate: entry.date,
        at: noonOf(entry.date),
        timeZone,
        ...record,
        source: 'backfill',
        ...(note !== undefined ? { note } : {}),
      });
    }
  });

  if (parsed.habits.length > 0 && parsed.habits.every((h) => h.entries.length === 0 && h.autoDays === 0)) {
    notes.push('The files hold no history (no Checkmarks.csv, or an empty one), so the habits come without check-ins.');
  }
  if (left.auto > 0)
    notes.push(`${days(left.auto)} Loop marked done by itself, from a habit's frequency rather than by you, ${left.auto === 1 ? 'is' : 'are'} left out.`);
  if (left.unticked > 0)
    notes.push(`${days(left.unticked)} an older Loop left unticked ${left.unticked === 1 ? 'comes' : 'come'} in as not logged, not as missed.`);
  if (left.outOfRange > 0) notes.push(`${days(left.outOfRange)} dated before 2000 or after 2199 ${left.outOfRange === 1 ? 'is' : 'are'} left out.`);
  if (left.longNotes > 0)
    notes.push(
      `${left.longNotes === 1 ? 'One note is' : `${left.longNotes} notes are`} longer than ${MAX_NOTE.toLocaleString('en-US')} characters and cut there.`,
    );
  return { habits, checkIns, notes };
}

const WAITING_NOTE =
  'Nothing is scheduled yet: each habit arrives archived, off the dashboard, and waits until you give it a cue time. Open it among your archived habits, set when its cue comes, and restore it.';

/**
 * How an imported habit waits for its cue time: archived (so no cue, calendar block or "missed" day until the person
 * restores it), off the dashboard, with a placeholder schedule at 09:00 for 30 minutes on days that fit its target.
 * The one place that decides this, so the rule can change without touching the mapping around it.
 */
export function awaitingCueTime(target: HabitTarget, timeZone: string, now: number): Pick<Habit, 'archived' | 'archivedAt' | 'onDashboard' | 'schedule'> {
  const schedule: Schedule = { days: placeholderDays(target), startTime: '09:00', durationMinutes: 30, timeZone };
  return { archived: true, archivedAt: now, onDashboard: false, schedule };
}

/** A cue every day for a daily target or an amount of minutes; for n times a week, n days spread over the week. */
function placeholderDays(target: HabitTarget): number[] {
  if (target.per === 'day' || target.kind === 'minutes' || target.amount >= 7) return [1, 2, 3, 4, 5, 6, 7];
  return SPREAD[target.amount] ?? [1];
}

const SPREAD: Readonly<Record<number, number[]>> = { 1: [1], 2: [1, 4], 3: [1, 3, 5], 4: [1, 2, 4, 5], 5: [1, 2, 3, 4, 5], 6: [1, 2, 3, 4, 5, 6] };

/** Words for a minutes-like unit; any other unit is counted. */
const MINUTE_UNITS = new Set(['min', 'mins', 'minute', 'minutes']);

/** Cueboard targets are whole numbers from 1 to 10,000 (validateHabit). */
const MAX_AMOUNT = 10_000;

/**
 * The target of a Loop habit: its frequency (n times every d days) or, for a numerical habit, its target value per
 * period. A day is a day and 7 days a week; any other period becomes the same rate per week, noted.
 */
function cueboardTarget(loop: LoopHabit, name: string, notes: string[]): HabitTarget {
  const { numerator: n, denominator: d } = loop;
  const per = d === 1 ? 'day' : 'week';
  const quote = `“${name}”`;
  if (loop.type === 'yes-no') {
    const exact = d === 1 || d === 7 ? n : (n * 7) / d;
    const amount = clampAmount(exact);
    if (d !== 1 && d !== 7) notes.push(`${quote}: Loop's ${times(n)} every ${d} days becomes ${times(amount)} a week.`);
    else if (amount !== exact) notes.push(`${quote}: Loop's ${times(n)} a ${per} becomes ${times(amount)}, Cueboard's largest target.`);
    return { kind: 'count', amount, per };
  }
  const kind = MINUTE_UNITS.has(loop.unit.trim().toLowerCase()) ? 'minutes' : 'count';
  const unit = loop.unit.trim() === '' ? '' : ` ${loop.unit.trim()}`;
  // Loop's numerical target is an amount per period, the frequency giving the period (1 day, 7, 30 for a month).
  const exact = d === 1 || d === 7 ? loop.targetValue : (loop.targetValue * 7) / d;
  const amount = clampAmount(exact);
  const period = d === 1 ? 'a day' : d === 7 ? 'a week' : `every ${d} days`;
  if ((d !== 1 && d !== 7) || amount !== exact) {
    notes.push(
      `${quote}: Loop's target of ${number(loop.targetValue)}${unit} ${period} becomes ${number(amount)}${unit} a ${per}: Cueboard's targets are whole numbers from 1 to ${MAX_AMOUNT.toLocaleString('en-US')}, per day or per week.`,
    );
  }
  if (loop.targetType === 'at-most') {
    notes.push(
      `${quote}: Cueboard has no "at most" target, so Loop's limit of ${number(loop.targetValue)}${unit} is imported as a goal to reach. Change its target, or leave it archived, if that is not what you want.`,
    );
  }
  return { kind, amount, per };
}

function clampAmount(exact: number): number {
  return Math.min(MAX_AMOUNT, Math.max(1, Math.round(exact)));
}

/** The check-in a Loop entry makes, if any: an amount of 0 is a day with nothing done, not a record. */
function checkInOf(entry: LoopEntry): Pick<CheckIn, 'status' | 'value'> | undefined {
  switch (entry.kind) {
    case 'yes':
      return { status: 'done', value: 1 };
    case 'skip':
      return { status: 'skipped', value: 0 };
    case 'no':
      return { status: 'missed', value: 0 };
    case 'value':
      return entry.value !== undefined && entry.value > 0 ? { status: 'done', value: entry.value } : undefined;
  }
}

/**
 * Cueboard names for Loop's habits: at most 120 characters, and no two the same as Cueboard compares names
 * (sameHabitName), since a habit restored beside its twin could not be told apart. Each change is noted.
 */
function cueboardNames(habits: readonly LoopHabit[], notes: string[]): string[] {
  const taken: string[] = [];
  return habits.map((habit) => {
    let name = cut(habit.name, MAX_NAME);
    if (name !== habit.name) notes.push(`“${habit.name}” is longer than Cueboard's ${MAX_NAME} characters, so it is shortened to “${name}”.`);
    const base = name;
    for (let k = 2; taken.some((t) => sameHabitName(t, name)); k++) {
      const suffix = ` (${k})`;
      name = cut(base, MAX_NAME - suffix.length) + suffix;
    }
    if (name !== base) notes.push(`Two Loop habits are called “${base}”: the later one is imported as “${name}”.`);
    taken.push(name);
    return name;
  });
}

/** Text cut to `max` UTF-16 units with an ellipsis, never splitting a character. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  let head = text.slice(0, max - 1);
  const last = head.charCodeAt(head.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) head = head.slice(0, -1);
  return `${head.trimEnd()}…`;
}

function times(count: number): string {
  return count === 1 ? 'once' : count === 2 ? 'twice' : `${count.toLocaleString('en-US')} times`;
}

function days(count: number): string {
  return count === 1 ? 'One day' : `${count.toLocaleString('en-US')} days`;
}

function number(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 3 });
}
