import { Client, GraphError, HTTPMessageHandler, RetryHandler, RetryHandlerOptions, type Context, type Middleware } from '@microsoft/microsoft-graph-client';
import { ReconnectNeeded } from '@/src/ports/reconnect-needed';
import type { TokenSource } from '@/src/ports/token-source';

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
  /** Retries of 429/503/504 by the library's RetryHandler (it honours Retry-After). */
  maxRetries?: number;
  timeoutMs?: number;
}

/** The real @microsoft/microsoft-graph-client, chain: Bearer → RetryHandler → timeout → HTTPMessageHandler (fetch). */
export function graphClient({ origin, tokens, maxRetries = 3, timeoutMs = 20_000 }: GraphClientOptions): Client {
  const bearer = new BearerMiddleware(tokens);
  const retry = new RetryHandler(new RetryHandlerOptions(3, maxRetries));
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

/**
 * The library wraps whatever a middleware throws into a GraphError (keeping its name as `code`); give a refused
 * sign-in back its own type so the outbox and the reconnect prompt recognise it.
 */
export function unwrapGraphError(error: unknown): unknown {
  return error instanceof GraphError && error.code === 'ReconnectNeeded' ? new ReconnectNeeded(error.message) : error;
}
