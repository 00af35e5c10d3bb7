import { describe, expect, it } from 'vitest';
import { checkInMatrixCsv, checkInsCsv } from '@/src/core/data/checkins-csv';
import { parseCsv } from '@/src/core/data/csv';
import type { CheckIn } from '@/src/core/check-in';
import { everything } from '../../fakes/everything';

const { habits, checkIns } = everything();

describe('check-ins as CSV', () => {
  it('one row per check-in, oldest first, with RFC 4180 quoting and CRLF', () => {
    const text = checkInsCsv(habits, checkIns);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(parseCsv(text)).toEqual([
      ['date', 'habit', 'status', 'value', 'unit', 'source', 'note'],
      ['2026-03-02', 'Review team code', 'done', '30', 'minutes', 'notification', ''],
      ['2026-03-02', 'Stretch', 'missed', '0', 'times', 'backfill', ''],
      ['2026-03-03', 'Deep work', 'done', '85', 'minutes', 'focus', 'Shipped the plan'],
      ['2026-03-03', 'Review team code', 'skipped', '0', 'minutes', 'popup', 'Travel, day 1'],
      ['2026-03-04', '1-on-1s', 'done', '1', 'times', 'newtab', ''],
    ]);
    expect(text).toContain('"Travel, day 1"');
  });

  it('keeps quotes and line breaks in notes, and defuses text a spreadsheet would run as a formula', () => {
    const notes: CheckIn[] = [
      { ...checkIns[0]!, id: 'n1', note: 'She said "ship it"\nthen left' },
      { ...checkIns[0]!, id: 'n2', localDate: '2026-03-05', note: '=HYPERLINK("http://evil.example","click")' },
    ];
    const rows = parseCsv(checkInsCsv([{ ...habits[0]!, name: '@home review' }], notes));
    expect(rows.slice(1).map((r) => [r[1], r[6]])).toEqual([
      ["'@home review", 'She said "ship it"\nthen left'],
      ["'@home review", '\'=HYPERLINK("http://evil.example","click")'],
    ]);
  });

  it('a matrix of dates × habits: the day’s done amount, or its word, or nothing when not logged', () => {
    const more: CheckIn[] = [
      ...checkIns,
      // Two sessions of review on one day add up; a skip beside a done loses to the done.
      { ...checkIns[0]!, id: 'x1', at: checkIns[0]!.at + 1, value: 15.5 },
      { ...checkIns[0]!, id: 'x2', status: 'skipped', value: 0 },
    ];
    expect(parseCsv(checkInMatrixCsv(habits, more))).toEqual([
      ['date', 'Review team code', 'Stretch', 'Deep work', '1-on-1s'],
      ['2026-03-02', '45.5', 'missed', '', ''],
      ['2026-03-03', 'skipped', '', '85', ''],
      ['2026-03-04', '', '', '', '1'],
    ]);
  });
});
