import { describe, expect, it } from 'vitest';
import type { CheckIn } from '@/src/core/check-in';
import type { Habit } from '@/src/core/habit';
import { habitToInput, validateHabit } from '@/src/core/habit-input';
import { LOOP_LIMITS, loopToCueboard, parseLoopExport, type LoopExport, type LoopHabit } from '@/src/core/data/loop-import';
import { LOOP_SAMPLE, NO, SKIP, UNKNOWN, YES_AUTO, YES_MANUAL, writeLoopExport, type FakeLoopHabit } from '../../fakes/loop-export';

const NOW = Date.UTC(2024, 2, 10, 12);
const BERLIN = 'Europe/Berlin';

/** Ids id-1, id-2, … in the order they are asked for. */
function counter(): () => string {
  let n = 0;
  return () => `id-${++n}`;
}

function parsed(files: Record<string, string>): LoopExport {
  const result = parseLoopExport(files);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

function refusal(files: Record<string, string>): string {
  const result = parseLoopExport(files);
  if (result.ok) throw new Error('expected the export to be refused');
  return result.error;
}

/** A habit as parseLoopExport gives it, from the fields that differ from a plain daily yes-or-no habit. */
function loopHabit(fields: Partial<LoopHabit> & Pick<LoopHabit, 'position' | 'name'>): LoopHabit {
  return {
    question: '',
    description: '',
    type: 'yes-no',
    numerator: 1,
    denominator: 1,
    unit: '',
    targetType: 'at-least',
    targetValue: 0,
    archived: false,
    entries: [],
    autoDays: 0,
    ...fields,
  };
}

/** LOOP_SAMPLE as read from the newer export, with the notes only the habits' own files carry. */
const SAMPLE_HABITS: LoopHabit[] = [
  loopHabit({
    position: 1,
    name: 'Meditate',
    question: 'Did you meditate this morning?',
    entries: [
      { date: '2024-02-29', kind: 'no', note: 'Forgot to do it,\nreally' },
      { date: '2024-03-01', kind: 'skip', note: 'Sick' },
      { date: '2024-03-03', kind: 'yes', note: 'Felt "calm", finally' },
    ],
    autoDays: 1,
  }),
  loopHabit({
    position: 2,
    name: 'Run 5k',
    numerator: 3,
    denominator: 7,
    entries: [
      { date: '2024-02-27', kind: 'no' },
      { date: '2024-03-02', kind: 'yes' },
    ],
  }),
  loopHabit({
    position: 3,
    name: 'Read, slowly',
    description: 'Any book',
    type: 'numerical',
    unit: 'pages',
    targetValue: 20,
    entries: [
      { date: '2024-02-28', kind: 'value', value: 0.002 },
      { date: '2024-02-29', kind: 'skip' },
      { date: '2024-03-01', kind: 'value', value: 0 },
      { date: '2024-03-02', kind: 'value', value: 5.5 },
      { date: '2024-03-03', kind: 'value', value: 25 },
    ],
  }),
  loopHabit({
    position: 4,
    name: 'Practice piano',
    type: 'numerical',
    denominator: 7,
    unit: 'minutes',
    targetValue: 90,
    entries: [{ date: '2024-03-01', kind: 'value', value: 45, note: 'Scales, then "Clair de lune"' }],
  }),
  loopHabit({
    position: 5,
    name: 'Sugar',
    type: 'numerical',
    unit: 'g',
    targetType: 'at-most',
    targetValue: 30,
    entries: [{ date: '2024-03-03', kind: 'value', value: 12.5 }],
  }),
  loopHabit({ position: 6, name: 'Floss', numerator: 2, denominator: 3, archived: true, entries: [{ date: '2024-03-03', kind: 'yes' }] }),
  loopHabit({ position: 7, name: 'Meditate', entries: [{ date: '2024-03-03', kind: 'yes' }] }),
];

function withoutNotes(habits: readonly LoopHabit[]): LoopHabit[] {
  return habits.map((h) => ({ ...h, entries: h.entries.map(({ note: _note, ...entry }) => entry) }));
}

describe('parseLoopExport: the newer format', () => {
  it('reads every habit, and each history from its own folder, notes included', () => {
    expect(parsed(writeLoopExport(LOOP_SAMPLE, { format: 'new' }))).toEqual({ format: 'new', habits: SAMPLE_HABITS });
  });

  it('reads Habits.csv and the root Checkmarks.csv alone (chosen files), by each habit’s Type, without notes', () => {
    const files = writeLoopExport(LOOP_SAMPLE, { format: 'new', perHabit: false });
    expect(Object.keys(files).sort()).toEqual(['Checkmarks.csv', 'Habits.csv', 'Scores.csv']);
    expect(parsed({ 'Habits.csv': files['Habits.csv']!, 'Checkmarks.csv': files['Checkmarks.csv']! })).toEqual({
      format: 'new',
      habits: withoutNotes(SAMPLE_HABITS),
    });
  });

  it('takes a habit without its own folder from the root Checkmarks.csv', () => {
    const files = writeLoopExport(LOOP_SAMPLE, { format: 'new' });
    delete files['001 Meditate/Checkmarks.csv'];
    const habits = parsed(files).habits;
    expect(habits[0]).toEqual(withoutNotes(SAMPLE_HABITS)[0]);
    expect(habits.slice(1)).toEqual(SAMPLE_HABITS.slice(1));
  });

  it('finds the export inside a folder of the zip, and Windows separators', () => {
    const files = writeLoopExport(LOOP_SAMPLE, { format: 'new' });
    const nested = Object.fromEntries(Object.entries(files).map(([path, text]) => [`Loop Habits CSV 2024-03-10\\${path.replace('/', '\\')}`, text]));
    expect(parsed(nested)).toEqual({ format: 'new', habits: SAMPLE_HABITS });
  });

  it('matches a folder by its number when its name was changed', () => {
    const files = writeLoopExport(LOOP_SAMPLE, { format: 'new' });
    files['002 Running/Checkmarks.csv'] = 'Date,Value,Notes\n2024-03-01,YES_MANUAL,Renamed folder\n';
    delete files['002 Run 5k/Checkmarks.csv'];
    expect(parsed(files).habits[1]!.entries).toEqual([{ date: '2024-03-01', kind: 'yes', note: 'Renamed folder' }]);
  });

  it('reads a habit with no history anywhere as having none', () => {
    const files = writeLoopExport([{ name: 'New habit', numerator: 1, denominator: 1, entries: [] }], { format: 'new' });
    expect(parsed({ 'Habits.csv': files['Habits.csv']! })).toEqual({ format: 'new', habits: [loopHabit({ position: 1, name: 'New habit' })] });
  });

  it('takes an empty root Checkmarks.csv, a BOM and CRLF line ends', () => {
    const files = writeLoopExport([{ name: 'Walk', numerator: 1, denominator: 1, entries: [] }], { format: 'new', perHabit: false });
    const crlf = `\uFEFF${files['Habits.csv']!.replaceAll('\n', '\r\n')}`;
    expect(parsed({ 'Habits.csv': crlf, 'Checkmarks.csv': 'Date,Walk,\r\n' }).habits).toEqual([loopHabit({ position: 1, name: 'Walk' })]);
  });
});

describe('parseLoopExport: the older format', () => {
  const OLD: FakeLoopHabit[] = [
    {
      name: 'Meditate',
      question: 'Did you meditate?',
      numerator: 1,
      denominator: 1,
      entries: [
        { date: '2016-05-03', value: YES_MANUAL },
        { date: '2016-05-02', value: YES_AUTO },
        { date: '2016-05-01', value: NO },
        { date: '2016-04-30', value: SKIP },
      ],
    },
    { name: 'Gym', description: 'Weights', numerator: 3, denominator: 7, entries: [{ date: '2016-05-02', value: YES_MANUAL }] },
  ];
  const EXPECTED: LoopExport = {
    format: 'old',
    habits: [
      loopHabit({
        position: 1,
        name: 'Meditate',
        question: 'Did you meditate?',
        // Loop 1 had no UNKNOWN and wrote 0 for every day not ticked: without a -1, a 0 is a day nobody logged.
        entries: [
          { date: '2016-04-30', kind: 'skip' },
          { date: '2016-05-03', kind: 'yes' },
        ],
        autoDays: 1,
        untickedDays: 1,
      }),
      loopHabit({ position: 2, name: 'Gym', description: 'Weights', numerator: 3, denominator: 7, entries: [{ date: '2016-05-02', kind: 'yes' }] }),
    ],
  };

  it('reads the old header, headerless "date,value" files and integer values', () => {
    const files = writeLoopExport(OLD, { format: 'old' });
    expect(files['001 Meditate/Checkmarks.csv']).toBe('2016-05-03,2\n2016-05-02,1\n2016-05-01,0\n2016-04-30,3\n');
    expect(parsed(files)).toEqual(EXPECTED);
  });

  it('with the old header but a -1 in a habit’s history (Loop 2), a 0 is that day’s "no"', () => {
    const files = writeLoopExport([{ ...OLD[0]!, entries: [...OLD[0]!.entries, { date: '2016-04-29', value: UNKNOWN }] }], { format: 'old' });
    expect(parsed(files).habits[0]!.entries.map((e) => [e.date, e.kind])).toEqual([
      ['2016-04-30', 'skip'],
      ['2016-05-01', 'no'],
      ['2016-05-03', 'yes'],
    ]);
    expect(parsed(files).habits[0]!.untickedDays).toBeUndefined();
  });

  it('reads the old root Checkmarks.csv alone', () => {
    const files = writeLoopExport(OLD, { format: 'old', perHabit: false });
    expect(files['Checkmarks.csv']!.split('\n')[1]).toBe('2016-05-03,2,-1,');
    expect(parsed(files)).toEqual(EXPECTED);
  });
});

describe('parseLoopExport: what it refuses, and where', () => {
  const NEW_HEADER = 'Position,Name,Type,Question,Description,FrequencyNumerator,FrequencyDenominator,Color,Unit,Target Type,Target Value,Archived?\n';
  const OLD_HEADER = 'Position,Name,Question,Description,NumRepetitions,Interval,Color\n';
  const meditate = '001,Meditate,YES_NO,,,1,1,#FF8F00,,,,false\n';

  it('asks for Habits.csv when it is missing', () => {
    expect(refusal({ 'Checkmarks.csv': 'Date,\n' })).toBe(
      'No Habits.csv found. Choose the zip Loop exported ("Loop Habits CSV …zip"), or its Habits.csv and Checkmarks.csv.',
    );
  });

  it('refuses two exports at once', () => {
    expect(refusal({ 'a/Habits.csv': NEW_HEADER, 'b/Habits.csv': NEW_HEADER })).toBe(
      'Found more than one Habits.csv (a/Habits.csv, b/Habits.csv): import one Loop export at a time.',
    );
  });

  it('refuses an empty Habits.csv and a header Loop does not write', () => {
    expect(refusal({ 'Habits.csv': '' })).toBe(`Habits.csv is empty: it should start with Loop's header line (${NEW_HEADER.trim()}).`);
    expect(refusal({ 'Habits.csv': 'Name,Streak\nMeditate,3\n' })).toBe(
      `Habits.csv line 1: this is not the header Loop writes. Expected "${NEW_HEADER.trim()}" or the older "${OLD_HEADER.trim()}".`,
    );
  });

  it('names the line and field of a bad number', () => {
    expect(refusal({ 'Habits.csv': `${OLD_HEADER}001,Meditate,,,1,1,#FF8F00\n002,Gym,,,x,7,#FF8F00\n` })).toBe(
      'Habits.csv line 3: NumRepetitions is not a number ("x").',
    );
    expect(refusal({ 'Habits.csv': `${NEW_HEADER}001,Meditate,YES_NO,,,1,0,#FF8F00,,,,false\n` })).toBe(
      'Habits.csv line 2: FrequencyDenominator must be a whole number of at least 1, not 0.',
    );
    expect(refusal({ 'Habits.csv': `${NEW_HEADER}001,Read,NUMERICAL,,,1,1,#FF8F00,pages,AT_LEAST,,false\n` })).toBe(
      'Habits.csv line 2: Target Value is not a number (it is empty).',
    );
  });

  it('refuses an unknown Type, Target Type or Archived? value', () => {
    expect(refusal({ 'Habits.csv': `${NEW_HEADER}001,Meditate,BOOLEAN,,,1,1,#FF8F00,,,,false\n` })).toBe(
      'Habits.csv line 2: Type is "BOOLEAN", not YES_NO or NUMERICAL.',
    );
    expect(refusal({ 'Habits.csv': `${NEW_HEADER}001,Read,NUMERICAL,,,1,1,#FF8F00,pages,EXACTLY,2.0,false\n` })).toBe(
      'Habits.csv line 2: Target Type is "EXACTLY", not AT_LEAST or AT_MOST.',
    );
    expect(refusal({ 'Habits.csv': `${NEW_HEADER}001,Meditate,YES_NO,,,1,1,#FF8F00,,,,maybe\n` })).toBe(
      'Habits.csv line 2: Archived? is "maybe", not true or false.',
    );
  });

  it('refuses a row shorter than the header, and a habit without a name', () => {
    expect(refusal({ 'Habits.csv': `${NEW_HEADER}001,Meditate,YES_NO,,,1,1\n` })).toBe('Habits.csv line 2: 7 fields where the header has 12.');
    expect(refusal({ 'Habits.csv': `${NEW_HEADER}001, ,YES_NO,,,1,1,#FF8F00,,,,false\n` })).toBe('Habits.csv line 2: the habit has no name.');
  });

  it('takes names of up to 200 characters and refuses longer ones, naming the line', () => {
    const row = (name: string) => `001,${name},YES_NO,,,1,1,#FF8F00,,,,false\n`;
    expect(parsed({ 'Habits.csv': NEW_HEADER + row('n'.repeat(200)) }).habits[0]!.name).toBe('n'.repeat(200));
    // A quoted name over two lines: the error names the line the record starts on.
    expect(refusal({ 'Habits.csv': `${NEW_HEADER}${row('"Two\nlines"')}${row('é'.repeat(201))}` })).toBe(
      'Habits.csv line 4: the name is 201 characters long; Cueboard takes names of up to 200.',
    );
  });

  it('refuses dates that are not real, in either Checkmarks file', () => {
    expect(refusal({ 'Habits.csv': NEW_HEADER + meditate, '001 Meditate/Checkmarks.csv': 'Date,Value,Notes\n2026-03-01,NO,\n2026-02-30,YES_MANUAL,\n' })).toBe(
      '001 Meditate/Checkmarks.csv line 3: "2026-02-30" is not a real date (Loop writes dates as YYYY-MM-DD).',
    );
    expect(refusal({ 'Habits.csv': NEW_HEADER + meditate, 'Checkmarks.csv': 'Date,Meditate,\n03/01/2026,NO,\n' })).toBe(
      'Checkmarks.csv line 2: "03/01/2026" is not a real date (Loop writes dates as YYYY-MM-DD).',
    );
    expect(parsed({ 'Habits.csv': NEW_HEADER + meditate, 'Checkmarks.csv': 'Date,Meditate,\n2024-02-29,NO,\n' }).habits[0]!.entries).toEqual([
      { date: '2024-02-29', kind: 'no' },
    ]);
    expect(refusal({ 'Habits.csv': NEW_HEADER + meditate, 'Checkmarks.csv': 'Date,Meditate,\n2100-02-29,NO,\n' })).toContain('"2100-02-29" is not a real date');
  });

  it('refuses a value Loop does not write, by the habit’s type', () => {
    expect(refusal({ 'Habits.csv': NEW_HEADER + meditate, '001 Meditate/Checkmarks.csv': 'Date,Value,Notes\n2024-03-01,MAYBE,\n' })).toBe(
      '001 Meditate/Checkmarks.csv line 2: "MAYBE" is not a value Loop writes.',
    );
    expect(refusal({ 'Habits.csv': NEW_HEADER + meditate, '001 Meditate/Checkmarks.csv': '2024-03-01,5000\n' })).toBe(
      '001 Meditate/Checkmarks.csv line 1: "5000" is not a value Loop writes for a yes-or-no habit like “Meditate”.',
    );
    const read = '001,Read,NUMERICAL,,,1,1,#FF8F00,pages,AT_LEAST,2.0,false\n';
    expect(refusal({ 'Habits.csv': NEW_HEADER + read, '001 Read/Checkmarks.csv': 'Date,Value,Notes\n2024-03-01,-5,\n' })).toBe(
      '001 Read/Checkmarks.csv line 2: "-5" is not an amount Loop writes for “Read”.',
    );
  });

  it('says on which line a quoted note is never closed', () => {
    expect(
      refusal({ 'Habits.csv': NEW_HEADER + meditate, '001 Meditate/Checkmarks.csv': 'Date,Value,Notes\n2024-03-02,NO,"fine"\n2024-03-01,NO,"Sick\n' }),
    ).toBe('001 Meditate/Checkmarks.csv line 3: a quoted field is never closed (a " is missing).');
  });

  it('refuses a day that appears twice for one habit', () => {
    expect(refusal({ 'Habits.csv': NEW_HEADER + meditate, '001 Meditate/Checkmarks.csv': 'Date,Value,Notes\n2024-03-01,NO,\n2024-03-01,YES_MANUAL,\n' })).toBe(
      '001 Meditate/Checkmarks.csv line 3: 2024-03-01 appears twice for “Meditate”.',
    );
    expect(refusal({ 'Habits.csv': NEW_HEADER + meditate, 'Checkmarks.csv': 'Date,Meditate,\n2024-03-01,NO,\n2024-03-01,NO,\n' })).toBe(
      'Checkmarks.csv line 3: 2024-03-01 appears twice.',
    );
  });

  it('refuses a root Checkmarks.csv whose columns do not fit the habits', () => {
    expect(refusal({ 'Habits.csv': NEW_HEADER + meditate, 'Checkmarks.csv': 'Date,Yoga,\n2024-03-01,NO,\n' })).toBe(
      'Checkmarks.csv line 1: the column "Yoga" names no habit in Habits.csv.',
    );
    expect(refusal({ 'Habits.csv': NEW_HEADER + meditate, 'Checkmarks.csv': 'Date,Meditate,\n2024-03-01,NO,NO,\n' })).toBe(
      'Checkmarks.csv line 1: the header names 1 habits but the rows hold 2 values.',
    );
    expect(refusal({ 'Habits.csv': NEW_HEADER + meditate, 'Checkmarks.csv': 'Date,Meditate,\n2024-03-02,NO,\n2024-03-01,\n' })).toBe(
      'Checkmarks.csv line 3: 0 values where the header names 1 habits.',
    );
    expect(refusal({ 'Habits.csv': NEW_HEADER + meditate, 'Checkmarks.csv': 'Day,Meditate,\n2024-03-01,NO,\n' })).toBe(
      'Checkmarks.csv line 1: this is not the header Loop writes. Expected "Date," followed by the habits\' names.',
    );
  });

  it(`refuses more than ${LOOP_LIMITS.habits.toLocaleString('en-US')} habits`, () => {
    const rows = (count: number) => Array.from({ length: count }, (_, i) => `${i + 1},Habit ${i + 1},YES_NO,,,1,1,#FF8F00,,,,false\n`).join('');
    expect(parsed({ 'Habits.csv': NEW_HEADER + rows(5_000) }).habits).toHaveLength(5_000);
    expect(refusal({ 'Habits.csv': NEW_HEADER + rows(5_001) })).toBe('Habits.csv holds 5,001 habits; Cueboard imports at most 5,000.');
  });

  it(`refuses more than ${LOOP_LIMITS.entries.toLocaleString('en-US')} days of history`, () => {
    // 1,000 habits × 2,001 days, in the root file.
    const habits = Array.from({ length: 1_000 }, (_, i) => `${i + 1},H${i + 1},YES_NO,,,1,1,#FF8F00,,,,false\n`).join('');
    const header = `Date,${Array.from({ length: 1_000 }, (_, i) => `H${i + 1},`).join('')}\n`;
    const cells = '2,'.repeat(1_000);
    const lines: string[] = [];
    for (let day = Temporal.PlainDate.from('2010-01-01'), i = 0; i < 2_001; i++, day = day.add({ days: 1 })) lines.push(`${day.toString()},${cells}\n`);
    expect(refusal({ 'Habits.csv': NEW_HEADER + habits, 'Checkmarks.csv': header + lines.join('') })).toBe(
      'The export holds more than 2,000,000 days of history; Cueboard imports at most that many.',
    );
  });
});

/** A backfilled check-in as loopToCueboard makes it. */
function backfill(
  id: string,
  habitId: string,
  localDate: string,
  at: number,
  status: CheckIn['status'],
  value: number,
  note?: string,
  timeZone = BERLIN,
): CheckIn {
  return { id, habitId, localDate, at, timeZone, value, status, source: 'backfill', ...(note !== undefined ? { note } : {}) };
}

/** An imported habit: archived and off the dashboard, waiting for a cue time at the placeholder 09:00 for 30 minutes. */
function imported(id: string, name: string, target: Habit['target'], days: number[], startsOn: string, timeZone = BERLIN): Habit {
  return {
    id,
    name,
    target,
    schedule: { days, startTime: '09:00', durationMinutes: 30, timeZone },
    start: { firstStep: name },
    keystone: false,
    onDashboard: false,
    archived: true,
    archivedAt: NOW,
    startsOn,
    createdAt: NOW,
    scheduleSince: NOW,
  };
}

const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];
/** Noon in Berlin in February and March 2024 (UTC+1). */
const noon = (day: string) => Date.UTC(2024, Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)), 11);
const WAITING =
  'Nothing is scheduled yet: each habit arrives archived, off the dashboard, and waits until you give it a cue time. Open it among your archived habits, set when its cue comes, and restore it.';

