// A fake Google Calendar v3 + OAuth server on 127.0.0.1 for tests, following ../shared/reference/
// calendar-api-contract.md §1 and §5: validation and error shapes, singleEvents expansion in the event's zone,
// instance exceptions, tombstones, privateExtendedProperty, pagination, and injectable faults.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoopbackServer, readText } from '../loopback-server';
import { expand, instantOf, parseRule, rfc3339In, utcBasic, type Rule } from './expand';

type Json = Record<string, any>;

/** What a test can make the next matching request suffer. */
export type Fault =
  | '401' // token refused
  | '403-rate' // 403 userRateLimitExceeded
  | '429' // 429 rateLimitExceeded with Retry-After
  | '500' // backendError
  | 'network' // connection dropped before the server acted
  | 'drop' // the server acted (committed), then dropped the connection: the client never hears back
  | 'timeout'; // the server never answers

interface Stored {
  event: Json;
  /** Exceptions by original start (epoch ms): moved or cancelled instances. */
  exceptions: Map<number, Json>;
}

const PREFIX = '/calendar/v3';

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
  private tokenCounter = 0;
  private etagCounter = 0;

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

  /** Move one instance, as the person would by dragging it in Google Calendar. */
  moveInstance(masterId: string, originalStartMs: number, newStartMs: number): void {
    const stored = this.events.get(masterId)!;
    const zone = stored.event.start.timeZone;
    const duration = instantOf(stored.event.end.dateTime, zone) - instantOf(stored.event.start.dateTime, zone);
    stored.exceptions.set(originalStartMs, {
      start: { dateTime: rfc3339In(newStartMs, zone), timeZone: zone },
      end: { dateTime: rfc3339In(newStartMs + duration, zone), timeZone: zone },
    });
    this.touch(stored.event);
  }

  /** Delete a whole series as the person would in Google Calendar (it becomes a cancelled tombstone). */
  deleteSeries(id: string): void {
    const stored = this.events.get(id)!;
    stored.event.status = 'cancelled';
    this.touch(stored.event);
  }

  private touch(event: Json): void {
    event.etag = `"${++this.etagCounter}"`;
    event.updated = new Date().toISOString();
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
    if (fault === '500') return this.send(res, 500, gError(500, 'backendError', 'Backend Error'));

    const auth = req.headers.authorization ?? '';
    if (!auth.startsWith('Bearer ') || !this.tokens.has(auth.slice(7))) return this.send(res, 401, unauthorized());

    this.log.push({ method, path, query: url.searchParams });
    let status: number;
    let payload: Json | undefined;
    try {
      [status, payload] = this.route(method, path, url.searchParams, body, req.headers['if-match']);
    } catch (error) {
      [status, payload] = [400, gError(400, 'invalid', (error as Error).message)];
    }
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
    instantOf(event.start.dateTime, event.start.timeZone);
  }

  private insert(body: Json): [number, Json] {
    this.validate(body);
    const id = body.id ?? `e${Date.now().toString(32)}${Math.floor(Math.random() * 1e6).toString(32)}`;
    if (this.events.has(id)) return [409, gError(409, 'duplicate', 'The requested identifier already exists.')];
    const event: Json = { kind: 'calendar#event', status: 'confirmed', ...structuredClone(body), id, iCalUID: `${id}@google.com`, created: new Date().toISOString(), sequence: 0 };
    this.touch(event);
    this.events.set(id, { event, exceptions: new Map() });
    return [200, event];
  }

  /** Split an instance id "<master>_<YYYYMMDDTHHMMSSZ>" into its master and original start. */
  private instanceRef(id: string): { master: Stored; original: number } | undefined {
    const m = /^(.+)_(\d{8}T\d{6}Z)$/.exec(id);
    const master = m ? this.events.get(m[1]!) : undefined;
    if (!m || !master) return undefined;
    const b = m[2]!;
    const original = Date.UTC(+b.slice(0, 4), +b.slice(4, 6) - 1, +b.slice(6, 8), +b.slice(9, 11), +b.slice(11, 13), +b.slice(13, 15));
    return { master, original };
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
      const ref = this.instanceRef(id);
      if (!ref) return [404, gError(404, 'notFound', 'Not Found')];
      ref.master.exceptions.set(ref.original, { ...ref.master.exceptions.get(ref.original), ...structuredClone(body) });
      this.touch(ref.master.event);
      return [200, this.instanceView(ref.master, ref.original)];
    }
    if (ifMatch && ifMatch !== stored.event.etag) return [412, gError(412, 'conditionNotMet', 'Precondition Failed', { locationType: 'header', location: 'If-Match' })];
    const next = replace ? { ...structuredClone(body), id } : merge(stored.event, body);
    this.validate(next);
    stored.event = { ...next, kind: 'calendar#event', iCalUID: stored.event.iCalUID, created: stored.event.created, sequence: (stored.event.sequence ?? 0) + 1 };
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
    ref.master.exceptions.set(ref.original, { ...ref.master.exceptions.get(ref.original), status: 'cancelled' });
    this.touch(ref.master.event);
    return [204, undefined];
  }

  /** One instance of a series as Google shows it: master fields, its own id, times in the master's zone. */
  private instanceView(master: Stored, original: number): Json {
    const e = master.event;
    const zone = e.start.timeZone;
    const exception = master.exceptions.get(original) ?? {};
    const durationMs = instantOf(e.end.dateTime, e.end.timeZone ?? zone) - instantOf(e.start.dateTime, zone);
    const { recurrence: _r, ...rest } = e;
    return {
      ...rest,
      id: `${e.id}_${utcBasic(original)}`,
      recurringEventId: e.id,
      originalStartTime: { dateTime: rfc3339In(original, zone), timeZone: zone },
      start: { dateTime: rfc3339In(original, zone), timeZone: zone },
      end: { dateTime: rfc3339In(original + durationMs, zone), timeZone: zone },
      ...structuredClone(exception),
      status: exception.status ?? (e.status === 'cancelled' ? 'cancelled' : 'confirmed'),
    };
  }

  private list(query: URLSearchParams): [number, Json] {
    const single = query.get('singleEvents') === 'true';
    if (query.get('orderBy') === 'startTime' && !single) throw new Error('The requested ordering is not available for the particular query.');
    const syncToken = query.get('syncToken');
    if (syncToken) {
      for (const forbidden of ['iCalUID', 'orderBy', 'privateExtendedProperty', 'q', 'sharedExtendedProperty', 'timeMin', 'timeMax', 'updatedMin']) {
        if (query.has(forbidden)) throw new Error(`Sync token cannot be combined with ${forbidden}.`);
      }
      return [410, gError(410, 'fullSyncRequired', 'Sync token is no longer valid, a full sync is required.', { locationType: 'parameter', location: 'syncToken' })];
    }
    const offset = /(Z|[+-]\d\d:\d\d)$/;
    const timeMinText = query.get('timeMin');
    const timeMaxText = query.get('timeMax');
    for (const [name, value] of [['timeMin', timeMinText], ['timeMax', timeMaxText]] as const) {
      if (value !== null && !offset.test(value)) throw new Error(`Bad Request: ${name} needs an offset.`);
    }
    const timeMin = timeMinText ? instantOf(timeMinText) : -Infinity;
    const timeMax = timeMaxText ? instantOf(timeMaxText) : Infinity;
    if (timeMax <= timeMin) return [400, gError(400, 'timeRangeEmpty', 'The specified time range is empty.', { locationType: 'parameter', location: 'timeMax' })];
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
        const start = instantOf(e.start.dateTime, e.start.timeZone);
        const end = instantOf(e.end.dateTime, e.end.timeZone ?? e.start.timeZone);
        if (e.recurrence || (end > timeMin && start < timeMax)) items.push(e);
      }
    }
    if (query.get('orderBy') === 'startTime') items.sort((a, b) => instantOf(a.start.dateTime, a.start.timeZone) - instantOf(b.start.dateTime, b.start.timeZone));
    const max = Math.min(2500, Number(query.get('maxResults') ?? 250), this.pageSize ?? Infinity);
    const from = Number(query.get('pageToken') ?? 0);
    const page = items.slice(from, from + max);
    const next = from + max < items.length ? String(from + max) : undefined;
    // nextSyncToken comes only on the last page, never beside a nextPageToken.
    return [200, { kind: 'calendar#events', summary: 'primary', timeZone: 'UTC', accessRole: 'owner', items: page, ...(next ? { nextPageToken: next } : { nextSyncToken: `sync-${this.etagCounter}` }) }];
  }
}

/** PATCH semantics: nested objects merged, arrays replaced, null in extendedProperties deletes a key. */
function merge(target: Json, patch: Json): Json {
  const out: Json = structuredClone(target);
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else if (typeof value === 'object' && !Array.isArray(value) && typeof out[key] === 'object' && out[key] !== null && !Array.isArray(out[key])) out[key] = merge(out[key], value);
    else out[key] = structuredClone(value);
  }
  return out;
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
