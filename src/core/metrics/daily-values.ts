import type { CheckIn } from '../check-in';

/** What one local date holds for a habit: the done amount and whether the person skipped it. */
export interface DayValue {
  done: number;
  skipped: boolean;
}

/** Fold check-ins into per-date values. A "done" anywhere in the day outweighs a skip. */
export function dailyValues(checkIns: readonly CheckIn[]): Map<string, DayValue> {
  const days = new Map<string, DayValue>();
  for (const c of checkIns) {
    const day = days.get(c.localDate) ?? { done: 0, skipped: false };
    if (c.status === 'done') day.done += c.value;
    if (c.status === 'skipped') day.skipped = true;
    days.set(c.localDate, day);
  }
  for (const day of days.values()) if (day.done > 0) day.skipped = false;
  return days;
}