describe('loopToCueboard', () => {
  const result = loopToCueboard({ format: 'new', habits: SAMPLE_HABITS }, { now: NOW, timeZone: BERLIN, newId: counter() });

  it('makes every habit archived, waiting for a cue time, with targets from Loop’s frequency and targets', () => {
    expect(result.habits).toEqual([
      imported('id-1', 'Meditate', { kind: 'count', amount: 1, per: 'day' }, EVERY_DAY, '2024-02-29'),
      imported('id-5', 'Run 5k', { kind: 'count', amount: 3, per: 'week' }, [1, 3, 5], '2024-02-27'),
      imported('id-8', 'Read, slowly', { kind: 'count', amount: 20, per: 'day' }, EVERY_DAY, '2024-02-28'),
      imported('id-13', 'Practice piano', { kind: 'minutes', amount: 90, per: 'week' }, EVERY_DAY, '2024-03-01'),
      imported('id-15', 'Sugar', { kind: 'count', amount: 30, per: 'day' }, EVERY_DAY, '2024-03-03'),
      imported('id-17', 'Floss', { kind: 'count', amount: 5, per: 'week' }, [1, 2, 3, 4, 5], '2024-03-03'),
      imported('id-19', 'Meditate (2)', { kind: 'count', amount: 1, per: 'day' }, EVERY_DAY, '2024-03-03'),
    ]);
  });

  it('backfills the history at noon of each day: done, skipped, missed and amounts; no check-in for YES_AUTO or an amount of 0', () => {
    expect(result.checkIns).toEqual([
      backfill('id-2', 'id-1', '2024-02-29', noon('2024-02-29'), 'missed', 0, 'Forgot to do it,\nreally'),
      backfill('id-3', 'id-1', '2024-03-01', noon('2024-03-01'), 'skipped', 0, 'Sick'),
      backfill('id-4', 'id-1', '2024-03-03', noon('2024-03-03'), 'done', 1, 'Felt "calm", finally'),
      backfill('id-6', 'id-5', '2024-02-27', noon('2024-02-27'), 'missed', 0),
      backfill('id-7', 'id-5', '2024-03-02', noon('2024-03-02'), 'done', 1),
      backfill('id-9', 'id-8', '2024-02-28', noon('2024-02-28'), 'done', 0.002),
      backfill('id-10', 'id-8', '2024-02-29', noon('2024-02-29'), 'skipped', 0),
      backfill('id-11', 'id-8', '2024-03-02', noon('2024-03-02'), 'done', 5.5),
      backfill('id-12', 'id-8', '2024-03-03', noon('2024-03-03'), 'done', 25),
      backfill('id-14', 'id-13', '2024-03-01', noon('2024-03-01'), 'done', 45, 'Scales, then "Clair de lune"'),
      backfill('id-16', 'id-15', '2024-03-03', noon('2024-03-03'), 'done', 12.5),
      backfill('id-18', 'id-17', '2024-03-03', noon('2024-03-03'), 'done', 1),
      backfill('id-20', 'id-19', '2024-03-03', noon('2024-03-03'), 'done', 1),
    ]);
  });

  it('says what changed on the way', () => {
    expect(result.notes).toEqual([
      WAITING,
      'Two Loop habits are called “Meditate”: the later one is imported as “Meditate (2)”.',
      '“Sugar”: Cueboard has no "at most" target, so Loop\'s limit of 30 g is imported as a goal to reach. Change its target, or leave it archived, if that is not what you want.',
      "“Floss”: Loop's twice every 3 days becomes 5 times a week.",
      "One day Loop marked done by itself, from a habit's frequency rather than by you, is left out.",
    ]);
  });

  it('makes habits the habit form accepts as they are', () => {
    for (const habit of result.habits) {
      const { id, createdAt, archived, startsOn, scheduleSince, archivedAt } = habit;
      const base = { id, createdAt, archived, startsOn, scheduleSince, ...(archivedAt !== undefined ? { archivedAt } : {}) };
      expect(validateHabit(habitToInput(habit), base, { habits: result.habits, outcomeIds: [] })).toEqual({ ok: true, value: habit });
    }
  });

  it('gives the same records for the same input', () => {
    expect(loopToCueboard({ format: 'new', habits: SAMPLE_HABITS }, { now: NOW, timeZone: BERLIN, newId: counter() })).toEqual(result);
  });

  it('imports the older export end to end', () => {
    const files = writeLoopExport(
      [
        {
          name: 'Meditate',
          numerator: 1,
          denominator: 1,
          entries: [
            { date: '2016-05-03', value: YES_MANUAL },
            { date: '2016-05-02', value: YES_AUTO },
            { date: '2016-05-01', value: NO },
          ],
        },
        { name: 'Gym', numerator: 3, denominator: 7, entries: [{ date: '2016-05-02', value: SKIP }] },
      ],
      { format: 'old' },
    );
    const { habits, checkIns, notes } = loopToCueboard(parsed(files), { now: NOW, timeZone: BERLIN, newId: counter() });
    expect(habits).toEqual([
      imported('id-1', 'Meditate', { kind: 'count', amount: 1, per: 'day' }, EVERY_DAY, '2016-05-03'),
      imported('id-3', 'Gym', { kind: 'count', amount: 3, per: 'week' }, [1, 3, 5], '2016-05-02'),
    ]);
    // Noon in Berlin in May is 10:00 UTC (summer time). Loop 1's unticked 1 May is not logged, never "missed".
    expect(checkIns).toEqual([
      backfill('id-2', 'id-1', '2016-05-03', Date.UTC(2016, 4, 3, 10), 'done', 1),
      backfill('id-4', 'id-3', '2016-05-02', Date.UTC(2016, 4, 2, 10), 'skipped', 0),
    ]);
    expect(notes).toEqual([
      WAITING,
      "One day Loop marked done by itself, from a habit's frequency rather than by you, is left out.",
      'One day an older Loop left unticked comes in as not logged, not as missed.',
    ]);
  });

  it('turns other periods into a weekly rate, rounds targets to whole numbers, and says so', () => {
    const habits = [
      loopHabit({ position: 1, name: 'Call mum', numerator: 1, denominator: 30 }),
      loopHabit({ position: 2, name: 'Walk', type: 'numerical', denominator: 30, unit: 'km', targetValue: 60 }),
      loopHabit({ position: 3, name: 'Water', type: 'numerical', unit: 'litres', targetValue: 1.5 }),
      loopHabit({ position: 4, name: 'Stretch', type: 'numerical', unit: 'Mins', targetValue: 0 }),
      loopHabit({ position: 5, name: 'Sport', numerator: 20, denominator: 2 }),
    ];
    const { habits: made, notes } = loopToCueboard({ format: 'new', habits }, { now: NOW, timeZone: BERLIN, newId: counter() });
    expect(made.map((h) => [h.name, h.target, h.schedule.days])).toEqual([
      ['Call mum', { kind: 'count', amount: 1, per: 'week' }, [1]],
      ['Walk', { kind: 'count', amount: 14, per: 'week' }, EVERY_DAY],
      ['Water', { kind: 'count', amount: 2, per: 'day' }, EVERY_DAY],
      ['Stretch', { kind: 'minutes', amount: 1, per: 'day' }, EVERY_DAY],
      ['Sport', { kind: 'count', amount: 70, per: 'week' }, EVERY_DAY],
    ]);
    expect(notes).toEqual([
      WAITING,
      "“Call mum”: Loop's once every 30 days becomes once a week.",
      "“Walk”: Loop's target of 60 km every 30 days becomes 14 km a week: Cueboard's targets are whole numbers from 1 to 10,000, per day or per week.",
      "“Water”: Loop's target of 1.5 litres a day becomes 2 litres a day: Cueboard's targets are whole numbers from 1 to 10,000, per day or per week.",
      "“Stretch”: Loop's target of 0 Mins a day becomes 1 Mins a day: Cueboard's targets are whole numbers from 1 to 10,000, per day or per week.",
      "“Sport”: Loop's 20 times every 2 days becomes 70 times a week.",
      'The files hold no history (no Checkmarks.csv, or an empty one), so the habits come without check-ins.',
    ]);
  });

  it('counts minutes only for a minutes-like unit', () => {
    const kinds = ['min', 'mins', 'Minutes', 'minute', 'km', 'hours', ''].map(
      (unit, i) =>
        loopToCueboard(
          { format: 'new', habits: [loopHabit({ position: i + 1, name: 'X', type: 'numerical', unit, targetValue: 10 })] },
          { now: NOW, timeZone: BERLIN, newId: counter() },
        ).habits[0]!.target.kind,
    );
    expect(kinds).toEqual(['minutes', 'minutes', 'minutes', 'minutes', 'count', 'count', 'count']);
  });

  it('shortens names to Cueboard’s 120 characters and keeps them apart as Cueboard compares names', () => {
    const long = `${'Long name '.repeat(19)}end`; // 193 characters
    const habits = [
      loopHabit({ position: 1, name: long }),
      loopHabit({ position: 2, name: long }),
      loopHabit({ position: 3, name: 'read' }),
      loopHabit({ position: 4, name: 'Read' }),
    ];
    const { habits: made, notes } = loopToCueboard({ format: 'new', habits }, { now: NOW, timeZone: BERLIN, newId: counter() });
    const short = `${'Long name '.repeat(11)}Long name…`;
    expect(short).toHaveLength(120);
    const second = `${'Long name '.repeat(11)}Long… (2)`;
    expect(made.map((h) => h.name)).toEqual([short, second, 'read', 'Read (2)']);
    expect(made.every((h) => h.name.length <= 120)).toBe(true);
    expect(notes.slice(1, 6)).toEqual([
      `“${long}” is longer than Cueboard's 120 characters, so it is shortened to “${short}”.`,
      `“${long}” is longer than Cueboard's 120 characters, so it is shortened to “${short}”.`,
      `Two Loop habits are called “${short}”: the later one is imported as “${second}”.`,
      'Two Loop habits are called “Read”: the later one is imported as “Read (2)”.',
      'The files hold no history (no Checkmarks.csv, or an empty one), so the habits come without check-ins.',
    ]);
  });

  it('starts a habit without history today, in the person’s zone', () => {
    // 2024-03-10 12:00 UTC is already the 11th in Auckland.
    const { habits } = loopToCueboard(
      { format: 'new', habits: [loopHabit({ position: 1, name: 'New' })] },
      { now: NOW, timeZone: 'Pacific/Auckland', newId: counter() },
    );
    expect(habits[0]!.startsOn).toBe('2024-03-11');
  });

  it('records each check-in at noon in the given zone, across a clock change', () => {
    const habits = [
      loopHabit({
        position: 1,
        name: 'Walk',
        entries: [
          { date: '2024-03-09', kind: 'yes' },
          { date: '2024-03-11', kind: 'yes' },
        ],
      }),
    ];
    const { checkIns } = loopToCueboard({ format: 'new', habits }, { now: NOW, timeZone: 'America/New_York', newId: counter() });
    expect(checkIns).toEqual([
      backfill('id-2', 'id-1', '2024-03-09', Date.UTC(2024, 2, 9, 17), 'done', 1, undefined, 'America/New_York'),
      backfill('id-3', 'id-1', '2024-03-11', Date.UTC(2024, 2, 11, 16), 'done', 1, undefined, 'America/New_York'),
    ]);
  });

  it('leaves out days before 2000, cuts notes over 5,000 characters, and says so', () => {
    const habits = [
      loopHabit({
        position: 1,
        name: 'Walk',
        entries: [
          { date: '1999-12-31', kind: 'yes' },
          { date: '2001-01-01', kind: 'yes', note: 'x'.repeat(6_000) },
        ],
      }),
    ];
    const { habits: made, checkIns, notes } = loopToCueboard({ format: 'new', habits }, { now: NOW, timeZone: BERLIN, newId: counter() });
    expect(made[0]!.startsOn).toBe('2001-01-01');
    expect(checkIns).toEqual([backfill('id-2', 'id-1', '2001-01-01', Date.UTC(2001, 0, 1, 11), 'done', 1, `${'x'.repeat(4_999)}…`)]);
    expect(notes).toEqual([WAITING, 'One day dated before 2000 or after 2199 is left out.', 'One note is longer than 5,000 characters and cut there.']);
  });

  it('refuses a zone the runtime does not know', () => {
    expect(() => loopToCueboard({ format: 'new', habits: [] }, { now: NOW, timeZone: 'Mars/Olympus', newId: counter() })).toThrow(RangeError);
  });

  it('makes nothing, and says nothing, from an export without habits', () => {
    expect(loopToCueboard({ format: 'new', habits: [] }, { now: NOW, timeZone: BERLIN, newId: counter() })).toEqual({ habits: [], checkIns: [], notes: [] });
  });
});
