/**
 * How long a calendar client may wait in the service worker between attempts. A worker that sleeps can be stopped
 * for idleness and holds up everything queued behind it, so in-worker waits are short and few: anything longer (a
 * server's Retry-After beyond the budget, or attempts used up) is handed to the outbox, whose alarm brings the
 * worker back at the right time.
 */
export const RETRY_BUDGET = {
  /** Attempts per request, the first included. */
  maxAttempts: 3,
  /** Total sleeping per request, all retries together. */
  maxSleepMs: 2_000,
  /** Per-attempt deadline: calendar calls answer in well under a second when all is well. */
  timeoutMs: 10_000,
} as const;

/** Seconds or an HTTP date, as Retry-After allows; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null | undefined, now: number): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Exponential backoff with full jitter for the short in-worker retries: up to 0.5 s, 1 s, 2 s. */
export function backoffMs(attempt: number, random: number): number {
  return Math.round(Math.min(2_000, 500 * 2 ** attempt) * random);
}

/**
 * The wait before the next attempt, or undefined when the request should stop here and leave the rest to the outbox:
 * attempts are used up, or the server asked for longer than what is left of the sleep budget. Without a server hint
 * the client's own backoff is shortened to fit the budget.
 */
export function nextWait(spec: {
  attempt: number;
  maxAttempts: number;
  slept: number;
  maxSleepMs: number;
  askedMs?: number;
  random: number;
}): number | undefined {
  const budget = Math.max(0, spec.maxSleepMs - spec.slept);
  if (spec.attempt + 1 >= spec.maxAttempts) return undefined;
  if (spec.askedMs !== undefined) return spec.askedMs <= budget ? spec.askedMs : undefined;
  return Math.min(backoffMs(spec.attempt, spec.random), budget);
}
