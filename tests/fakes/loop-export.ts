import { strToU8, zipSync } from 'fflate';

// A small writer of Loop Habit Tracker's CSV export, following what its source writes (HabitsCSVExporter,
// HabitList.writeCSV, Entry.formattedValue): the import tests read files made the way Loop makes them, in both the
// older and the newer format, instead of a hand-typed sample that could drift from either.

/** Loop's stored values: for a numerical habit, the amount × 1000 (SKIP and UNKNOWN keep their numbers). */
export const YES_MANUAL = 2;
export const YES_AUTO = 1;
export const NO = 0;
export const SKIP = 3;
export const UNKNOWN = -1;

export interface FakeLoopHabit {
  name: string;
  /** Newer exports only; the older ones knew only yes-or-no habits. */
  type?: 'YES_NO' | 'NUMERICAL';
  question?: string;
  description?: string;
  numerator: number;
  denominator: number;
  unit?: string;
  targetType?: 'AT_LEAST' | 'AT_MOST';
  targetValue?: number;
  archived?: boolean;
  /** The days Loop knows, any order: its stored integer and (newer exports) the day's note. */
  entries: { date: string; value: number; notes?: string }[];
}

export interface FakeExportOptions {
  format: 'old' | 'new';
  /** The per-habit folders "NNN Name/" with Checkmarks.csv and Scores.csv (default true). */
  perHabit?: boolean;
  /** The root Checkmarks.csv and Scores.csv (default true). */
  root?: boolean;
}

/** Loop's export as path → text, the way the zip holds it. */
export function writeLoopExport(habits: readonly FakeLoopHabit[], options: FakeExportOptions): Record<string, string> {
  const files: Record<string, string> = { 'Habits.csv': habitsCsv(habits, options.format) };
  if (options.perHabit ?? true) {
    habits.forEach((habit, i) => {
      const folder = `${String(i + 1).padStart(3, '0')} ${habit.name.replace(/[^ a-zA-Z0-9._-]+/g, '').slice(0, 100)}`.trim();
      const days = [...habit.entries].sort((a, b) => (a.date < b.date ? 1 : -1));
      files[`${folder}/Scores.csv`] = opencsv(['Date', 'Score']) + days.map((d) => opencsv([d.date, '0.5000'])).join('');
      files[`${folder}/Checkmarks.csv`] =
        options.format === 'new'
          ? opencsv(['Date', 'Value', 'Notes']) + days.map((d) => opencsv([d.date, formatted(d.value), d.notes ?? ''])).join('')
          : days.map((d) => opencsv([d.date, String(d.value)])).join('');
    });
  }
  if (options.root ?? true) {
    const dates = allDates(habits);
    // Written by hand in Loop, not through opencsv: names unquoted, a comma after every cell.
    const header = `Date,${habits.map((h) => `${h.name},`).join('')}\n`;
    const cell = (habit: FakeLoopHabit, date: string) => {
      const value = habit.entries.find((e) => e.date === date)?.value ?? UNKNOWN;
      return options.format === 'new' ? formatted(value) : String(value);
    };
    files['Checkmarks.csv'] = header + dates.map((date) => `${date},${habits.map((h) => `${cell(h, date)},`).join('')}\n`).join('');
    files['Scores.csv'] = header + dates.map((date) => `${date},${habits.map(() => '0.5000,').join('')}\n`).join('');
  }
  return files;
}

/** The export zipped as Loop's "Loop Habits CSV yyyy-MM-dd.zip" (files at the root of the archive). */
export function zipLoopExport(files: Readonly<Record<string, string>>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(files).map(([path, text]) => [path, strToU8(text)])), { level: 6 });
}

function habitsCsv(habits: readonly FakeLoopHabit[], format: 'old' | 'new'): string {
  if (format === 'old') {
    return (
      opencsv(['Position', 'Name', 'Question', 'Description', 'NumRepetitions', 'Interval', 'Color']) +
      habits
        .map((h, i) => opencsv([position(i), h.name, h.question ?? '', h.description ?? '', String(h.numerator), String(h.denominator), '#FF8F00']))
        .join('')
    );
  }
  const header = [
    'Position',
    'Name',
    'Type',
    'Question',
    'Description',
    'FrequencyNumerator',
    'FrequencyDenominator',
    'Color',
    'Unit',
    'Target Type',
    'Target Value',
    'Archived?',
  ];
  return (
    opencsv(header) +
    habits
      .map((h, i) => {
        const numerical = h.type === 'NUMERICAL';
        return opencsv([
          position(i),
          h.name,
          h.type ?? 'YES_NO',
          h.question ?? '',
          h.description ?? '',
          String(h.numerator),
          String(h.denominator),
          '#FF8F00',
          numerical ? (h.unit ?? '') : '',
          numerical ? (h.targetType ?? 'AT_LEAST') : '',
          numerical ? javaDouble(h.targetValue ?? 0) : '',
          String(h.archived ?? false),
        ]);
      })
      .join('')
  );
}

