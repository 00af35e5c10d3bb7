// A fake Microsoft Graph v1.0 (calendar) + Microsoft identity platform token service on 127.0.0.1, following
// ../shared/reference/calendar-api-contract.md §2 and §5: POST /me/events (201, transactionId replay), GET/PATCH/
// DELETE by id (occurrence ids too), $filter on singleValueExtendedProperties, calendarView with both bounds
// required, UTC output without offset, default page size 10 and @odata.nextLink, occurrences with seriesMasterId,
// type and originalStart; error shapes of §2.6; injectable faults; PKCE code flow whose refresh tokens die after
// 24 hours of the fake's own clock.
// For auto-scheduling (issue 12) it also holds other people's events (busy, free, declined, cancelled, all-day)
// that calendarView lists beside Cueboard's occurrences, honours `$select` (only the selected properties, plus id
// and @odata.etag), turns a PATCHed occurrence into an exception with If-Match on its changeKey, and records every
// occurrence change (Cueboard's and the person's).
import { createHash, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Temporal } from 'temporal-polyfill';
import { LoopbackServer, readText } from '../loopback-server';

type Json = Record<string, any>;

export type GraphFault =
  | '401' // InvalidAuthenticationToken
  | '429' // ApplicationThrottled + Retry-After
  | '500' // generalException ([MS:concepts/errors.md] code table)
  | '502'
  | '503' // ServiceUnavailable + Retry-After
  | '504'
  | '404' // ErrorItemNotFound
  | '409' // Conflict; the code Outlook puts on a 409 is UNVERIFIED (the fake uses ErrorIrresolvableConflict)
  | '412' // ErrorIrresolvableConflict, as a stale If-Match answers — without the changeKey having changed
  | 'network'
  | 'drop'
  | 'timeout';

/** Another person's timed event (or series) on the user's calendar. */
export interface GraphMeetingInput {
  subject?: string;
  /** Epoch ms, or ISO 8601 with Z or an offset. */
  start: number | string;
  end: number | string;
  /** The event's zone (stored as the event's start/end zone and originalStartTimeZone); default UTC. */
  timeZone?: string;
  /** Default busy (event.md: showAs). */
  showAs?: 'free' | 'tentative' | 'busy' | 'oof' | 'workingElsewhere' | 'unknown';
  /** The user's answer (responseStatus.response); default accepted. */
  response?: 'none' | 'organizer' | 'tentativelyAccepted' | 'accepted' | 'declined' | 'notResponded';
  /** The organizer cancelled it: still on the calendar, `isCancelled: true` (event.md). */
  isCancelled?: boolean;
  /** A patternedRecurrence (daily/weekly), as for Cueboard's own series. */
  recurrence?: Json;
  organizer?: string;
}

/** An all-day event: isAllDay true, midnight-to-midnight in its zone (event.md isAllDay). */
export interface GraphAllDayInput {
  subject: string;
  /** "2026-03-05". */
  date: string;
  /** Exclusive; default the day after. */
  endDate?: string;
  /** Default UTC. */
  timeZone?: string;
  showAs?: GraphMeetingInput['showAs'];
}

/** One applied change to an occurrence, by Cueboard over HTTP or by the person in Outlook. */
export interface OccurrencePatch {
  by: 'client' | 'user';
  seriesId: string;
  occurrenceId: string;
  /** Original start (epoch ms): the occurrence's key in its series. */
  originalStart: number;
  body: Json;
  /** The occurrence after the change, as calendarView lists it (UTC, no offset). */
  start: string;
  end: string;
  changeKey: string;
}

/** Event properties `$select` accepts ([MS:…/resources/event.md]; @microsoft/microsoft-graph-types Event + OutlookItem + Entity). */
const EVENT_PROPERTIES = [
  'id',
  'categories',
  'changeKey',
  'createdDateTime',
  'lastModifiedDateTime',
  'allowNewTimeProposals',
  'attendees',
  'body',
  'bodyPreview',
  'cancelledOccurrences',
  'end',
  'hasAttachments',
  'hideAttendees',
  'iCalUId',
  'importance',
  'isAllDay',
  'isCancelled',
  'isDraft',
  'isOnlineMeeting',
  'isOrganizer',
  'isReminderOn',
  'location',
  'locations',
  'onlineMeeting',
  'onlineMeetingProvider',
  'onlineMeetingUrl',
  'organizer',
  'originalEndTimeZone',
  'originalStart',
  'originalStartTimeZone',
  'recurrence',
  'reminderMinutesBeforeStart',
  'responseRequested',
  'responseStatus',
  'sensitivity',
  'seriesMasterId',
  'showAs',
  'start',
  'subject',
  'transactionId',
  'type',
  'webLink',
];

const DAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const REFRESH_LIFETIME_MS = 24 * 3600_000;
const ACCESS_LIFETIME_MS = 3600_000;

