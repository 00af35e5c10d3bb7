import { Client, GraphError, HTTPMessageHandler, type Context, type Middleware } from '@microsoft/microsoft-graph-client';
import type { CalendarErrorKind } from '@/src/core/calendar-sync';
import { ReconnectNeeded } from '@/src/ports/reconnect-needed';
import type { TokenSource } from '@/src/ports/token-source';
import { CalendarError } from '../calendar-error';
import { nextWait, RETRY_BUDGET, retryAfterMs } from '../retry';

/**
 * Sets the bearer token on every request and, on a 401, asks for a fresh token once and sends again; a second 401
 * means the person must reconnect. It replaces the library's AuthenticationHandler, which only attaches tokens to
 * https Graph hosts (so a test build aimed at a plain-http fake would send none) — one code path for both.
 */
class BearerMiddleware implements Middleware {
  private next?: Middleware;

  constructor(private readonly tokens: TokenSource) {}

  async execute(context: Context): Promise<void> {
    const send = async (token: string) => {
      setHeader(context, 'Authorization', `Bearer ${token}`);
      await this.next!.execute(context);
    };
    await send(await this.tokens.token());
    if (context.response?.status === 401) {
      await send(await this.tokens.token(true));
      if (context.response?.status === 401) throw new ReconnectNeeded('Outlook needs you to connect again.');
    }
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

/** What Graph throttles with (429) or answers when overloaded (503, 504): the statuses worth a quick retry. */
const RETRY_STATUSES = new Set([429, 503, 504]);

interface RetryOptions {
  maxAttempts: number;
  maxSleepMs: number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
}

/**
 * Retries 429/503/504 a little, honouring Retry-After, in place of the library's RetryHandler (which sleeps through
 * any Retry-After up to 180 s, three times over). Here the sleeping per request stays within a small budget; when
 * Graph asks for longer, or the attempts are used up, the last answer goes back to the caller, whose error carries
 * the Retry-After so the outbox waits for it (`toCalendarError`).
 */
class ShortRetryMiddleware implements Middleware {
  private next?: Middleware;

  constructor(private readonly options: RetryOptions) {}

  async execute(context: Context): Promise<void> {
    const { maxAttempts, maxSleepMs, sleep, random } = this.options;
    let slept = 0;
    for (let attempt = 0; ; attempt++) {
      await this.next!.execute(context);
      const response = context.response;
      if (!response || !RETRY_STATUSES.has(response.status)) return;
      const askedMs = retryAfterMs(response.headers.get('Retry-After'), Date.now());
      const wait = nextWait({ attempt, maxAttempts, slept, maxSleepMs, random: random(), ...(askedMs === undefined ? {} : { askedMs }) });
      if (wait === undefined) return;
      slept += wait;
      await sleep(wait);
    }
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

/** Gives each attempt its own deadline: the library's fetch has none, and a hung request would stall the outbox. */
class TimeoutMiddleware implements Middleware {
  private next?: Middleware;

  constructor(private readonly timeoutMs: number) {}

  async execute(context: Context): Promise<void> {
    (context.options ??= {}).signal = AbortSignal.timeout(this.timeoutMs);
    await this.next!.execute(context);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

function setHeader(context: Context, name: string, value: string): void {
  if (context.request instanceof Request) context.request.headers.set(name, value);
  const options = (context.options ??= {});
  if (options.headers instanceof Headers) options.headers.set(name, value);
  else options.headers = { ...(options.headers as Record<string, string> | undefined), [name]: value };
}

export interface GraphClientOptions {
  /** e.g. https://graph.microsoft.com */
  origin: string;
  tokens: TokenSource;
  /** Attempts per request on 429/503/504, the first included. */
  maxAttempts?: number;
  /** The most one request may sleep between attempts, all together; longer waits go to the outbox. */
  maxSleepMs?: number;
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

/** The real @microsoft/microsoft-graph-client, chain: Bearer → short retry → timeout → HTTPMessageHandler (fetch). */
export function graphClient({
  origin,
  tokens,
  maxAttempts = RETRY_BUDGET.maxAttempts,
  maxSleepMs = RETRY_BUDGET.maxSleepMs,
  timeoutMs = RETRY_BUDGET.timeoutMs,
  sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random = Math.random,
}: GraphClientOptions): Client {
  const bearer = new BearerMiddleware(tokens);
  const retry = new ShortRetryMiddleware({ maxAttempts, maxSleepMs, sleep, random });
  const timeout = new TimeoutMiddleware(timeoutMs);
  bearer.setNext(retry);
  retry.setNext(timeout);
  timeout.setNext(new HTTPMessageHandler());
  return Client.initWithMiddleware({ middleware: bearer, baseUrl: origin, defaultVersion: 'v1.0' });
}

/** A Graph error's status and code (branch on code, never on the message). */
export function graphFailure(error: unknown): { status: number; code: string } | undefined {
  return error instanceof GraphError ? { status: error.statusCode, code: error.code ?? '' } : undefined;
}

function kindOf(status: number, code: string): CalendarErrorKind {
  // The library reports a fetch that threw (offline, dropped, our per-attempt timeout) with status -1 and its name.
  if (status <= 0) return code === 'TypeError' || code === 'TimeoutError' || code === 'AbortError' ? 'offline' : 'unexpected';
  if (status === 429) return 'busy';
  if (status >= 500) return 'server';
  if (status === 403) return 'forbidden';
  return 'unexpected';
}

/**
 * The library wraps whatever a middleware throws into a GraphError (keeping its name as `code`); give a refused
 * sign-in back its own type so the outbox and the reconnect prompt recognise it, and turn Graph's failures into
 * CalendarErrors that carry their kind and, when Graph said Retry-After, the instant the outbox should wait for
 * (measured on `now`, the outbox's clock).
 */
export function toCalendarError(error: unknown, now: number): unknown {
  if (!(error instanceof GraphError)) return error;
  if (error.code === 'ReconnectNeeded') return new ReconnectNeeded(error.message);
  const code = error.code ?? '';
  const askedMs = retryAfterMs(error.headers?.get('Retry-After'), now);
  const detail = error.statusCode > 0 ? `${error.statusCode} ${code}: ${error.message}` : `Network error: ${error.message || code}`;
  return new CalendarError(kindOf(error.statusCode, code), detail, askedMs === undefined ? undefined : now + askedMs);
}