function position(index: number): string {
  return String(index + 1).padStart(3, '0');
}

/** opencsv's writeNext(line, false): quotes only a field holding a quote, comma or line break; lines end in "\n". */
function opencsv(fields: readonly string[]): string {
  return `${fields.map((f) => (/[",\r\n]/.test(f) ? `"${f.replaceAll('"', '""')}"` : f)).join(',')}\n`;
}

/** Entry.formattedValue: the five special numbers by name, whatever the habit's type; any other number as it is. */
function formatted(value: number): string {
  const names: Record<number, string> = { 2: 'YES_MANUAL', 1: 'YES_AUTO', 0: 'NO', 3: 'SKIP', [-1]: 'UNKNOWN' };
  return names[value] ?? String(value);
}

/** Java's Double.toString for the plain values used here: 20 → "20.0", 5.5 → "5.5". */
function javaDouble(value: number): string {
  return Number.isInteger(value) ? value.toFixed(1) : String(value);
}

/** Every day from the oldest entry to the newest, newest first (Loop's root files run to today). */
function allDates(habits: readonly FakeLoopHabit[]): string[] {
  const known = habits.flatMap((h) => h.entries.map((e) => e.date)).sort();
  if (known.length === 0) return [];
  const out: string[] = [];
  for (
    let day = Temporal.PlainDate.from(known.at(-1)!);
    Temporal.PlainDate.compare(day, Temporal.PlainDate.from(known[0]!)) >= 0;
    day = day.subtract({ days: 1 })
  ) {
    out.push(day.toString());
  }
  return out;
}

/**
 * A newer export with every kind of day: yes, Loop's own YES_AUTO, skip, no, numerical amounts (including a 0 and
 * values printed as names), minutes, an "at most" target, a frequency that is neither daily nor weekly, an archived
 * habit, a name with a comma, two habits of one name, and notes with commas, quotes and a line break.
 */
export const LOOP_SAMPLE: readonly FakeLoopHabit[] = [
  {
    name: 'Meditate',
    question: 'Did you meditate this morning?',
    numerator: 1,
    denominator: 1,
    entries: [
      { date: '2024-03-03', value: YES_MANUAL, notes: 'Felt "calm", finally' },
      { date: '2024-03-02', value: YES_AUTO },
      { date: '2024-03-01', value: SKIP, notes: 'Sick' },
      { date: '2024-02-29', value: NO, notes: 'Forgot to do it,\nreally' },
    ],
  },
  {
    name: 'Run 5k',
    numerator: 3,
    denominator: 7,
    entries: [
      { date: '2024-03-02', value: YES_MANUAL },
      { date: '2024-02-27', value: NO },
    ],
  },
  {
    name: 'Read, slowly',
    type: 'NUMERICAL',
    description: 'Any book',
    numerator: 1,
    denominator: 1,
    unit: 'pages',
    targetType: 'AT_LEAST',
    targetValue: 20,
    entries: [
      { date: '2024-03-03', value: 25_000 },
      { date: '2024-03-02', value: 5_500 },
      { date: '2024-03-01', value: 0 },
      { date: '2024-02-29', value: SKIP },
      // Printed "YES_MANUAL", but in a numerical habit it is 0.002 pages.
      { date: '2024-02-28', value: 2 },
    ],
  },
  {
    name: 'Practice piano',
    type: 'NUMERICAL',
    numerator: 1,
    denominator: 7,
    unit: 'minutes',
    targetType: 'AT_LEAST',
    targetValue: 90,
    entries: [{ date: '2024-03-01', value: 45_000, notes: 'Scales, then "Clair de lune"' }],
  },
  {
    name: 'Sugar',
    type: 'NUMERICAL',
    numerator: 1,
    denominator: 1,
    unit: 'g',
    targetType: 'AT_MOST',
    targetValue: 30,
    entries: [{ date: '2024-03-03', value: 12_500 }],
  },
  { name: 'Floss', numerator: 2, denominator: 3, archived: true, entries: [{ date: '2024-03-03', value: YES_MANUAL }] },
  { name: 'Meditate', numerator: 1, denominator: 1, entries: [{ date: '2024-03-03', value: YES_MANUAL }] },
];
