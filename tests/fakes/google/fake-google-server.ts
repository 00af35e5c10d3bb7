// A fake Google Calendar v3 + OAuth server on 127.0.0.1 for tests, following ../shared/reference/
// calendar-api-contract.md §1 and §5: validation and error shapes, singleEvents expansion in the event's zone,
// instance exceptions, tombstones, privateExtendedProperty, pagination, and injectable faults.
// For auto-scheduling (issue 12) it also holds other people's events (busy, transparent, declined, cancelled,
// all-day), answers partial responses (`fields`, see ./fields.ts), moves single instances by PATCH on their
// instance id with If-Match on per-instance etags, and records every instance patch (Cueboard's and the person's).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Temporal } from 'temporal-polyfill';
import { LoopbackServer, readText } from '../loopback-server';
import { expand, instantOf, parseRule, rfc3339In, utcBasic, type Rule } from './expand';
import { applyFields, EVENT_FIELDS, EVENTS_FIELDS, FieldSelectionError, parseFields, type Selection } from './fields';

type Json = Record<string, any>;

/** What a test can make the next matching request suffer. */
export type Fault =
  | '401' // token refused
  | '403-rate' // 403 userRateLimitExceeded
  | '429' // 429 rateLimitExceeded with Retry-After
  | '500' // backendError
  | '502' // backendError (contract §1.9: "500 backendError (also 502/503/504)")
  | '503'
  | '504'
  | '404' // notFound (contract §1.9: replication lag can make a fresh id 404)
  | '409' // POST: duplicate (§1.2); other methods: conflict (reason per §1.9 "409 duplicate / conflict"; message UNVERIFIED)
  | '412' // conditionNotMet, as an If-Match mismatch answers (§1.3) — without the etag having changed
  | 'network' // connection dropped before the server acted
  | 'drop' // the server acted (committed), then dropped the connection: the client never hears back
  | 'timeout'; // the server never answers

interface Stored {
  event: Json;
  /** Exceptions by original start (epoch ms): moved or cancelled instances. */
  exceptions: Map<number, Json>;
}

/** Another person's timed event on the user's calendar (a meeting they were invited to, or one they made). */
export interface MeetingInput {
  /** base32hex, 5–1024 chars; made up when absent. */
  id?: string;
  summary?: string;
  /** Epoch ms, or RFC 3339 with an offset. */
  start: number | string;
  end: number | string;
  /** The event's zone (IANA); times come back as offsets in it. Default: the calendar's zone. Required with recurrence. */
  timeZone?: string;
  /** Google omits `transparency` when it is the default `opaque` (busy) [G-upd]; only `transparent` is stored. */
  transparency?: 'opaque' | 'transparent';
  /** `cancelled`: listed only with showDeleted (contract §1.4). */
  status?: 'confirmed' | 'tentative' | 'cancelled';
  /** The user's own answer: adds `attendees` with the organizer and `{ self: true, responseStatus }` [G-ev attendees[]]. */
  response?: 'needsAction' | 'declined' | 'tentative' | 'accepted';
  /** RRULE lines, as for Cueboard's own series (needs timeZone). */
  recurrence?: string[];
  /** The organizer's email; default colleague@example.com. */
  organizer?: string;
}

/** An all-day event: `start.date`/`end.date`, the end date exclusive [G-upd start/end]. */
export interface AllDayInput {
  id?: string;
  summary: string;
  /** "2026-03-05". */
  date: string;
  /** Exclusive; default the day after `date`. */
  endDate?: string;
  transparency?: 'opaque' | 'transparent';
  status?: 'confirmed' | 'tentative' | 'cancelled';
}

/** One applied change to a single instance of a series, by Cueboard over HTTP or by the person in Google Calendar. */
export interface InstancePatch {
  by: 'client' | 'user';
  seriesId: string;
  instanceId: string;
  /** Original start of the instance (epoch ms): its key in the series. */
  originalStart: number;
  /** What was sent (for the person's moves: the start/end they set). */
  body: Json;
  /** The instance after the change: start/end as Google lists them, and its new etag. */
  start: string;
  end: string;
  etag: string;
  status: string;
}