interface Stored {
  event: Json;
  /** Exceptions by original start (epoch ms); `null` means the occurrence was deleted. */
  exceptions: Map<number, Json | null>;
}

/** Graph's answer to a `$select` naming no event property (seen in microsoftgraph/microsoft-graph-docs#2018, docs-contrib#6427). */
class SelectError extends Error {}

const NOT_FOUND = (): [number, Json] => [404, graphError('ErrorItemNotFound', 'The specified object was not found in the store.')];
/** 412 for a stale If-Match (microsoftgraph/microsoft-graph-docs-contrib#7934; [MS:concepts/errors.md] 412). */
const IRRESOLVABLE = (status: number): [number, Json] => [
  status,
  graphError(
    'ErrorIrresolvableConflict',
    'The send or update operation could not be performed because the change key passed in the request does not match the current change key for the item.',
  ),
];

function graphError(code: string, message: string): Json {
  return { error: { code, message, innerError: { date: new Date().toISOString(), 'request-id': randomUUID(), 'client-request-id': randomUUID() } } };
}

/** "2025-03-10T18:00:00.0000000": Graph's UTC form, no offset in the string. */
export function graphUtc(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, '.0000000');
}

/** Epoch ms → Graph's local form in a zone: "2025-03-10T14:00:00.0000000". */
function graphLocal(epochMs: number, zone: string): string {
  if (zone === 'UTC') return graphUtc(epochMs);
  const local = Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(zone).toPlainDateTime();
  return `${local.toString({ smallestUnit: 'second' })}.0000000`;
}

/** A test's time → epoch ms: a number as is, or ISO 8601 with Z or an offset. */
function toMs(t: number | string): number {
  if (typeof t === 'number') return t;
  if (!/(Z|[+-]\d\d:\d\d)$/.test(t)) throw new Error(`Give ${t} with Z or an offset`);
  return Date.parse(t);
}

/** Local "2025-03-10T14:00:00" (any fraction) in a zone → epoch ms. */
function localToMs(dateTime: string, zone: string): number {
  const clean = dateTime.replace(/(\.\d{3})\d*$/, '$1');
  if (zone === 'UTC') return Date.parse(`${clean}Z`);
  return Temporal.PlainDateTime.from(clean).toZonedDateTime(zone).epochMilliseconds;
}

export class FakeGraph extends LoopbackServer {
  readonly events = new Map<string, Stored>();
  /** transactionId → event id: a retried POST returns the original. */
  private readonly transactions = new Map<string, string>();
  readonly log: { method: string; path: string; query: URLSearchParams }[] = [];
  /** Every applied occurrence change, oldest first: Cueboard's PATCHes on occurrence ids and the person's moves (deletions are not recorded). */
  readonly instancePatches: OccurrencePatch[] = [];
  /** The signed-in person (responseStatus is theirs; they organize Cueboard's series). */
  readonly selfEmail = 'me@example.com';
  faultPolicy: (method: string, path: string) => GraphFault | undefined = () => undefined;
  retryAfterSeconds = 1;
  /** When true, prompt=none authorization fails with interaction_required. */
  silentAuthFails = false;
  /** The fake's own clock for token lifetimes; tests move it. */
  now = Date.now();
  private readonly accessTokens = new Map<string, number>();
  private readonly refreshTokens = new Map<string, { expiresAt: number }>();
  private readonly codes = new Map<string, { challenge: string; redirect: string; scope: string }>();
  private counter = 0;
  private changeCounter = 0;

  constructor() {
    super('Authorization, Content-Type, Prefer, client-request-id, SdkVersion, If-Match');
  }

  get apiBase(): string {
    return `${this.url}/v1.0`;
  }

  /** The tenant base, as login.microsoftonline.com/common. */
  get authBase(): string {
    return `${this.url}/common`;
  }

  issueAccessToken(): string {
    const token = `eyJ.fake-access-${++this.counter}`;
    this.accessTokens.set(token, this.now + ACCESS_LIFETIME_MS);
    return token;
  }

  advance(ms: number): void {
    this.now += ms;
  }

  /** Series masters Cueboard wrote for a habit (by the extended property value prefix). */
  seriesFor(habitId: string): Json[] {
    return [...this.events.values()]
      .map((s) => s.event)
      .filter(
        (e) => e.type === 'seriesMaster' && (e.singleValueExtendedProperties as Json[] | undefined)?.some((p) => String(p.value).startsWith(`${habitId}|`)),
      );
  }

  /** Move one occurrence, as the person would in Outlook (same as userMovesInstance). */
  moveOccurrence(masterId: string, originalStartMs: number, newStartMs: number): void {
    this.userMovesInstance(masterId, originalStartMs, newStartMs);
  }

