import type { Event } from '@microsoft/microsoft-graph-types';
import { firstCue } from '@/src/core/first-cue';
import type { Habit } from '@/src/core/habit';
import { fnv1a, stableJson } from '@/src/core/hash';
import { scheduleToRecurrence } from './recurrence';

/** Cueboard's single-value extended property: marks an event as a cue series, valued "<habitId>|<scheduleSince>". */
export const SERIES_PROPERTY_ID = 'String {6a1f3c2e-5b7d-4e8a-9c0f-2d4b6e8a1c3e} Name cueboardSeries';

/** The key of a habit's current series: the habit and the moment its schedule took effect. */
export function seriesKey(habitId: string, scheduleSince: number): string {
  return `${habitId}|${scheduleSince}`;
}

/**
 * A transactionId per series (and per repair): Graph uses it to turn a retried POST into the original event.
 * Deterministic, so a retry after a crash sends the same one.
 */
export function transactionId(habitId: string, scheduleSince: number, repairs: number): string {
  return `cueboard-${fnv1a(habitId)}-${scheduleSince.toString(36)}-${repairs}`;
}

/** The wanted state of a habit's series, without the write-once fields (transactionId, extended property). */
export function outlookEventBody(habit: Habit): Event {
  const first = firstCue(habit);
  const start = Temporal.PlainDate.from(first.localDate).toPlainDateTime(Temporal.PlainTime.from(habit.schedule.startTime));
  const end = start.add({ minutes: habit.schedule.durationMinutes });
  const zone = habit.schedule.timeZone;
  const fmt = (t: Temporal.PlainDateTime) => t.toString({ smallestUnit: 'second' });
  return {
    subject: habit.name,
    body: {
      contentType: 'text',
      content: [`Two-minute start: ${habit.start.firstStep}`, habit.start.link, '', 'A Cueboard cue: check it off from the notification or the popup.']
        .filter((l) => l !== undefined)
        .join('\n'),
    },
    start: { dateTime: fmt(start), timeZone: zone },
    end: { dateTime: fmt(end), timeZone: zone },
    recurrence: scheduleToRecurrence(habit.schedule, first.localDate),
    isReminderOn: true,
    reminderMinutesBeforeStart: 0,
    showAs: 'free',
  };
}

/** The POST body: the wanted state plus the fields Graph only takes at creation. */
export function outlookCreateBody(habit: Habit, repairs: number): Event {
  return {
    ...outlookEventBody(habit),
    transactionId: transactionId(habit.id, habit.scheduleSince, repairs),
    singleValueExtendedProperties: [{ id: SERIES_PROPERTY_ID, value: seriesKey(habit.id, habit.scheduleSince) }],
  };
}

export function outlookBodyHash(body: Event): string {
  return fnv1a(stableJson(body));
}