const PREFIX = '/calendar/v3';

/** A refusal with Google's own status and body, thrown from deep inside a route. */
class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly payload: Json,
  ) {
    super(payload.error?.message);
  }
}

function gError(code: number, reason: string, message: string, extra: Json = {}): Json {
  return { error: { errors: [{ domain: code === 403 || code === 429 ? 'usageLimits' : 'global', reason, message, ...extra }], code, message } };
}

export class FakeGoogle extends LoopbackServer {
  readonly events = new Map<string, Stored>();
  readonly tokens = new Set<string>();
  /** Every API request seen (after faults), for counting. */
  readonly log: { method: string; path: string; query: URLSearchParams }[] = [];
  /** Decides a fault for each API request; the default is none. */
  faultPolicy: (method: string, path: string) => Fault | undefined = () => undefined;
  /** Force short pages on events.list, as Google may. */
  pageSize?: number;
  /** Seconds in Retry-After on injected 429s. */
  retryAfterSeconds = 1;
  /** When true, silent (prompt=none) authorization fails with interaction_required. */
  silentAuthFails = false;
  /** The calendar's own zone: all-day events span midnight to midnight in it, and lists report it. */
  calendarTimeZone = 'UTC';
  /** The signed-in person, as `self` among attendees. */
  readonly selfEmail = 'me@example.com';
  /** Every applied instance change, oldest first: Cueboard's PATCH/PUT/DELETE on instance ids and the person's moves. */
  readonly instancePatches: InstancePatch[] = [];
  private tokenCounter = 0;
  private etagCounter = 0;
  private idCounter = 0;

  constructor() {
    super('Authorization, Content-Type, If-Match');
  }

  get apiBase(): string {
    return `${this.url}${PREFIX}`;
  }

  get authUrl(): string {
    return `${this.url}/o/oauth2/v2/auth`;
  }

  /** Mint an access token the fake accepts. */
  issueToken(): string {
    const token = `ya29.fake-${++this.tokenCounter}`;
    this.tokens.add(token);
    return token;
  }

  /** Masters (recurring series) carrying this private property value for habitId, cancelled ones included. */
  seriesFor(habitId: string): Json[] {
    return [...this.events.values()].map((s) => s.event).filter((e) => e.extendedProperties?.private?.habitId === habitId && e.recurrence);
  }

  /** Move one instance, as the person would by dragging it in Google Calendar (same as userMovesInstance). */
  moveInstance(masterId: string, originalStartMs: number, newStartMs: number): void {
    this.userMovesInstance(masterId, originalStartMs, newStartMs);
  }

  /**
   * The person moves one instance by hand in Google Calendar: it becomes an exception with the new times, keeps its
   * id and originalStartTime, and gets a new etag (so a PATCH with the old If-Match now answers 412). The length is
   * kept unless `newEndMs` is given. Recorded in `instancePatches` with `by: 'user'`.
   */
  userMovesInstance(seriesId: string, originalStartMs: number, newStartMs: number, newEndMs?: number): Json {
    const master = this.events.get(seriesId);
    if (!master || !this.occurs(master, originalStartMs)) throw new Error(`No instance of ${seriesId} at ${new Date(originalStartMs).toISOString()}`);
    const before = this.instanceView(master, originalStartMs);
    const zone = before.start.timeZone ?? master.event.start.timeZone;
    const end = newEndMs ?? newStartMs + (instantOf(before.end.dateTime) - instantOf(before.start.dateTime));
    const body = { start: { dateTime: rfc3339In(newStartMs, zone), timeZone: zone }, end: { dateTime: rfc3339In(end, zone), timeZone: zone } };
    return this.applyInstancePatch(master, originalStartMs, body, 'user');
  }

  /** The id Google gives an instance of a timed series: `<seriesId>_<original start, UTC basic>` (contract §1.3). */
  instanceId(seriesId: string, originalStartMs: number): string {
    return `${seriesId}_${utcBasic(originalStartMs)}`;
  }

