import type { CheckIn } from '../check-in';
import type { Habit } from '../habit';
import { toCsv } from './csv';

// Check-ins as spreadsheets: one row per check-in, and a matrix of dates × habits like Loop Habit Tracker's. Dates are
// the ISO local dates the check-ins count for (the person's day boundary already applied when they were made).

const UNIT: Record<Habit['target']['kind'], string> = { count: 'times', minutes: 'minutes' };

/** One row per check-in, oldest first: date, habit, status, value, unit, source, note. */
export function checkInsCsv(habits: readonly Habit[], checkIns: readonly CheckIn[]): string {
  const byId = new Map(habits.map((h) => [h.id, h]));
  const rows = [...checkIns]
    .sort((a, b) => a.localDate.localeCompare(b.localDate) || a.at - b.at)
    .map((c) => {
      const habit = byId.get(c.habitId);
      return [c.localDate, text(habit?.name ?? c.habitId), c.status, number(c.value), habit ? UNIT[habit.target.kind] : '', c.source, text(c.note ?? '')];
    });
  return toCsv([['date', 'habit', 'status', 'value', 'unit', 'source', 'note'], ...rows]);
}

/**
 * Dates × habits, oldest date first, one column per habit (in the order given). A cell holds the day's done amount
 * ("1", "30"), or "skipped" / "missed" when that was the day's word, or nothing when the day was not logged — never a
 * zero for a day nobody logged.
 */
export function checkInMatrixCsv(habits: readonly Habit[], checkIns: readonly CheckIn[]): string {
  const columns = new Map(habits.map((h, i) => [h.id, i]));
  // Per day and column: the done amount (undefined until a "done"), else the day's word.
  const days = new Map<string, { done: (number | undefined)[]; word: string[] }>();
  for (const c of checkIns) {
    const column = columns.get(c.habitId);
    if (column === undefined) continue;
    const day = days.get(c.localDate) ?? { done: Array<number | undefined>(habits.length).fill(undefined), word: Array<string>(habits.length).fill('') };
    days.set(c.localDate, day);
    if (c.status === 'done') day.done[column] = (day.done[column] ?? 0) + c.value;
    // Any "done" wins the day; "skipped" wins over "missed" (the dashboard's rule, check-in.ts dayState).
    else if (day.word[column] !== 'skipped') day.word[column] = c.status;
  }
  const rows = [...days.keys()].sort().map((date) => {
    const day = days.get(date)!;
    return [date, ...habits.map((_, i) => (day.done[i] !== undefined ? number(day.done[i]) : day.word[i]!))];
  });
  return toCsv([['date', ...habits.map((h) => text(h.name))], ...rows]);
}

/**
 * The person's own words, made safe to open in a spreadsheet: text starting with = + - @ (or a tab or return) would be
 * run as a formula there, so it gets a leading apostrophe, which spreadsheets read as "this is text".
 */
function text(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** "1", "30", "2.5": no float noise from sums of decimals. */
function number(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}
