import { firstCue } from '../first-cue';
import type { Habit } from '../habit';
import type { Schedule } from '../schedule';
import { basicDateTime, contentLines, escapeText, paramValue, utcDateTime } from './ical-text';
import { vtimezoneLines } from './vtimezone';

const BYDAY = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/**
 * Years of zone data written after the later of the export's year and the last series start. Ten is also as far as
 * the Temporal polyfill looks for offset changes; a zone's yearly rule goes on past it as an RRULE (vtimezone.ts).
 */
const YEARS_AHEAD = 10;

/**
 * The series' RRULE, by the rules Google's adapter writes (src/adapters/calendar/google/rrule.ts; core does not import
 * adapters): daily when every day is chosen, else weekly on the chosen days; every two weeks is INTERVAL=2 counted
 * from DTSTART's week, the first cue's, as expandSchedule anchors it. WKST=MO is spelled out for it because the week
 * count depends on where weeks start and Cueboard counts ISO weeks.
 */
export function seriesRrule(schedule: Pick<Schedule, 'days' | 'everyWeeks'>): string {
  const days = [...new Set(schedule.days)].sort((a, b) => a - b);
  if (days.length === 7 && schedule.everyWeeks !== 2) return 'RRULE:FREQ=DAILY';
  return `RRULE:FREQ=WEEKLY;${schedule.everyWeeks === 2 ? 'INTERVAL=2;WKST=MO;' : ''}BYDAY=${days.map((d) => BYDAY[d - 1]).join(',')}`;
}

/** "PT1H30M": an exact duration, so a block across a clock change still lasts its minutes. */
function duration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return `PT${hours ? `${hours}H` : ''}${rest || !hours ? `${rest}M` : ''}`;
}

interface Series {
  habit: Habit;
  /** Local wall time of the first cue: DTSTART, read in the schedule's zone. */
  start: Temporal.PlainDateTime;
}

function vevent({ habit, start }: Series, stamp: string): string[] {
  const { schedule } = habit;
  const description = [`Two-minute start: ${habit.start.firstStep}`, ...(habit.start.link ? [habit.start.link] : [])].join('\n');
  return [
    'BEGIN:VEVENT',
    // Stable across exports: the same series as Cueboard's calendar sync (a schedule change starts a new one).
    `UID:${escapeText(`${habit.id}-${habit.scheduleSince}@cueboard`)}`,
    `DTSTAMP:${stamp}`,
    `DTSTART;TZID=${paramValue(schedule.timeZone)}:${basicDateTime(start)}`,
    `DURATION:${duration(schedule.durationMinutes)}`,
    seriesRrule(schedule),
    `SUMMARY:${escapeText(habit.name)}`,
    `DESCRIPTION:${escapeText(description)}`,
    // A cue, not a meeting: it leaves the time free, as the synced Google series does.
    'TRANSP:TRANSPARENT',
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    'TRIGGER:PT0S',
    `DESCRIPTION:${escapeText(habit.name)}`,
    'END:VALARM',
    'END:VEVENT',
  ];
}

/**
 * The cues as an iCalendar document: one recurring VEVENT per active habit (its current schedule, from its first cue;
 * a flexible habit's series sits at its ideal time, as in the synced calendars), and one VTIMEZONE per zone used,
 * built from the zone's real offset changes. `now` is the DTSTAMP and where the zone data's ten years count from.
 * Only schedule, name, first step and link leave: no people, rewards, outcomes or anything else stored.
 */
export function cuesIcs(habits: readonly Habit[], now: number): string {
  const series: Series[] = habits
    .filter((h) => !h.archived && h.schedule.days.length > 0)
    .map((habit) => ({
      habit,
      start: Temporal.PlainDate.from(firstCue(habit).localDate).toPlainDateTime(Temporal.PlainTime.from(habit.schedule.startTime)),
    }));
  const years = new Map<string, { from: number; to: number }>();
  for (const { habit, start } of series) {
    const zone = habit.schedule.timeZone;
    const nowYear = Temporal.Instant.fromEpochMilliseconds(now).toZonedDateTimeISO(zone).year;
    const span = years.get(zone) ?? { from: start.year, to: nowYear + YEARS_AHEAD };
    years.set(zone, { from: Math.min(span.from, start.year), to: Math.max(span.to, start.year + YEARS_AHEAD) });
  }
  const stamp = utcDateTime(now);
  return contentLines([
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Cueboard//Cueboard cues//EN',
    'CALSCALE:GREGORIAN',
    ...[...years.keys()].sort().flatMap((zone) => {
      const span = years.get(zone) as { from: number; to: number };
      return vtimezoneLines(zone, span.from, span.to);
    }),
    ...series.flatMap((s) => vevent(s, stamp)),
    'END:VCALENDAR',
  ]);
}