  /** One instance as events.get on its instance id would return it (exceptions applied), or undefined. */
  instance(seriesId: string, originalStartMs: number): Json | undefined {
    const master = this.events.get(seriesId);
    return master && this.occurs(master, originalStartMs) ? this.instanceView(master, originalStartMs) : undefined;
  }

  /**
   * Add another person's timed event (or a recurring one) to the calendar; returns its id. Shapes follow the
   * Event resource [G-ev]: an organizer, the user's answer in `attendees` (self: true), `transparency` only when
   * transparent, `status` cancelled for a cancelled meeting.
   */
  addMeeting(input: MeetingInput): string {
    const id = input.id ?? this.newId();
    if (this.events.has(id)) throw new Error(`Event ${id} exists`);
    const zone = input.timeZone ?? this.calendarTimeZone;
    const organizer = input.organizer ?? 'colleague@example.com';
    const event: Json = {
      kind: 'calendar#event',
      id,
      status: input.status ?? 'confirmed',
      summary: input.summary ?? 'Meeting',
      creator: { email: organizer },
      organizer: { email: organizer },
      start: { dateTime: rfc3339In(toMs(input.start), zone), timeZone: zone },
      end: { dateTime: rfc3339In(toMs(input.end), zone), timeZone: zone },
      ...(input.recurrence ? { recurrence: [...input.recurrence] } : {}),
      ...(input.transparency === 'transparent' ? { transparency: 'transparent' } : {}),
      ...(input.response
        ? {
            attendees: [
              { email: organizer, organizer: true, responseStatus: 'accepted' },
              { email: this.selfEmail, self: true, responseStatus: input.response },
            ],
          }
        : {}),
      iCalUID: `${id}@google.com`,
      created: new Date().toISOString(),
      sequence: 0,
      eventType: 'default',
    };
    this.validate(event);
    if (toMs(input.end) < toMs(input.start)) throw new Error('The specified time range is empty.');
    this.touch(event);
    this.events.set(id, { event, exceptions: new Map() });
    return id;
  }

  /** Add an all-day event (`start.date`/`end.date`, end exclusive) with a title; returns its id. */
  addAllDay(input: AllDayInput): string {
    const id = input.id ?? this.newId();
    if (this.events.has(id)) throw new Error(`Event ${id} exists`);
    const start = Temporal.PlainDate.from(input.date);
    const end = input.endDate ? Temporal.PlainDate.from(input.endDate) : start.add({ days: 1 });
    if (Temporal.PlainDate.compare(end, start) <= 0) throw new Error('The specified time range is empty.');
    const event: Json = {
      kind: 'calendar#event',
      id,
      status: input.status ?? 'confirmed',
      summary: input.summary,
      creator: { email: this.selfEmail, self: true },
      organizer: { email: this.selfEmail, self: true },
      start: { date: start.toString() },
      end: { date: end.toString() },
      ...(input.transparency === 'transparent' ? { transparency: 'transparent' } : {}),
      iCalUID: `${id}@google.com`,
      created: new Date().toISOString(),
      sequence: 0,
      eventType: 'default',
    };
    this.touch(event);
    this.events.set(id, { event, exceptions: new Map() });
    return id;
  }

