// Partial responses (`fields=`) for the fake Google Calendar, after Google's performance guide
// (https://developers.google.com/workspace/calendar/api/guides/performance, "Partial response"):
//   - a comma-separated list selects several fields: `a,b`;
//   - `a/b` selects b inside a; `a(b,c)` selects b and c inside a (for an array, inside each element);
//   - `*` selects every field at its level;
//   - only the selected fields "and their enclosing parent objects" come back; a selected field the resource does
//     not carry (e.g. `recurringEventId` on a single event) is simply absent;
//   - an invalid selection is refused with 400 ("Invalid field selection …") before the request is carried out.
// The fake checks names against the Events / Event schema of @googleapis/calendar (build/v3.d.ts: Schema$Events,
// Schema$Event, Schema$EventDateTime, Schema$EventAttendee, …) where it knows them; below objects it does not
// model in detail (conferenceData, gadget, extendedProperties.private, …) any name is accepted.

/** A parsed selection: each selected name maps to `true` (the whole value) or to a sub-selection. */
export type Selection = Map<string, Selection | true>;

/** What lies below a field: a plain value, an object the fake does not model (any name accepted), or known fields. */
type Node = 'leaf' | 'open' | Fields;
interface Fields {
  readonly [name: string]: Node;
}

const DATE_TIME: Fields = { date: 'leaf', dateTime: 'leaf', timeZone: 'leaf' };
const PERSON: Fields = { id: 'leaf', email: 'leaf', displayName: 'leaf', self: 'leaf' };
const ATTENDEE: Fields = {
  additionalGuests: 'leaf',
  asyncOperation: 'leaf',
  comment: 'leaf',
  displayName: 'leaf',
  email: 'leaf',
  id: 'leaf',
  optional: 'leaf',
  organizer: 'leaf',
  resource: 'leaf',
  responseStatus: 'leaf',
  self: 'leaf',
};
const REMINDER: Fields = { method: 'leaf', minutes: 'leaf' };

export const EVENT_FIELDS: Fields = {
  anyoneCanAddSelf: 'leaf',
  attachments: 'open',
  attendees: ATTENDEE,
  attendeesOmitted: 'leaf',
  birthdayProperties: 'open',
  colorId: 'leaf',
  conferenceData: 'open',
  created: 'leaf',
  creator: PERSON,
  description: 'leaf',
  end: DATE_TIME,
  endTimeUnspecified: 'leaf',
  etag: 'leaf',
  eventLabelId: 'leaf',
  eventType: 'leaf',
  extendedProperties: { private: 'open', shared: 'open' },
  focusTimeProperties: 'open',
  gadget: 'open',
  guestsCanInviteOthers: 'leaf',
  guestsCanModify: 'leaf',
  guestsCanSeeOtherGuests: 'leaf',
  hangoutLink: 'leaf',
  htmlLink: 'leaf',
  iCalUID: 'leaf',
  id: 'leaf',
  kind: 'leaf',
  location: 'leaf',
  locked: 'leaf',
  organizer: PERSON,
  originalStartTime: DATE_TIME,
  outOfOfficeProperties: 'open',
  privateCopy: 'leaf',
  recurrence: 'leaf',
  recurringEventId: 'leaf',
  reminders: { overrides: REMINDER, useDefault: 'leaf' },
  sequence: 'leaf',
  source: { title: 'leaf', url: 'leaf' },
  start: DATE_TIME,
  status: 'leaf',
  summary: 'leaf',
  transparency: 'leaf',
  updated: 'leaf',
  visibility: 'leaf',
  workingLocationProperties: 'open',
};

export const EVENTS_FIELDS: Fields = {
  accessRole: 'leaf',
  defaultReminders: REMINDER,
  description: 'leaf',
  etag: 'leaf',
  items: EVENT_FIELDS,
  kind: 'leaf',
  nextPageToken: 'leaf',
  nextSyncToken: 'leaf',
  summary: 'leaf',
  timeZone: 'leaf',
  updated: 'leaf',
};

/** Thrown for a selection Google would refuse; the message is Google's "Invalid field selection …". */
export class FieldSelectionError extends Error {}

/** Parse `fields` and check it against a schema; throws FieldSelectionError when Google would answer 400. */
export function parseFields(text: string, schema: Fields): Selection {
  let pos = 0;
  const fail = (what: string): never => {
    throw new FieldSelectionError(`Invalid field selection ${what}`);
  };
  const name = (): string => {
    const m = /^(\*|[A-Za-z_][A-Za-z0-9_]*)/.exec(text.slice(pos));
    if (!m) fail(text.slice(pos) || text);
    pos += m![0].length;
    return m![0];
  };
  // list := item (',' item)* ; item := name ('/' name)* ('(' list ')')?
  const list = (into: Selection, at: Node, depth: number): void => {
    for (;;) {
      while (text[pos] === ' ') pos++;
      const path = [name()];
      while (text[pos] === '/') {
        pos++;
        path.push(name());
      }
      let sub: Selection | true = true;
      if (text[pos] === '(') {
        pos++;
        sub = new Map();
        let below: Node = at;
        for (const part of path) below = childSchema(below, part, fail);
        list(sub, below, depth + 1);
        if (text[pos] !== ')') fail(text);
        pos++;
      } else {
        let check: Node = at;
        for (const part of path) check = childSchema(check, part, fail);
      }
      insert(into, path, sub);
      while (text[pos] === ' ') pos++;
      if (text[pos] === ',') {
        pos++;
        continue;
      }
      if (depth > 0 && text[pos] === ')') return;
      if (depth === 0 && pos === text.length) return;
      fail(text);
    }
  };
  const root: Selection = new Map();
  if (text.trim() === '') fail('(empty)');
  list(root, schema, 0);
  return root;
}

/** The node below `part`; a name the schema does not know is refused, and so is a sub-field of a plain value. */
function childSchema(at: Node, part: string, fail: (what: string) => never): Node {
  if (at === 'open' || part === '*') return 'open';
  if (at === 'leaf' || !Object.hasOwn(at, part)) return fail(part);
  return at[part]!;
}

function insert(into: Selection, path: string[], leaf: Selection | true): void {
  const [head, ...rest] = path;
  if (rest.length === 0) {
    const had = into.get(head!);
    // `a,a(b)`: the whole of a wins.
    if (had === true || leaf === true) into.set(head!, true);
    else into.set(head!, had ? mergeSelections(had, leaf) : leaf);
    return;
  }
  let next = into.get(head!);
  if (next === true) return;
  if (!next) into.set(head!, (next = new Map()));
  insert(next, rest, leaf);
}

function mergeSelections(a: Selection, b: Selection): Selection {
  const out: Selection = new Map(a);
  for (const [k, v] of b) {
    const had = out.get(k);
    out.set(k, had === true || v === true ? true : had ? mergeSelections(had, v) : v);
  }
  return out;
}

/** Keep only the selected parts of a JSON value (arrays: of each element). */
export function applyFields(value: unknown, selection: Selection): unknown {
  if (Array.isArray(value)) return value.map((v) => applyFields(v, selection));
  if (value === null || typeof value !== 'object') return value;
  const all = selection.get('*');
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    const sub = selection.get(key) ?? all;
    if (sub === undefined) continue;
    out[key] = sub === true ? v : applyFields(v, sub);
  }
  return out;
}
