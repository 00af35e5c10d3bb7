import type { CheckIn } from './check-in';
import { periodOf } from './period';

// A habit counted per person ("one meaningful 1-on-1 with each direct report weekly") is met when every person on
// its list has had one this period. A second check-off for the same person is kept (it happened) but adds nothing,
// and one for someone no longer on the list, or for no one, counts for no one.

/** A name as compared: trimmed and case-insensitive, so "ana " and "Ana" are one person. */
export function personKey(name = ''): string {
  return name.trim().toLowerCase();
}

/**
 * The check-ins as a habit's numbers count them. For a habit counted per person, each listed person's first done
 * check-in per period keeps its value and every other done check-in counts 0; other habits' check-ins are unchanged.
 */
export function countedCheckIns(habit: { people?: readonly string[]; target: { per: 'day' | 'week' } }, checkIns: readonly CheckIn[]): readonly CheckIn[] {
  if (!habit.people?.length) return checkIns;
  const listed = habit.people.map(personKey);
  const counted = new Set<string>();
  return checkIns.map((c) => {
    const who = personKey(c.person);
    const key = `${periodOf(c.localDate, habit.target.per).start} ${who}`;
    if (c.status !== 'done' || (listed.includes(who) && !counted.has(key) && counted.add(key))) return c;
    return { ...c, value: 0 };
  });
}