  /**
   * The organizer moves a single event between polls: new start, and end (default: same length). For an all-day
   * event pass dates ("2026-03-06"). An instance id moves that instance as the person would (userMovesInstance).
   */
  moveEvent(id: string, start: number | string, end?: number | string): Json {
    const stored = this.events.get(id);
    if (!stored) {
      const ref = this.instanceRef(id);
      if (!ref) throw new Error(`No event ${id}`);
      return this.userMovesInstance(ref.master.event.id, ref.original, toMs(start), end === undefined ? undefined : toMs(end));
    }
    const e = stored.event;
    if (e.recurrence) throw new Error('moveEvent moves single events; patch the series or move an instance');
    if (e.start.date) {
      const from = Temporal.PlainDate.from(String(start));
      const days = Temporal.PlainDate.from(e.end.date).since(Temporal.PlainDate.from(e.start.date)).days;
      e.start = { date: from.toString() };
      e.end = { date: end === undefined ? from.add({ days }).toString() : Temporal.PlainDate.from(String(end)).toString() };
    } else {
      const zone = e.start.timeZone ?? this.calendarTimeZone;
      const length = instantOf(e.end.dateTime, e.end.timeZone ?? zone) - instantOf(e.start.dateTime, zone);
      const startMs = toMs(start);
      e.start = { dateTime: rfc3339In(startMs, zone), timeZone: zone };
      e.end = { dateTime: rfc3339In(end === undefined ? startMs + length : toMs(end), zone), timeZone: zone };
    }
    e.sequence = (e.sequence ?? 0) + 1;
    this.touch(e);
    return e;
  }

  /** The organizer cancels or deletes an event: Google keeps it as `status: "cancelled"` (contract §1.3/§1.4). */
  removeEvent(id: string): void {
    const stored = this.events.get(id);
    if (!stored) throw new Error(`No event ${id}`);
    stored.event.status = 'cancelled';
    this.touch(stored.event);
  }

  /** Delete a whole series as the person would in Google Calendar (it becomes a cancelled tombstone). */
  deleteSeries(id: string): void {
    const stored = this.events.get(id)!;
    stored.event.status = 'cancelled';
    this.touch(stored.event);
  }

  private touch(event: Json): void {
    event.etag = this.nextEtag();
    event.updated = new Date().toISOString();
  }

  private nextEtag(): string {
    return `"${3_180_000_000_000_000 + ++this.etagCounter}"`;
  }

  private newId(): string {
    return `ev${Date.now().toString(32)}${(++this.idCounter).toString(32).padStart(4, '0')}`;
  }

  // ---------------------------------------------------------------------------------------------- HTTP

  protected async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const body = await readBody(req);

    if (url.pathname === '/o/oauth2/v2/auth') return this.authorize(url, res);
    if (url.pathname === '/revoke' && req.method === 'POST') {
      this.tokens.delete(url.searchParams.get('token') ?? '');
      return void res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    }
    if (!url.pathname.startsWith(PREFIX)) return this.send(res, 404, gError(404, 'notFound', 'Not Found'));

    const method = req.method ?? 'GET';
    const path = url.pathname.slice(PREFIX.length);
    const fault = this.faultPolicy(method, path);
    if (fault === 'network') return void req.socket.destroy();
    if (fault === 'timeout') return this.hold(res);
    if (fault === '401') return this.send(res, 401, unauthorized());
    if (fault === '403-rate') return this.send(res, 403, gError(403, 'userRateLimitExceeded', 'User Rate Limit Exceeded'));
    if (fault === '429') {
      res.setHeader('Retry-After', String(this.retryAfterSeconds));
      return this.send(res, 429, gError(429, 'rateLimitExceeded', 'Rate Limit Exceeded'));
    }
    if (fault === '500' || fault === '502' || fault === '503' || fault === '504')
      return this.send(res, Number(fault), gError(Number(fault), 'backendError', 'Backend Error'));
    if (fault === '404') return this.send(res, 404, gError(404, 'notFound', 'Not Found'));
    if (fault === '409') {
      return this.send(
        res,
        409,
        method === 'POST' ? gError(409, 'duplicate', 'The requested identifier already exists.') : gError(409, 'conflict', 'Conflict'),
      );
    }
    if (fault === '412') return this.send(res, 412, preconditionFailed());

    const auth = req.headers.authorization ?? '';
    if (!auth.startsWith('Bearer ') || !this.tokens.has(auth.slice(7))) return this.send(res, 401, unauthorized());