  /**
   * The person moves one occurrence by hand in Outlook: it becomes `type: "exception"` with the new times, keeps
   * its id, seriesMasterId and originalStart, and gets a new changeKey (a PATCH with the old If-Match now answers
   * 412). The length is kept unless `newEndMs` is given. Recorded in `instancePatches` with `by: 'user'`.
   */
  userMovesInstance(seriesId: string, originalStartMs: number, newStartMs: number, newEndMs?: number): Json {
    const master = this.events.get(seriesId);
    if (!master || !this.occurs(master, originalStartMs)) throw new Error(`No occurrence of ${seriesId} at ${new Date(originalStartMs).toISOString()}`);
    const before = this.occurrence(master, originalStartMs);
    const end = newEndMs ?? newStartMs + (utcMs(before.end.dateTime) - utcMs(before.start.dateTime));
    const body = { start: { dateTime: graphUtc(newStartMs), timeZone: 'UTC' }, end: { dateTime: graphUtc(end), timeZone: 'UTC' } };
    return this.applyOccurrencePatch(master, originalStartMs, body, 'user');
  }

  /** The fake's id for an occurrence (opaque to clients, like Graph's). */
  instanceId(seriesId: string, originalStartMs: number): string {
    return `${seriesId}_OCC_${originalStartMs}`;
  }

  /** One occurrence as GET /me/events/{occurrenceId} returns it, or undefined (deleted, or not in the pattern). */
  instance(seriesId: string, originalStartMs: number): Json | undefined {
    const master = this.events.get(seriesId);
    return master && this.occurs(master, originalStartMs) ? this.occurrence(master, originalStartMs) : undefined;
  }

  /**
   * Add another person's meeting (or series) to the calendar; returns its id. `showAs`, `responseStatus`,
   * `isCancelled`, `organizer` and `isOrganizer` as event.md describes them.
   */
  addMeeting(input: GraphMeetingInput): string {
    const zone = input.timeZone ?? 'UTC';
    const startMs = toMs(input.start);
    const endMs = toMs(input.end);
    if (endMs < startMs) throw new Error('end before start');
    const organizer = input.organizer ?? 'colleague@example.com';
    const body: Json = {
      subject: input.subject ?? 'Meeting',
      start: { dateTime: graphLocal(startMs, zone), timeZone: zone },
      end: { dateTime: graphLocal(endMs, zone), timeZone: zone },
      showAs: input.showAs ?? 'busy',
      isCancelled: input.isCancelled ?? false,
      isOrganizer: false,
      organizer: { emailAddress: { address: organizer } },
      responseStatus: { response: input.response ?? 'accepted', time: new Date(this.now).toISOString() },
      ...(input.recurrence ? { recurrence: structuredClone(input.recurrence) } : {}),
    };
    return this.store(body).id;
  }

  /** Add an all-day event: isAllDay true, start/end at midnight in its zone, end exclusive; returns its id. */
  addAllDay(input: GraphAllDayInput): string {
    const zone = input.timeZone ?? 'UTC';
    const start = Temporal.PlainDate.from(input.date);
    const end = input.endDate ? Temporal.PlainDate.from(input.endDate) : start.add({ days: 1 });
    if (Temporal.PlainDate.compare(end, start) <= 0) throw new Error('end before start');
    const body: Json = {
      subject: input.subject,
      isAllDay: true,
      start: { dateTime: `${start.toString()}T00:00:00.0000000`, timeZone: zone },
      end: { dateTime: `${end.toString()}T00:00:00.0000000`, timeZone: zone },
      showAs: input.showAs ?? 'busy',
    };
    return this.store(body).id;
  }

  /**
   * The organizer moves a single event between polls (new start; end default: same length; all-day: dates
   * "2026-03-06"). An occurrence id moves that occurrence as the person would (userMovesInstance).
   */
  moveEvent(id: string, start: number | string, end?: number | string): Json {
    const stored = this.events.get(id);
    if (!stored) {
      const ref = this.occurrenceRef(id);
      if (!ref) throw new Error(`No event ${id}`);
      return this.userMovesInstance(ref.master.event.id, ref.original, toMs(start), end === undefined ? undefined : toMs(end));
    }
    const e = stored.event;
    if (e.type !== 'singleInstance') throw new Error('moveEvent moves single events; patch the series or move an occurrence');
    const zone = e.start.timeZone;
    if (e.isAllDay) {
      const from = Temporal.PlainDate.from(String(start));
      const days = Temporal.PlainDate.from(e.end.dateTime.slice(0, 10)).since(Temporal.PlainDate.from(e.start.dateTime.slice(0, 10))).days;
      const to = end === undefined ? from.add({ days }) : Temporal.PlainDate.from(String(end));
      e.start = { dateTime: `${from.toString()}T00:00:00.0000000`, timeZone: zone };
      e.end = { dateTime: `${to.toString()}T00:00:00.0000000`, timeZone: zone };
    } else {
      const startMs = toMs(start);
      const endMs = end === undefined ? startMs + this.durationMs(e) : toMs(end);
      e.start = { dateTime: graphLocal(startMs, zone), timeZone: zone };
      e.end = { dateTime: graphLocal(endMs, zone), timeZone: zone };
    }
    this.changed(e);
    return this.present(e);
  }

