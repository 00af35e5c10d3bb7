// A fake Microsoft Graph v1.0 (calendar) + Microsoft identity platform token service on 127.0.0.1, following
// ../shared/reference/calendar-api-contract.md §2 and §5: POST /me/events (201, transactionId replay), GET/PATCH/
// DELETE by id (occurrence ids too), $filter on singleValueExtendedProperties, calendarView with both bounds
// required, UTC output without offset, default page size 10 and @odata.nextLink, occurrences with seriesMasterId,
// type and originalStart; error shapes of §2.6; injectable faults; PKCE code flow whose refresh tokens die after
// 24 hours of the fake's own clock.
import { createHash, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Temporal } from 'temporal-polyfill';
import { LoopbackServer, readText } from '../loopback-server';

type Json = Record<string, any>;

export type GraphFault = '401' | '429' | '503' | '504' | 'network' | 'drop' | 'timeout';

const DAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const REFRESH_LIFETIME_MS = 24 * 3600_000;
const ACCESS_LIFETIME_MS = 3600_000;

interface Stored {
  event: Json;
  /** Exceptions by original start (epoch ms); `null` means the occurrence was deleted. */
  exceptions: Map<number, Json | null>;
}

function graphError(code: string, message: string): Json {
  return { error: { code, message, innerError: { date: new Date().toISOString(), 'request-id': randomUUID(), 'client-request-id': randomUUID() } } };
}