    this.log.push({ method, path, query: url.searchParams });
    let status: number;
    let payload: Json | undefined;
    // A bad `fields` is refused before anything is done (performance guide: 400 "Invalid field selection …").
    let selection: Selection | undefined;
    const fields = url.searchParams.get('fields');
    try {
      if (fields) selection = parseFields(fields, /^\/calendars\/[^/]+\/events$/.test(path) && method === 'GET' ? EVENTS_FIELDS : EVENT_FIELDS);
    } catch (error) {
      if (!(error instanceof FieldSelectionError)) throw error;
      return this.send(res, 400, gError(400, 'invalidParameter', error.message, { locationType: 'parameter', location: 'fields' }));
    }
    try {
      [status, payload] = this.route(method, path, url.searchParams, body, req.headers['if-match']);
    } catch (error) {
      [status, payload] = error instanceof Refusal ? [error.status, error.payload] : [400, gError(400, 'invalid', (error as Error).message)];
    }
    if (selection && payload && status < 300) payload = applyFields(payload, selection) as Json;
    // The change is committed; on 'drop' the client never learns it.
    if (fault === 'drop') return void req.socket.destroy();
    this.send(res, status, payload);
  }

  private send(res: ServerResponse, status: number, payload?: Json): void {
    if (payload === undefined) return void res.writeHead(status).end();
    res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8' }).end(JSON.stringify(payload));
  }

  private authorize(url: URL, res: ServerResponse): void {
    const redirect = url.searchParams.get('redirect_uri') ?? '';
    const state = url.searchParams.get('state') ?? '';
    const silent = url.searchParams.get('prompt') === 'none';
    const fragment =
      silent && this.silentAuthFails
        ? new URLSearchParams({ error: 'interaction_required', state })
        : new URLSearchParams({
            access_token: this.issueToken(),
            token_type: 'Bearer',
            expires_in: '3599',
            scope: url.searchParams.get('scope') ?? '',
            state,
          });
    res.writeHead(302, { Location: `${redirect}#${fragment}` }).end();
  }

  // ---------------------------------------------------------------------------------------------- routes

  private route(method: string, path: string, query: URLSearchParams, body: Json | undefined, ifMatch?: string): [number, Json | undefined] {
    const list = /^\/calendars\/([^/]+)\/events$/.exec(path);
    if (list && method === 'POST') return this.insert(body ?? {});
    if (list && method === 'GET') return this.list(query);
    const one = /^\/calendars\/([^/]+)\/events\/([^/]+)$/.exec(path);
    if (!one) return [404, gError(404, 'notFound', 'Not Found')];
    const id = decodeURIComponent(one[2]!);
    if (method === 'GET') return this.get(id);
    if (method === 'PATCH' || method === 'PUT') return this.patch(id, body ?? {}, method === 'PUT', ifMatch);
    if (method === 'DELETE') return this.remove(id);
    return [405, gError(405, 'methodNotAllowed', 'Method Not Allowed')];
  }

  private validate(event: Json): void {
    if (event.id !== undefined && !/^[a-v0-9]{5,1024}$/.test(event.id)) throw new Error('Invalid resource id value.');
    if (!event.start || !event.end) throw new Error('Missing start or end time.');
    if (event.recurrence) {
      if (!event.start.timeZone) throw new Error('Missing time zone definition for start time.');
      for (const line of event.recurrence as string[]) {
        if (/^DTSTART|^DTEND/.test(line)) throw new Error('Invalid recurrence rule: DTSTART is not allowed.');
        parseRule(line);
      }
    }
    if ((event.reminders?.overrides?.length ?? 0) > 5) throw new Error('Cannot specify more than 5 override reminders.');
    if (event.start.date && !event.recurrence) return void Temporal.PlainDate.from(event.start.date);
    instantOf(event.start.dateTime, event.start.timeZone);
  }

  private insert(body: Json): [number, Json] {
    this.validate(body);
    const id = body.id ?? `e${Date.now().toString(32)}${Math.floor(Math.random() * 1e6).toString(32)}`;
    if (this.events.has(id)) return [409, gError(409, 'duplicate', 'The requested identifier already exists.')];
    const event: Json = {
      kind: 'calendar#event',
      status: 'confirmed',
      ...structuredClone(body),
      id,
      iCalUID: `${id}@google.com`,
      created: new Date().toISOString(),
      sequence: 0,
    };
    this.touch(event);
    this.events.set(id, { event, exceptions: new Map() });
    return [200, event];
  }

  /**
   * Split an instance id "<master>_<YYYYMMDDTHHMMSSZ>" into its master and original start; undefined unless the
   * series really has an instance there (a made-up instance id is 404 notFound, as for any unknown id).
   */
  private instanceRef(id: string): { master: Stored; original: number } | undefined {
    const m = /^(.+)_(\d{8}T\d{6}Z)$/.exec(id);
    const master = m ? this.events.get(m[1]!) : undefined;
    if (!m || !master) return undefined;
    const b = m[2]!;
    const original = Date.UTC(+b.slice(0, 4), +b.slice(4, 6) - 1, +b.slice(6, 8), +b.slice(9, 11), +b.slice(11, 13), +b.slice(13, 15));
    return this.occurs(master, original) ? { master, original } : undefined;
  }

  /** Whether a series has (or had: exceptions count) an instance with this original start. */
  private occurs(master: Stored, original: number): boolean {
    const e = master.event;
    if (!e.recurrence) return false;
    if (master.exceptions.has(original)) return true;
    return expand(e.start.dateTime, e.start.timeZone, (e.recurrence as string[]).map(parseRule), original + 1).includes(original);
  }

  private get(id: string): [number, Json] {
    const stored = this.events.get(id);
    if (stored) return [200, stored.event];
    const ref = this.instanceRef(id);
    if (ref) return [200, this.instanceView(ref.master, ref.original)];
    return [404, gError(404, 'notFound', 'Not Found')];
  }

  private patch(id: string, body: Json, replace: boolean, ifMatch?: string): [number, Json] {
    const stored = this.events.get(id);
    if (!stored) {
      // Instance PATCH/PUT: the instance becomes an exception of its series, same id and recurringEventId (§1.3).
      const ref = this.instanceRef(id);
      if (!ref) return [404, gError(404, 'notFound', 'Not Found')];
      if (ifMatch && ifMatch !== this.instanceView(ref.master, ref.original).etag) return [412, preconditionFailed()];
      return [200, this.applyInstancePatch(ref.master, ref.original, body, 'client')];
    }
    if (ifMatch && ifMatch !== stored.event.etag) return [412, preconditionFailed()];
    const next = replace ? { ...structuredClone(body), id } : merge(stored.event, body);
    this.validate(next);
    stored.event = {
      ...next,
      kind: 'calendar#event',
      iCalUID: stored.event.iCalUID,
      created: stored.event.created,
      sequence: (stored.event.sequence ?? 0) + 1,
    };
    this.touch(stored.event);
    return [200, stored.event];
  }

  private remove(id: string): [number, Json | undefined] {
    const stored = this.events.get(id);
    if (stored) {
      if (stored.event.status === 'cancelled') return [410, gError(410, 'deleted', 'Resource has been deleted')];
      stored.event.status = 'cancelled';
      this.touch(stored.event);
      return [204, undefined];
    }
    const ref = this.instanceRef(id);
    if (!ref) return [404, gError(404, 'notFound', 'Not Found')];
    if (ref.master.exceptions.get(ref.original)?.status === 'cancelled') return [410, gError(410, 'deleted', 'Resource has been deleted')];
    this.applyInstancePatch(ref.master, ref.original, { status: 'cancelled' }, 'client');
    return [204, undefined];
  }

  /**
   * Apply a change to one instance (patch semantics: nested objects merged, so `{start: {dateTime}}` keeps the
   * instance's timeZone). The exception gets its own etag; the series master and its other instances keep theirs.
   * An instance ending before it starts is refused with 400 timeRangeEmpty and changes nothing.
   */
  private applyInstancePatch(master: Stored, original: number, body: Json, by: InstancePatch['by']): Json {
    const previous = master.exceptions.get(original);
    const next = merge(previous ?? {}, body);
    master.exceptions.set(original, next);
    let view: Json;
    try {
      view = this.instanceView(master, original);
      // Google's answer to an event ending before it starts (reason and text as clients report them; UNVERIFIED in the reference docs).
      if (view.status !== 'cancelled' && instantOf(view.end.dateTime) < instantOf(view.start.dateTime))
        throw new Refusal(400, gError(400, 'timeRangeEmpty', 'The specified time range is empty.'));
    } catch (error) {
      if (previous) master.exceptions.set(original, previous);
      else master.exceptions.delete(original);
      throw error;
    }
    next.etag = this.nextEtag();
    next.updated = new Date().toISOString();
    view = this.instanceView(master, original);
    this.instancePatches.push({
      by,
      seriesId: master.event.id,
      instanceId: view.id,
      originalStart: original,
      body: structuredClone(body),
      start: view.start.dateTime,
      end: view.end.dateTime,
      etag: view.etag,
      status: view.status,
    });
    return view;
  }

  /**
   * One instance of a series as Google shows it: master fields, its own id, times in the master's zone; an
   * exception's changes merged over them, its times rendered as offsets in their zone (Google answers
   * `2025-03-07T16:00:00-05:00` + timeZone whatever form the PATCH used), its own etag if it has one.
   */
  private instanceView(master: Stored, original: number): Json {
    const e = master.event;
    const zone = e.start.timeZone;
    const exception = master.exceptions.get(original) ?? {};
    const durationMs = instantOf(e.end.dateTime, e.end.timeZone ?? zone) - instantOf(e.start.dateTime, zone);
    const { recurrence: _r, ...rest } = e;
    const view = merge(
      {
        ...rest,
        id: `${e.id}_${utcBasic(original)}`,
        recurringEventId: e.id,
        originalStartTime: { dateTime: rfc3339In(original, zone), timeZone: zone },
        start: { dateTime: rfc3339In(original, zone), timeZone: zone },
        end: { dateTime: rfc3339In(original + durationMs, zone), timeZone: zone },
      },
      exception,
    );
    for (const key of ['start', 'end'] as const) {
      const t = view[key];
      const tz = t.timeZone ?? zone;
      view[key] = { dateTime: rfc3339In(instantOf(t.dateTime, tz), tz), timeZone: tz };
    }
    view.status = exception.status ?? (e.status === 'cancelled' ? 'cancelled' : 'confirmed');
    return view;
  }

  /** An event's start or end (epoch ms): a `date` is midnight in the calendar's zone (all-day events). */
  private timeOf(t: Json, fallbackZone?: string): number {
    if (t.date) return Temporal.PlainDate.from(t.date).toZonedDateTime({ timeZone: this.calendarTimeZone }).epochMilliseconds;
    return instantOf(t.dateTime, t.timeZone ?? fallbackZone);
  }

  private list(query: URLSearchParams): [number, Json] {
    const single = query.get('singleEvents') === 'true';
    if (query.get('orderBy') === 'startTime' && !single) throw new Error('The requested ordering is not available for the particular query.');
    const syncToken = query.get('syncToken');
    if (syncToken) {
      for (const forbidden of ['iCalUID', 'orderBy', 'privateExtendedProperty', 'q', 'sharedExtendedProperty', 'timeMin', 'timeMax', 'updatedMin']) {
        if (query.has(forbidden)) throw new Error(`Sync token cannot be combined with ${forbidden}.`);
      }
      return [
        410,
        gError(410, 'fullSyncRequired', 'Sync token is no longer valid, a full sync is required.', { locationType: 'parameter', location: 'syncToken' }),
      ];
    }
    const offset = /(Z|[+-]\d\d:\d\d)$/;
    const timeMinText = query.get('timeMin');
    const timeMaxText = query.get('timeMax');
    for (const [name, value] of [
      ['timeMin', timeMinText],
      ['timeMax', timeMaxText],
    ] as const) {
      if (value !== null && !offset.test(value)) throw new Error(`Bad Request: ${name} needs an offset.`);
    }
    const timeMin = timeMinText ? instantOf(timeMinText) : -Infinity;
    const timeMax = timeMaxText ? instantOf(timeMaxText) : Infinity;
    if (timeMax <= timeMin)
      return [400, gError(400, 'timeRangeEmpty', 'The specified time range is empty.', { locationType: 'parameter', location: 'timeMax' })];
    const showDeleted = query.get('showDeleted') === 'true';
    const props = query.getAll('privateExtendedProperty').map((p) => p.split('=') as [string, string]);

    const matching = [...this.events.values()].filter(
      ({ event }) => props.length === 0 || props.some(([k, v]) => event.extendedProperties?.private?.[k] === v),
    );
    const items: Json[] = [];
    for (const stored of matching) {
      const e = stored.event;
      if (single && e.recurrence) {
        if (e.status === 'cancelled' && !showDeleted) continue;
        const rules: Rule[] = (e.recurrence as string[]).map(parseRule);
        const horizon = Number.isFinite(timeMax) ? timeMax + 7 * 86_400_000 : Date.now() + 730 * 86_400_000;
        const originals = new Set([...expand(e.start.dateTime, e.start.timeZone, rules, horizon), ...stored.exceptions.keys()]);
        for (const original of originals) {
          const view = this.instanceView(stored, original);
          if (view.status === 'cancelled' && !showDeleted) continue;
          const start = instantOf(view.start.dateTime);
          const end = instantOf(view.end.dateTime);
          if (end > timeMin && start < timeMax) items.push(view);
        }
      } else {
        if (e.status === 'cancelled' && !showDeleted) continue;
        const start = this.timeOf(e.start);
        const end = this.timeOf(e.end, e.start.timeZone);
        if (e.recurrence || (end > timeMin && start < timeMax)) items.push(e);
      }
    }
    if (query.get('orderBy') === 'startTime') items.sort((a, b) => this.timeOf(a.start) - this.timeOf(b.start));
    const max = Math.min(2500, Number(query.get('maxResults') ?? 250), this.pageSize ?? Infinity);
    const from = Number(query.get('pageToken') ?? 0);
    const page = items.slice(from, from + max);
    const next = from + max < items.length ? String(from + max) : undefined;
    // nextSyncToken comes only on the last page, never beside a nextPageToken.
    return [
      200,
      {
        kind: 'calendar#events',
        summary: 'primary',
        timeZone: this.calendarTimeZone,
        accessRole: 'owner',
        items: page,
        ...(next ? { nextPageToken: next } : { nextSyncToken: `sync-${this.etagCounter}` }),
      },
    ];
  }
}

/** PATCH semantics: nested objects merged, arrays replaced, null in extendedProperties deletes a key. */
function merge(target: Json, patch: Json): Json {
  const out: Json = structuredClone(target);
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else if (typeof value === 'object' && !Array.isArray(value) && typeof out[key] === 'object' && out[key] !== null && !Array.isArray(out[key]))
      out[key] = merge(out[key], value);
    else out[key] = structuredClone(value);
  }
  return out;
}

/** 412 as an If-Match mismatch answers (contract §1.3, §1.9). */
function preconditionFailed(): Json {
  return gError(412, 'conditionNotMet', 'Precondition Failed', { locationType: 'header', location: 'If-Match' });
}

/** Epoch ms from a test's time: a number as is, or RFC 3339 with an offset. */
function toMs(t: number | string): number {
  return typeof t === 'number' ? t : instantOf(t);
}

function unauthorized(): Json {
  return gError(401, 'authError', 'Invalid Credentials', { locationType: 'header', location: 'Authorization' });
}

async function readBody(req: IncomingMessage): Promise<Json | undefined> {
  const text = await readText(req);
  if (!text) return undefined;
  try {
    return JSON.parse(text) as Json;
  } catch {
    return undefined;
  }
}
