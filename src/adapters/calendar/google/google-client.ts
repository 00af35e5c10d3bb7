import { ReconnectNeeded } from '@/src/ports/reconnect-needed';
import type { TokenSource } from '@/src/ports/token-source';

/** Why a Google request failed, in the terms the caller acts on. */
export class GoogleApiError extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
    message: string,
    /** True for failures that a later retry may cure (rate limits, 5xx, network, timeouts). */
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'GoogleApiError';
  }
}

export { ReconnectNeeded };

export type { TokenSource };

export interface GoogleClientOptions {
  /** e.g. https://www.googleapis.com/calendar/v3 */
  apiBase: string;
  tokens: TokenSource;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Attempts per request for retryable failures, the first included. */
  maxAttempts?: number;
  timeoutMs?: number;
  /** Called once per HTTP request sent: the bench counts with it. */
  onRequest?: (method: string, url: string) => void;
}

export interface GoogleResponse<T> {
  status: number;
  body: T;
}

const RATE_LIMIT_REASONS = new Set(['rateLimitExceeded', 'userRateLimitExceeded']);

/** Seconds or an HTTP date, as Retry-After allows; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Truncated exponential backoff with full jitter: 1 s, 2 s, 4 s … at most 32 s. */
export function backoffMs(attempt: number, random: number): number {
  return Math.round(Math.min(32_000, 1000 * 2 ** attempt) * random);
}

/**
 * A small fetch client for Calendar v3: bearer token, one token refresh on 401, backoff with jitter on rate limits,
 * 5xx, timeouts and network errors (honouring Retry-After). Other errors come back as GoogleApiError at once.
 */
export class GoogleClient {
  private readonly fetch: typeof fetch;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;

  constructor(private readonly options: GoogleClientOptions) {
    this.fetch = options.fetch ?? ((input, init) => fetch(input, init));
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.random = options.random ?? Math.random;
  }

  async request<T>(method: string, path: string, init: { query?: Record<string, string | undefined>; body?: unknown } = {}): Promise<GoogleResponse<T>> {
    const url = new URL(this.options.apiBase.replace(/\/$/, '') + path);
    for (const [key, value] of Object.entries(init.query ?? {})) if (value !== undefined) url.searchParams.set(key, value);
    const maxAttempts = this.options.maxAttempts ?? 5;
    let refreshed = false;
    let token = await this.options.tokens.token();
    for (let attempt = 0; ; attempt++) {
      let response: Response;
      try {
        this.options.onRequest?.(method, url.toString());
        response = await this.fetch(url, {
          method,
          headers: { Authorization: `Bearer ${token}`, ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }) },
          ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
          signal: AbortSignal.timeout(this.options.timeoutMs ?? 20_000),
        });
      } catch (error) {
        // Offline, reset connection or timeout: nothing is known about the server's side, so retry the same call.
        if (attempt + 1 >= maxAttempts) throw new GoogleApiError(0, 'network', `Network error: ${(error as Error).message}`, true);
        await this.sleep(backoffMs(attempt, this.random()));
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
      const retryable =
        response.status === 429 || response.status >= 500 || (response.status === 403 && RATE_LIMIT_REASONS.has(error.reason));
      if (!retryable || attempt + 1 >= maxAttempts) throw new GoogleApiError(response.status, error.reason, error.message, retryable);
      await this.sleep(retryAfterMs(response.headers.get('Retry-After'), Date.now()) ?? backoffMs(attempt, this.random()));
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