  /** The event is deleted from the calendar (gone from calendarView; GET answers 404). */
  removeEvent(id: string): void {
    if (!this.events.delete(id)) throw new Error(`No event ${id}`);
  }

  /** The organizer cancels a meeting: it stays on the calendar with `isCancelled: true` (event.md). */
  cancelEvent(id: string): void {
    const stored = this.events.get(id);
    if (!stored) throw new Error(`No event ${id}`);
    stored.event.isCancelled = true;
    this.changed(stored.event);
  }

  /** A new changeKey (and lastModifiedDateTime) after any change. */
  private changed(e: Json): void {
    e.changeKey = this.nextChangeKey();
    e.lastModifiedDateTime = new Date(this.now).toISOString();
  }

  private nextChangeKey(): string {
    return Buffer.from(`ck-${++this.changeCounter}-${this.counter}`).toString('base64');
  }

  /** Delete a whole series as the person would in Outlook. */
  deleteSeries(id: string): void {
    this.events.delete(id);
  }

  private durationMs(e: Json): number {
    return localToMs(e.end.dateTime, e.end.timeZone) - localToMs(e.start.dateTime, e.start.timeZone);
  }

  // ---------------------------------------------------------------------------------------------- HTTP

  protected async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const raw = await readText(req);
    if (url.pathname === '/common/oauth2/v2.0/authorize') return this.authorize(url, res);
    if (url.pathname === '/common/oauth2/v2.0/token' && req.method === 'POST') return this.token(new URLSearchParams(raw), res);
    if (!url.pathname.startsWith('/v1.0/')) return this.send(res, 404, graphError('ResourceNotFound', 'Not found'));

