import type { PatternedRecurrence } from '@microsoft/microsoft-graph-types';
import type { Schedule } from '@/src/core/schedule';

const DAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

/**
 * The Graph recurrence of a schedule: daily when every day is chosen, weekly on the chosen days otherwise (every two
 * weeks: weekly with interval 2 on the chosen days, counted from the week of range.startDate), expanded in the
 * schedule's IANA zone. The range starts on the first cue's local date (Graph requires it to equal the
 * event's start date) and, when `endDate` is given, ends on that local date (inclusive).
 */
export function scheduleToRecurrence(schedule: Pick<Schedule, 'days' | 'timeZone' | 'everyWeeks'>, startDate: string, endDate?: string): PatternedRecurrence {
  const days = [...new Set(schedule.days)].sort((a, b) => a - b);
  const interval = schedule.everyWeeks ?? 1;
  return {
    pattern:
      days.length === 7 && interval === 1
        ? { type: 'daily', interval: 1 }
        : { type: 'weekly', interval, daysOfWeek: days.map((d) => DAY_NAMES[d - 1]!), firstDayOfWeek: 'monday' },
    range: {
      type: endDate === undefined ? 'noEnd' : 'endDate',
      startDate,
      ...(endDate === undefined ? {} : { endDate }),
      recurrenceTimeZone: schedule.timeZone,
    },
  };
}

/** The days of a recurrence Cueboard wrote; undefined for patterns it does not write. */
export function recurrenceDays(recurrence: PatternedRecurrence): number[] | undefined {
  const pattern = recurrence.pattern;
  if (pattern?.type === 'daily' && pattern.interval === 1) return [1, 2, 3, 4, 5, 6, 7];
  if (pattern?.type !== 'weekly' || (pattern.interval !== 1 && pattern.interval !== 2) || !pattern.daysOfWeek?.length) return undefined;
  const days = pattern.daysOfWeek.map((d) => DAY_NAMES.indexOf(d) + 1);
  return days.includes(0) ? undefined : days.sort((a, b) => a - b);
}

/** How often a recurrence Cueboard wrote repeats: 2 for every two weeks, undefined for every week (or daily). */
export function recurrenceEveryWeeks(recurrence: PatternedRecurrence): 2 | undefined {
  return recurrence.pattern?.type === 'weekly' && recurrence.pattern.interval === 2 ? 2 : undefined;
}
