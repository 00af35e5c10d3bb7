import type { calendar_v3 } from '@googleapis/calendar';
import { firstCue } from '@/src/core/first-cue';
import type { Habit } from '@/src/core/habit';
import { fnv1a, stableJson } from '@/src/core/hash';
import { scheduleToRrule } from './rrule';

/** The private extended property that marks an event as Cueboard's; the poll filters on it. */
export const APP_PROPERTY = { key: 'app', value: 'cueboard' } as const;

const BASE32HEX = '0123456789abcdefghijklmnopqrstuv';

/** Base32hex (RFC 4648 §7, lowercase, no padding) of a string's UTF-8 bytes: always a valid Google event id part. */
export function base32hex(text: string): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of new TextEncoder().encode(text)) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32HEX[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32HEX[(value << (5 - bits)) & 31];
  return out;
}

/**
 * The event id of a habit's series: derived from the habit and the moment its schedule took effect, so a retry,
 * a crash or a second device always names the same event and Google's 409 "duplicate" turns into an update.
 * 'v' (a base32hex letter) separates the parts; the instant is written in base 32, which is base32hex too.
 */
export function googleEventId(habitId: string, scheduleSince: number): string {
  return `cb${base32hex(habitId)}v${scheduleSince.toString(32)}`;
}

/** The wall time of the first cue plus the block's duration, as Google's local "dateTime" strings. */
function startEnd(habit: Habit): { start: string; end: string } {
  const first = firstCue(habit);
  const start = Temporal.PlainDate.from(first.localDate).toPlainDateTime(Temporal.PlainTime.from(habit.schedule.startTime));
  const end = start.add({ minutes: habit.schedule.durationMinutes });
  const fmt = (t: Temporal.PlainDateTime) => t.toString({ smallestUnit: 'second' });
  return { start: fmt(start), end: fmt(end) };
}

/** What the event says about the two-minute start, in plain text (Google renders it as is). */
function description(habit: Habit): string {
  return [`Two-minute start: ${habit.start.firstStep}`, habit.start.link, '', 'A Cueboard cue: check it off from the notification or the popup.']
    .filter((line) => line !== undefined)
    .join('\n');
}

/**
 * The full wanted state of a habit's series. `untilMs` ends it (schedule change or archive). Always "confirmed",
 * so writing it also restores a series the person deleted (Google keeps deleted ids as cancelled events).
 */
export function googleEventBody(habit: Habit, untilMs?: number): calendar_v3.Schema$Event {
  const { start, end } = startEnd(habit);
  const zone = habit.schedule.timeZone;
  return {
    id: googleEventId(habit.id, habit.scheduleSince),
    status: 'confirmed',
    summary: habit.name,
    description: description(habit),
    start: { dateTime: start, timeZone: zone },
    end: { dateTime: end, timeZone: zone },
    recurrence: [scheduleToRrule(habit.schedule, untilMs)],
    reminders: { useDefault: false, overrides: [{ method: 'popup', minutes: 0 }] },
    transparency: 'transparent',
    extendedProperties: { private: { [APP_PROPERTY.key]: APP_PROPERTY.value, habitId: habit.id } },
  };
}

/** A fingerprint of a body, stored with the series so an unchanged habit costs no request. */
export function bodyHash(body: calendar_v3.Schema$Event): string {
  return fnv1a(stableJson(body));
}
