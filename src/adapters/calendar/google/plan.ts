import type { calendar_v3 } from '@googleapis/calendar';
import type { SeriesRecord } from '@/src/core/calendar-sync';
import type { Habit } from '@/src/core/habit';
import { bodyHash, googleEventBody, googleEventId } from './event-body';
import { parseRrule, scheduleToRrule } from './rrule';

/** One write that brings Google Calendar closer to the habit's wanted state. Each is safe to repeat. */
export type GoogleOp =
  | { kind: 'upsert'; eventId: string; body: calendar_v3.Schema$Event; hash: string; since: number }
  | { kind: 'end'; record: SeriesRecord; recurrence: string[]; until: number };

/**
 * The writes a habit needs, given the series this machine knows: end every other open series (schedule changed or
 * habit archived) and make the current one match. A series the person deleted stays "missing" until repaired.
 */
export function planGoogleSync(habit: Habit, records: readonly SeriesRecord[]): GoogleOp[] {
  const wantedId = habit.archived ? undefined : googleEventId(habit.id, habit.scheduleSince);
  const until = habit.archived ? (habit.archivedAt ?? habit.scheduleSince) : habit.scheduleSince - 1000;
  const ops: GoogleOp[] = records
    // A series Cueboard removed is gone already: nothing to end.
    .filter((r) => r.eventId !== wantedId && r.state !== 'ended' && r.state !== 'removed')
    .map((record) => ({ kind: 'end', record, until, recurrence: record.recurrence.map((line) => endRule(line, until)) }));
  if (wantedId) {
    const current = records.find((r) => r.eventId === wantedId);
    const body = googleEventBody(habit);
    const hash = bodyHash(body);
    if (current?.state !== 'missing' && (current?.state !== 'active' || current.bodyHash !== hash)) {
      ops.push({ kind: 'upsert', eventId: wantedId, body, hash, since: habit.scheduleSince });
    }
  }
  return ops;
}

/** The same rule with an UNTIL; a rule we cannot read is left as it was. */
function endRule(line: string, until: number): string {
  const parsed = parseRrule(line);
  return parsed ? scheduleToRrule(parsed, until) : line;
}