    const method = req.method ?? 'GET';
    const path = url.pathname.slice('/v1.0'.length);
    const fault = this.faultPolicy(method, path);
    if (fault === 'network') return void req.socket.destroy();
    if (fault === 'timeout') return this.hold(res);
    if (fault === '401') return this.send(res, 401, graphError('InvalidAuthenticationToken', 'Access token has expired or is not yet valid.'));
    if (fault === '429') {
      res.setHeader('Retry-After', String(this.retryAfterSeconds));
      return this.send(res, 429, graphError('ApplicationThrottled', 'Application is over its MailboxConcurrency limit.'));
    }
    if (fault === '503' || fault === '504') {
      res.setHeader('Retry-After', String(this.retryAfterSeconds));
      return this.send(res, Number(fault), graphError('ServiceUnavailable', 'Service unavailable'));
    }
    if (fault === '500' || fault === '502') return this.send(res, Number(fault), graphError('generalException', 'An unspecified error has occurred.'));
    if (fault === '404') return this.send(res, ...NOT_FOUND());
    if (fault === '409' || fault === '412') return this.send(res, ...IRRESOLVABLE(Number(fault)));
    const auth = req.headers.authorization ?? '';
    const expiry = this.accessTokens.get(auth.replace(/^Bearer /, ''));
    if (!auth.startsWith('Bearer ') || expiry === undefined || expiry <= this.now) {
      return this.send(res, 401, graphError('InvalidAuthenticationToken', 'Access token has expired or is not yet valid.'));
    }
    this.log.push({ method, path, query: url.searchParams });
    let status: number;
    let payload: Json | undefined;
    try {
      const body = raw ? (JSON.parse(raw) as Json) : undefined;
      const ifMatch = req.headers['if-match'];
      [status, payload] = this.route(method, path, url, body, typeof ifMatch === 'string' ? ifMatch : undefined);
    } catch (error) {
      [status, payload] =
        error instanceof SelectError
          ? [400, graphError('RequestBroker--ParseUri', error.message)]
          : [400, graphError('ErrorInvalidParameter', (error as Error).message)];
    }
    if (fault === 'drop') return void req.socket.destroy();
    this.send(res, status, payload);
  }

  private send(res: ServerResponse, status: number, payload?: Json): void {
    if (payload === undefined) return void res.writeHead(status).end();
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
  }

  // ---------------------------------------------------------------------------------------------- identity platform

  private authorize(url: URL, res: ServerResponse): void {
    const p = url.searchParams;
    const redirect = p.get('redirect_uri') ?? '';
    const state = p.get('state') ?? '';
    const back = (params: Record<string, string>): void => void res.writeHead(302, { Location: `${redirect}?${new URLSearchParams(params)}` }).end();
    if (p.get('response_type') !== 'code' || p.get('code_challenge_method') !== 'S256' || !p.get('code_challenge')) {
      return back({ error: 'invalid_request', error_description: 'AADSTS9002325: Proof Key for Code Exchange is required.', state });
    }
    if (p.get('prompt') === 'none' && this.silentAuthFails) return back({ error: 'interaction_required', error_description: 'AADSTS50058', state });
    const code = `code-${++this.counter}`;
    this.codes.set(code, { challenge: p.get('code_challenge')!, redirect, scope: p.get('scope') ?? '' });
    back({ code, state });
  }

  private token(form: URLSearchParams, res: ServerResponse): void {
    const fail = (error: string, description: string) => this.send(res, 400, { error, error_description: description });
    const issue = (refreshExpiresAt: number, scope: string) => {
      const refresh = `rt-${++this.counter}`;
      this.refreshTokens.set(refresh, { expiresAt: refreshExpiresAt });
      this.send(res, 200, {
        token_type: 'Bearer',
        scope,
        expires_in: ACCESS_LIFETIME_MS / 1000,
        ext_expires_in: ACCESS_LIFETIME_MS / 1000,
        access_token: this.issueAccessToken(),
        refresh_token: refresh,
      });
    };
    if (form.get('grant_type') === 'authorization_code') {
      const grant = this.codes.get(form.get('code') ?? '');
      if (!grant) return fail('invalid_grant', 'AADSTS70008: The provided authorization code is invalid.');
      this.codes.delete(form.get('code')!);
      const challenge = createHash('sha256')
        .update(form.get('code_verifier') ?? '')
        .digest('base64url');
      if (challenge !== grant.challenge) return fail('invalid_grant', 'AADSTS501481: The Code_Verifier does not match the code_challenge.');
      if (form.get('redirect_uri') !== grant.redirect) return fail('invalid_grant', 'AADSTS50148: redirect_uri mismatch.');
      return issue(this.now + REFRESH_LIFETIME_MS, grant.scope);
    }
    if (form.get('grant_type') === 'refresh_token') {
      const known = this.refreshTokens.get(form.get('refresh_token') ?? '');
      if (!known) return fail('invalid_grant', 'AADSTS70000: The provided grant is invalid.');
      if (known.expiresAt <= this.now) {
        return fail(
          'invalid_grant',
          'AADSTS700084: The refresh token was issued to a single page app (SPA), and therefore has a fixed, limited lifetime of 1.00:00:00, which cannot be extended.',
        );
      }
      this.refreshTokens.delete(form.get('refresh_token')!);
      // Rotated refresh tokens keep the original 24-hour expiry.
      return issue(known.expiresAt, form.get('scope') ?? '');
    }
    fail('unsupported_grant_type', 'AADSTS70003');
  }

  // ---------------------------------------------------------------------------------------------- Graph routes

  private route(method: string, path: string, url: URL, body: Json | undefined, ifMatch?: string): [number, Json | undefined] {
    // $select is checked before anything is done; GETs answer with the selected properties only.
    const select = parseSelect(url.searchParams.get('$select'));
    const pick = ([status, payload]: [number, Json]): [number, Json] => {
      if (!select || status >= 300) return [status, payload];
      return [
        status,
        Array.isArray(payload.value) ? { ...payload, value: payload.value.map((e: Json) => applySelect(e, select)) } : applySelect(payload, select),
      ];
    };
    if (path === '/me/events' && method === 'POST') return this.create(body ?? {});
    if (path === '/me/events' && method === 'GET') return pick(this.filterEvents(url.searchParams.get('$filter') ?? ''));
    if (path === '/me/calendarView' && method === 'GET') return pick(this.calendarView(url));
    const one = /^\/me\/events\/([^/]+)$/.exec(path);
    if (!one) return [404, graphError('ResourceNotFound', 'Resource not found for the segment.')];
    const id = decodeURIComponent(one[1]!);
    if (method === 'GET') return pick(this.get(id));
    if (method === 'PATCH') return this.patch(id, body ?? {}, ifMatch);
    if (method === 'DELETE') return this.remove(id);
    return [405, graphError('Request_BadRequest', 'Method not allowed')];
  }

  private validate(e: Json): void {
    for (const key of ['start', 'end'] as const) {
      if (!e[key]?.dateTime || !e[key]?.timeZone) throw new Error(`${key} needs dateTime and timeZone.`);
      if (/(Z|[+-]\d\d:\d\d)$/.test(e[key].dateTime)) throw new Error(`${key}.dateTime must not carry an offset.`);
      localToMs(e[key].dateTime, e[key].timeZone);
    }
    const r = e.recurrence;
    if (r) {
      if (!['daily', 'weekly'].includes(r.pattern?.type)) throw new Error('Unsupported recurrence pattern type.');
      if (!(r.pattern.interval >= 1)) throw new Error('Recurrence interval is required.');
      if (r.pattern.type === 'weekly' && !(r.pattern.daysOfWeek?.length > 0)) throw new Error('daysOfWeek is required for a weekly pattern.');
      if (r.pattern.type === 'daily' && r.pattern.daysOfWeek) throw new Error('daysOfWeek is not supported by a daily pattern.');
      if (!['noEnd', 'endDate', 'numbered'].includes(r.range?.type)) throw new Error('Invalid recurrence range type.');
      if (r.range.startDate !== String(e.start.dateTime).slice(0, 10))
        throw new Error('The recurrence range startDate must equal the start date of the event.');
      if (r.range.type === 'endDate' && !(r.range.endDate >= r.range.startDate))
        throw new Error('The recurrence range endDate must not be before its startDate.');
    }
  }

  private create(body: Json): [number, Json] {
    if (body.transactionId && this.transactions.has(body.transactionId)) {
      const original = this.events.get(this.transactions.get(body.transactionId)!);
      if (original) return [201, this.present(original.event)];
    }
    const event = this.store({
      isOrganizer: true,
      responseStatus: { response: 'organizer', time: '0001-01-01T00:00:00Z' },
      organizer: { emailAddress: { address: this.selfEmail } },
      ...structuredClone(body),
      isCancelled: false,
    });
    if (body.transactionId) this.transactions.set(body.transactionId, event.id);
    return [201, this.present(event)];
  }

  /** Validate and keep a new event (from a POST or a test helper). */
  private store(body: Json): Json {
    this.validate(body);
    const id = `AAMkAG${Buffer.from(randomUUID()).toString('base64url')}`;
    const event: Json = {
      isCancelled: false,
      isAllDay: false,
      ...structuredClone(body),
      id,
      type: body.recurrence ? 'seriesMaster' : 'singleInstance',
      createdDateTime: new Date(this.now).toISOString(),
      originalStartTimeZone: body.start.timeZone,
      originalEndTimeZone: body.end.timeZone,
      iCalUId: `040000008200E00074C5B7101A82E008${id.slice(-16)}`,
    };
    this.changed(event);
    this.events.set(id, { event, exceptions: new Map() });
    return event;
  }

  /** Extended properties are only returned with $expand; the fake keeps them and hides them like Graph. */
  private present(event: Json): Json {
    const { singleValueExtendedProperties: _hidden, ...rest } = event;
    return { '@odata.etag': `W/"${event.changeKey}"`, ...rest };
  }

  private filterEvents(filter: string): [number, Json] {
    const m = /singleValueExtendedProperties\/Any\(ep: ep\/id eq '([^']+)' and ep\/value eq '([^']+)'\)/.exec(filter);
    if (!m) throw new Error('Unsupported $filter.');
    const [, propertyId, value] = m;
    const value_ = [...this.events.values()]
      .map((s) => s.event)
      .filter((e) =>
        (e.singleValueExtendedProperties as Json[] | undefined)?.some((p) => p.id === propertyId && String(p.value).toLowerCase() === value!.toLowerCase()),
      )
      .map((e) => this.present(e));
    return [200, { value: value_ }];
  }

  /** An occurrence id → its series and original start; undefined unless that occurrence exists (not deleted, in the pattern). */
  private occurrenceRef(id: string): { master: Stored; original: number } | undefined {
    const m = /^(.+)_OCC_(\d+)$/.exec(id);
    const master = m ? this.events.get(m[1]!) : undefined;
    if (!m || !master) return undefined;
    const original = Number(m[2]);
    return this.occurs(master, original) ? { master, original } : undefined;
  }

  /** Whether a series has a live occurrence with this original start (moved ones count; deleted ones do not). */
  private occurs(master: Stored, original: number): boolean {
    if (master.event.type !== 'seriesMaster') return false;
    const exception = master.exceptions.get(original);
    if (exception === null) return false;
    return exception !== undefined || this.originals(master.event, original - 1, original + 1).includes(original);
  }

  private get(id: string): [number, Json] {
    const stored = this.events.get(id);
    if (stored) return [200, this.present(stored.event)];
    const ref = this.occurrenceRef(id);
    if (ref) return [200, this.occurrence(ref.master, ref.original)];
    return NOT_FOUND();
  }

  /** If-Match carries `W/"<changeKey>"` (the @odata.etag) or, leniently, the bare changeKey. */
  private stale(ifMatch: string | undefined, changeKey: string): boolean {
    return ifMatch !== undefined && ifMatch !== '*' && ifMatch !== `W/"${changeKey}"` && ifMatch !== changeKey && ifMatch !== `"${changeKey}"`;
  }

  private patch(id: string, body: Json, ifMatch?: string): [number, Json] {
    const stored = this.events.get(id);
    if (stored) {
      if (this.stale(ifMatch, stored.event.changeKey)) return IRRESOLVABLE(412);
      const next = { ...stored.event, ...structuredClone(body) };
      this.validate(next);
      // Changing the pattern drops the exceptions (as Outlook does).
      if (body.recurrence) stored.exceptions.clear();
      stored.event = next;
      this.changed(stored.event);
      return [200, this.present(stored.event)];
    }
    const ref = this.occurrenceRef(id);
    if (!ref) return NOT_FOUND();
    if (this.stale(ifMatch, this.occurrence(ref.master, ref.original).changeKey)) return IRRESOLVABLE(412);
    return [200, this.applyOccurrencePatch(ref.master, ref.original, body, 'client')];
  }

  /**
   * PATCH on an occurrence: it becomes an exception (event.md, event-update.md; contract §2.2) with its own
   * changeKey; start/end must be dateTime (no offset) + timeZone and are kept as instants, listed in UTC.
   */
  private applyOccurrencePatch(master: Stored, original: number, body: Json, by: OccurrencePatch['by']): Json {
    const change = structuredClone(body);
    for (const key of ['start', 'end'] as const) {
      if (change[key] === undefined) continue;
      const t = change[key];
      if (!t?.dateTime || !t?.timeZone) throw new Error(`${key} needs dateTime and timeZone.`);
      if (/(Z|[+-]\d\d:\d\d)$/.test(t.dateTime)) throw new Error(`${key}.dateTime must not carry an offset.`);
      change[key] = { dateTime: graphUtc(localToMs(t.dateTime, t.timeZone)), timeZone: 'UTC' };
    }
    const next: Json = {
      ...master.exceptions.get(original),
      ...change,
      changeKey: this.nextChangeKey(),
      lastModifiedDateTime: new Date(this.now).toISOString(),
    };
    master.exceptions.set(original, next);
    const view = this.occurrence(master, original);
    this.instancePatches.push({
      by,
      seriesId: master.event.id,
      occurrenceId: view.id,
      originalStart: original,
      body: structuredClone(body),
      start: view.start.dateTime,
      end: view.end.dateTime,
      changeKey: view.changeKey,
    });
    return view;
  }

  private remove(id: string): [number, Json | undefined] {
    if (this.events.delete(id)) return [204, undefined];
    const ref = this.occurrenceRef(id);
    if (!ref) return NOT_FOUND();
    ref.master.exceptions.set(ref.original, null);
    return [204, undefined];
  }

  /** Original starts of a series within [from, to), expanded in its recurrence zone. */
  private originals(e: Json, fromMs: number, toMs: number): number[] {
    const r = e.recurrence;
    const zone = r.range.recurrenceTimeZone ?? e.start.timeZone;
    const time = Temporal.PlainDateTime.from(e.start.dateTime.replace(/(\.\d{3})\d*$/, '$1')).toPlainTime();
    const start = Temporal.PlainDate.from(r.range.startDate);
    const end = r.range.type === 'endDate' ? Temporal.PlainDate.from(r.range.endDate) : undefined;
    const days = r.pattern.type === 'weekly' ? (r.pattern.daysOfWeek as string[]).map((d) => DAY_NAMES.indexOf(d) + 1) : undefined;
    const out: number[] = [];
    for (let date = start, i = 0; i < 5000; date = date.add({ days: 1 }), i++) {
      if (end && Temporal.PlainDate.compare(date, end) > 0) break;
      const at = date.toZonedDateTime({ timeZone: zone, plainTime: time }).epochMilliseconds;
      if (at >= toMs) break;
      const offset = date.since(start).days;
      const inPattern = days
        ? days.includes(date.dayOfWeek) && Math.floor((offset + start.dayOfWeek - 1) / 7) % r.pattern.interval === 0
        : offset % r.pattern.interval === 0;
      if (inPattern && at + this.durationMs(e) > fromMs) out.push(at);
    }
    return out;
  }

  /**
   * One occurrence as Graph lists it: the master's properties (no recurrence, transactionId), its own id, type
   * occurrence/exception, seriesMasterId, originalStart, times in UTC; an exception's changes and changeKey over them.
   */
  private occurrence(master: Stored, original: number): Json {
    const e = master.event;
    const exception = master.exceptions.get(original);
    const duration = this.durationMs(e);
    const { recurrence: _r, transactionId: _t, ...inherited } = this.present(e);
    const view: Json = {
      ...inherited,
      id: `${e.id}_OCC_${original}`,
      type: exception ? 'exception' : 'occurrence',
      seriesMasterId: e.id,
      originalStart: new Date(original).toISOString().replace('.000Z', 'Z'),
      isCancelled: e.isCancelled ?? false,
      start: { dateTime: graphUtc(original), timeZone: 'UTC' },
      end: { dateTime: graphUtc(original + duration), timeZone: 'UTC' },
      recurrence: null,
      ...structuredClone(exception ?? {}),
    };
    view['@odata.etag'] = `W/"${view.changeKey}"`;
    return view;
  }

  /**
   * A single event as calendarView lists it: times in UTC without an offset (no Prefer header) — except all-day
   * events, which always come back as midnight whatever zone is asked for (jasonjoh/php-calendar#9 by a Microsoft
   * engineer; microsoftgraph/microsoft-graph-docs#16798, #6003) — and its real span, midnight in its own zone,
   * used for the window (ibid.: "filtering by date for all-day events can return responses which seem not to match").
   */
  private single(e: Json): { view: Json; startMs: number; endMs: number } {
    const startMs = localToMs(e.start.dateTime, e.start.timeZone);
    const endMs = localToMs(e.end.dateTime, e.end.timeZone);
    const midnight = (t: string) => `${t.slice(0, 10)}T00:00:00.0000000`;
    const view = this.present(e);
    view.start = e.isAllDay ? { dateTime: midnight(e.start.dateTime), timeZone: 'UTC' } : { dateTime: graphUtc(startMs), timeZone: 'UTC' };
    view.end = e.isAllDay ? { dateTime: midnight(e.end.dateTime), timeZone: 'UTC' } : { dateTime: graphUtc(endMs), timeZone: 'UTC' };
    return { view, startMs, endMs };
  }

  private calendarView(url: URL): [number, Json] {
    const q = url.searchParams;
    const startText = q.get('startDateTime') ?? q.get('StartDateTime');
    const endText = q.get('endDateTime') ?? q.get('EndDateTime');
    if (!startText || !endText) {
      return [
        400,
        graphError('ErrorInvalidParameter', 'This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.'),
      ];
    }
    // An offset in the value is honoured; none means UTC.
    const toMs = (t: string) => Date.parse(/(Z|[+-]\d\d:\d\d)$/.test(t) ? t : `${t}Z`);
    const from = toMs(startText);
    const to = toMs(endText);
    const items: Json[] = [];
    for (const stored of this.events.values()) {
      const e = stored.event;
      if (e.type === 'singleInstance') {
        const { view, startMs, endMs } = this.single(e);
        if (endMs > from && startMs < to) items.push({ ...view, sortKey: startMs });
        continue;
      }
      if (e.type !== 'seriesMaster') continue;
      const originals = new Set([...this.originals(e, from - 7 * 86_400_000, to + 7 * 86_400_000), ...[...stored.exceptions.keys()]]);
      for (const original of originals) {
        if (stored.exceptions.get(original) === null) continue;
        const occ = this.occurrence(stored, original);
        const s = utcMs(occ.start.dateTime);
        const en = utcMs(occ.end.dateTime);
        if (en > from && s < to) items.push({ ...occ, sortKey: s });
      }
    }
    items.sort((a, b) => a.sortKey - b.sortKey);
    for (const item of items) delete item.sortKey;
    const top = Math.min(Number(q.get('$top') ?? 10), 1000);
    const skip = Number(q.get('$skip') ?? 0);
    const page = items.slice(skip, skip + top);
    const result: Json = { '@odata.context': `${this.apiBase}/$metadata#users('me')/calendarView`, value: page };
    if (skip + top < items.length) {
      const next = new URL(url.toString());
      next.searchParams.set('$skip', String(skip + top));
      next.searchParams.set('$top', String(top));
      // Graph writes OData options with a literal "$".
      result['@odata.nextLink'] = `${this.url}${next.pathname}${next.search.replace(/%24/g, '$')}`;
    }
    return [200, result];
  }
}

/** Graph's UTC form ("2025-03-10T18:00:00.0000000", no offset) → epoch ms. */
function utcMs(dateTime: string): number {
  return Date.parse(`${dateTime.slice(0, 23)}Z`);
}

/** Parse `$select` (comma list of event properties, case-insensitive; `*` = all); unknown names are refused. */
function parseSelect(text: string | null): string[] | undefined {
  if (text === null) return undefined;
  const names = text
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean);
  if (names.includes('*')) return undefined;
  return names.map((name) => {
    const known = EVENT_PROPERTIES.find((p) => p.toLowerCase() === name.toLowerCase());
    if (!known) throw new SelectError(`Could not find a property named '${name}' on type 'Microsoft.OutlookServices.Event'.`);
    return known;
  });
}

/** The selected properties (null when the event has none: OData returns them as null), plus id and @odata.etag, which always come back. */
function applySelect(event: Json, select: string[]): Json {
  const out: Json = { '@odata.etag': event['@odata.etag'], id: event.id };
  for (const name of select) out[name] = event[name] ?? null;
  return out;
}
