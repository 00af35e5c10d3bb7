import type { CalendarErrorKind } from '@/src/core/calendar-sync';
import { ReconnectNeeded } from '@/src/ports/reconnect-needed';
import type { TokenSource } from '@/src/ports/token-source';
import { CalendarError } from '../calendar-error';
import { backoffMs, nextWait, RETRY_BUDGET, retryAfterMs } from '../retry';

const RATE_LIMIT_REASONS = new Set(['rateLimitExceeded', 'userRateLimitExceeded']);

function kindOf(status: number, reason: string): CalendarErrorKind {
  if (status === 0) return 'offline';
  if (status === 429 || (status === 403 && (RATE_LIMIT_REASONS.has(reason) || reason === 'quotaExceeded'))) return 'busy';
  if (status >= 500) return 'server';
  if (status === 403) return 'forbidden';
  return 'unexpected';
}

/** Why a Google request failed, in the terms the caller acts on. */
export class GoogleApiError extends CalendarError {
  constructor(
    readonly status: number,
    readonly reason: string,
    message: string,
    /** True for failures that a later retry may cure (rate limits, 5xx, network, timeouts). */
    readonly retryable: boolean,
    notBefore?: number,
  ) {
    super(kindOf(status, reason), message, notBefore);
    this.name = 'GoogleApiError';
  }
}

export { backoffMs, ReconnectNeeded, retryAfterMs };

export type { TokenSource };

export interface GoogleClientOptions {
  /** e.g. https://www.googleapis.com/calendar/v3 */
  apiBase: string;
  tokens: TokenSource;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** The clock a server's "retry after" is measured on (the outbox's clock). */
  now?: () => number;
  /** Attempts per request for retryable failures, the first included. */
  maxAttempts?: number;
  /** The most one request may sleep between attempts, all together; longer waits go to the outbox. */
  maxSleepMs?: number;
  timeoutMs?: number;
  /** Called once per HTTP request sent: the bench counts with it. */
  onRequest?: (method: string, url: string) => void;
}

export interface GoogleResponse<T> {
  status: number;
  body: T;
}

/**
 * A small fetch client for Calendar v3: bearer token, one token refresh on 401, a few quick retries on rate limits,
 * 5xx, timeouts and network errors. It never sleeps long in the service worker: when Google asks for a longer wait
 * (Retry-After beyond the budget) or the attempts are used up, it throws a GoogleApiError, whose `notBefore` (when
 * Google said Retry-After) the outbox waits for; otherwise the outbox's own backoff decides. Other errors come back
 * at once.
 */
export class GoogleClient {
  private readonly fetch: typeof fetch;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly now: () => number;

  constructor(private readonly options: GoogleClientOptions) {
    this.fetch = options.fetch ?? ((input, init) => fetch(input, init));
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.random = options.random ?? Math.random;
    this.now = options.now ?? Date.now;
  }

  async request<T>(
    method: string,
    path: string,
    init: { query?: Record<string, string | undefined>; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<GoogleResponse<T>> {
    const url = new URL(this.options.apiBase.replace(/\/$/, '') + path);
    for (const [key, value] of Object.entries(init.query ?? {})) if (value !== undefined) url.searchParams.set(key, value);
    const maxAttempts = this.options.maxAttempts ?? RETRY_BUDGET.maxAttempts;
    const maxSleepMs = this.options.maxSleepMs ?? RETRY_BUDGET.maxSleepMs;
    let slept = 0;
    let refreshed = false;
    let token = await this.options.tokens.token();
    /** Sleep before the next attempt, or throw the failure with the instant Google asked the outbox to wait for. */
    const waitOrGiveUp = async (attempt: number, failure: (notBefore?: number) => GoogleApiError, askedMs?: number): Promise<void> => {
      const wait = nextWait({ attempt, maxAttempts, slept, maxSleepMs, random: this.random(), ...(askedMs === undefined ? {} : { askedMs }) });
      if (wait === undefined) throw failure(askedMs === undefined ? undefined : this.now() + askedMs);
      slept += wait;
      await this.sleep(wait);
    };
    for (let attempt = 0; ; attempt++) {
      let response: Response;
      try {
        this.options.onRequest?.(method, url.toString());
        response = await this.fetch(url, {
          method,
          headers: { ...init.headers, Authorization: `Bearer ${token}`, ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }) },
          ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
          signal: AbortSignal.timeout(this.options.timeoutMs ?? RETRY_BUDGET.timeoutMs),
        });
      } catch (error) {
        // Offline, reset connection or timeout: nothing is known about the server's side, so retry the same call.
        const timedOut = (error as Error).name === 'TimeoutError';
        await waitOrGiveUp(
          attempt,
          (notBefore) => new GoogleApiError(0, timedOut ? 'timeout' : 'network', `Network error: ${(error as Error).message}`, true, notBefore),
        );
        continue;
      }
      if (response.ok) {
        const text = response.status === 204 ? '' : await response.text();
        return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
      }
      const error = await readError(response);
      if (response.status === 401) {
        if (refreshed) throw new ReconnectNeeded('Google Calendar needs you to connect again.');
        refreshed = true;
        token = await this.options.tokens.token(true);
        attempt--;
        continue;
      }
      const retryable = response.status === 429 || response.status >= 500 || (response.status === 403 && RATE_LIMIT_REASONS.has(error.reason));
      const fail = (notBefore?: number) =>
        new GoogleApiError(response.status, error.reason, `${response.status} ${error.reason}: ${error.message}`, retryable, notBefore);
      if (!retryable) throw fail();
      await waitOrGiveUp(attempt, fail, retryAfterMs(response.headers.get('Retry-After'), this.now()));
    }
  }
}

async function readError(response: Response): Promise<{ reason: string; message: string }> {
  try {
    const body = (await response.json()) as { error?: { message?: string; errors?: { reason?: string }[] } };
    return { reason: body.error?.errors?.[0]?.reason ?? String(response.status), message: body.error?.message ?? response.statusText };
  } catch {
    return { reason: String(response.status), message: response.statusText || `HTTP ${response.status}` };
  }
}