/** "2025-03-10T18:00:00.0000000": Graph's UTC form, no offset in the string. */
export function graphUtc(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, '.0000000');
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

  constructor() {
    super('Authorization, Content-Type, Prefer, client-request-id, SdkVersion');
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
      .filter((e) => e.type === 'seriesMaster' && (e.singleValueExtendedProperties as Json[] | undefined)?.some((p) => String(p.value).startsWith(`${habitId}|`)));
  }

  /** Move one occurrence, as the person would in Outlook. */
  moveOccurrence(masterId: string, originalStartMs: number, newStartMs: number): void {
    const stored = this.events.get(masterId)!;
    const duration = this.durationMs(stored.event);
    stored.exceptions.set(originalStartMs, { start: { dateTime: graphUtc(newStartMs), timeZone: 'UTC' }, end: { dateTime: graphUtc(newStartMs + duration), timeZone: 'UTC' } });
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
      [status, payload] = this.route(method, path, url, body);
    } catch (error) {
      [status, payload] = [400, graphError('ErrorInvalidParameter', (error as Error).message)];
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
      this.send(res, 200, { token_type: 'Bearer', scope, expires_in: ACCESS_LIFETIME_MS / 1000, ext_expires_in: ACCESS_LIFETIME_MS / 1000, access_token: this.issueAccessToken(), refresh_token: refresh });
    };
    if (form.get('grant_type') === 'authorization_code') {
      const grant = this.codes.get(form.get('code') ?? '');
      if (!grant) return fail('invalid_grant', 'AADSTS70008: The provided authorization code is invalid.');
      this.codes.delete(form.get('code')!);
      const challenge = createHash('sha256').update(form.get('code_verifier') ?? '').digest('base64url');
      if (challenge !== grant.challenge) return fail('invalid_grant', 'AADSTS501481: The Code_Verifier does not match the code_challenge.');
      if (form.get('redirect_uri') !== grant.redirect) return fail('invalid_grant', 'AADSTS50148: redirect_uri mismatch.');
      return issue(this.now + REFRESH_LIFETIME_MS, grant.scope);
    }
    if (form.get('grant_type') === 'refresh_token') {
      const known = this.refreshTokens.get(form.get('refresh_token') ?? '');
      if (!known) return fail('invalid_grant', 'AADSTS70000: The provided grant is invalid.');
      if (known.expiresAt <= this.now) {
        return fail('invalid_grant', 'AADSTS700084: The refresh token was issued to a single page app (SPA), and therefore has a fixed, limited lifetime of 1.00:00:00, which cannot be extended.');
      }
      this.refreshTokens.delete(form.get('refresh_token')!);
      // Rotated refresh tokens keep the original 24-hour expiry.
      return issue(known.expiresAt, form.get('scope') ?? '');
    }
    fail('unsupported_grant_type', 'AADSTS70003');
  }

  // ---------------------------------------------------------------------------------------------- Graph routes

  private route(method: string, path: string, url: URL, body: Json | undefined): [number, Json | undefined] {
    if (path === '/me/events' && method === 'POST') return this.create(body ?? {});
    if (path === '/me/events' && method === 'GET') return this.filterEvents(url.searchParams.get('$filter') ?? '');
    if (path === '/me/calendarView' && method === 'GET') return this.calendarView(url);
    const one = /^\/me\/events\/([^/]+)$/.exec(path);
    if (!one) return [404, graphError('ResourceNotFound', 'Resource not found for the segment.')];
    const id = decodeURIComponent(one[1]!);
    if (method === 'GET') return this.get(id);
    if (method === 'PATCH') return this.patch(id, body ?? {});
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
      if (r.range.startDate !== String(e.start.dateTime).slice(0, 10)) throw new Error('The recurrence range startDate must equal the start date of the event.');
      if (r.range.type === 'endDate' && !(r.range.endDate >= r.range.startDate)) throw new Error('The recurrence range endDate must not be before its startDate.');
    }
  }

  private create(body: Json): [number, Json] {
    if (body.transactionId && this.transactions.has(body.transactionId)) {
      const original = this.events.get(this.transactions.get(body.transactionId)!);
      if (original) return [201, original.event];
    }
    this.validate(body);
    const id = `AAMkAG${Buffer.from(randomUUID()).toString('base64url')}`;
    const event: Json = {
      ...structuredClone(body),
      id,
      type: body.recurrence ? 'seriesMaster' : 'singleInstance',
      isCancelled: false,
      createdDateTime: new Date(this.now).toISOString(),
      lastModifiedDateTime: new Date(this.now).toISOString(),
      iCalUId: `040000008200E00074C5B7101A82E008${id.slice(-16)}`,
    };
    this.events.set(id, { event, exceptions: new Map() });
    if (body.transactionId) this.transactions.set(body.transactionId, id);
    return [201, this.present(event)];
  }

  /** Extended properties are only returned with $expand; the fake keeps them and hides them like Graph. */
  private present(event: Json): Json {
    const { singleValueExtendedProperties: _hidden, ...rest } = event;
    return rest;
  }

  private filterEvents(filter: string): [number, Json] {
    const m = /singleValueExtendedProperties\/Any\(ep: ep\/id eq '([^']+)' and ep\/value eq '([^']+)'\)/.exec(filter);
    if (!m) throw new Error('Unsupported $filter.');
    const [, propertyId, value] = m;
    const value_ = [...this.events.values()]
      .map((s) => s.event)
      .filter((e) => (e.singleValueExtendedProperties as Json[] | undefined)?.some((p) => p.id === propertyId && String(p.value).toLowerCase() === value!.toLowerCase()))
      .map((e) => this.present(e));
    return [200, { value: value_ }];
  }

  private occurrenceRef(id: string): { master: Stored; original: number } | undefined {
    const m = /^(.+)_OCC_(\d+)$/.exec(id);
    const master = m ? this.events.get(m[1]!) : undefined;
    return m && master ? { master, original: Number(m[2]) } : undefined;
  }

  private get(id: string): [number, Json] {
    const stored = this.events.get(id);
    if (stored) return [200, this.present(stored.event)];
    const ref = this.occurrenceRef(id);
    if (ref && ref.master.exceptions.get(ref.original) !== null) return [200, this.occurrence(ref.master, ref.original)];
    return [404, graphError('ErrorItemNotFound', 'The specified object was not found in the store.')];
  }

  private patch(id: string, body: Json): [number, Json] {
    const stored = this.events.get(id);
    if (stored) {
      const next = { ...stored.event, ...structuredClone(body) };
      this.validate(next);
      // Changing the pattern drops the exceptions (as Outlook does).
      if (body.recurrence) stored.exceptions.clear();
      stored.event = { ...next, lastModifiedDateTime: new Date(this.now).toISOString() };
      return [200, this.present(stored.event)];
    }
    const ref = this.occurrenceRef(id);
    if (!ref || ref.master.exceptions.get(ref.original) === null) return [404, graphError('ErrorItemNotFound', 'The specified object was not found in the store.')];
    ref.master.exceptions.set(ref.original, { ...ref.master.exceptions.get(ref.original), ...structuredClone(body) });
    return [200, this.occurrence(ref.master, ref.original)];
  }

  private remove(id: string): [number, Json | undefined] {
    if (this.events.delete(id)) return [204, undefined];
    const ref = this.occurrenceRef(id);
    if (!ref || ref.master.exceptions.get(ref.original) === null) return [404, graphError('ErrorItemNotFound', 'The specified object was not found in the store.')];
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
      const inPattern = days ? days.includes(date.dayOfWeek) && Math.floor((offset + start.dayOfWeek - 1) / 7) % r.pattern.interval === 0 : offset % r.pattern.interval === 0;
      if (inPattern && at + this.durationMs(e) > fromMs) out.push(at);
    }
    return out;
  }

  private occurrence(master: Stored, original: number): Json {
    const e = master.event;
    const exception = master.exceptions.get(original);
    const duration = this.durationMs(e);
    return {
      id: `${e.id}_OCC_${original}`,
      subject: e.subject,
      type: exception ? 'exception' : 'occurrence',
      seriesMasterId: e.id,
      originalStart: new Date(original).toISOString().replace('.000Z', 'Z'),
      isCancelled: false,
      showAs: e.showAs,
      start: { dateTime: graphUtc(original), timeZone: 'UTC' },
      end: { dateTime: graphUtc(original + duration), timeZone: 'UTC' },
      ...structuredClone(exception ?? {}),
    };
  }

  private calendarView(url: URL): [number, Json] {
    const q = url.searchParams;
    const startText = q.get('startDateTime') ?? q.get('StartDateTime');
    const endText = q.get('endDateTime') ?? q.get('EndDateTime');
    if (!startText || !endText) {
      return [400, graphError('ErrorInvalidParameter', 'This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.')];
    }
    // An offset in the value is honoured; none means UTC.
    const toMs = (t: string) => Date.parse(/(Z|[+-]\d\d:\d\d)$/.test(t) ? t : `${t}Z`);
    const from = toMs(startText);
    const to = toMs(endText);
    const items: Json[] = [];
    for (const stored of this.events.values()) {
      const e = stored.event;
      if (e.type !== 'seriesMaster') continue;
      const originals = new Set([...this.originals(e, from - 7 * 86_400_000, to + 7 * 86_400_000), ...[...stored.exceptions.keys()]]);
      for (const original of originals) {
        if (stored.exceptions.get(original) === null) continue;
        const occ = this.occurrence(stored, original);
        const s = Date.parse(`${occ.start.dateTime.slice(0, 23)}Z`);
        const en = Date.parse(`${occ.end.dateTime.slice(0, 23)}Z`);
        if (en > from && s < to) items.push(occ);
      }
    }
    items.sort((a, b) => a.start.dateTime.localeCompare(b.start.dateTime));
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
