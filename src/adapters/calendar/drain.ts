import { outboxDelayMs, type OutboxEntry, type SeriesRecord } from '@/src/core/calendar-sync';
import type { Habit } from '@/src/core/habit';
import type { CalendarStore } from '@/src/ports/calendar-store';
import type { Clock } from '@/src/ports/clock';
import { ReconnectNeeded } from '@/src/ports/reconnect-needed';
import { CalendarError, errorKind } from './calendar-error';
import { enqueueSync } from './outbox';

/** What one drain of the outbox did. */
export interface DrainReport {
  synced: number;
  failed: number;
  reconnectNeeded: boolean;
}

export interface DrainSpec {
  provider: OutboxEntry['provider'];
  store: CalendarStore;
  clock: Clock;
  habits: () => Promise<Habit[]>;
  random?: () => number;
  /** True when the habit's series differ from what the records say was written. */
  needsSync: (habit: Habit, records: readonly SeriesRecord[]) => boolean;
  /** Bring one habit's series to the wanted state; throws to retry later. */
  syncOne: (habit: Habit) => Promise<void>;
  /** Delete every series of one habit from the calendar (404/410 count as done); throws to retry later. */
  removeOne: (habitId: string) => Promise<void>;
  /**
   * "writes": the calendar in use — heal, then send waiting writes. "removals": a calendar being disconnected —
   * only its queued removals run; nothing is written to it any more.
   */
  mode: 'writes' | 'removals';
  /** Every entry now, whatever its backoff: the person asked. */
  ignoreBackoff?: boolean;
}

/**
 * Send every due outbox entry, one habit at a time, recording failures with a jittered backoff — or later, when the
 * calendar asked to wait longer (a Retry-After the client would not sleep through). The outbox alarm brings the
 * worker back then; nothing sleeps here. A rate limit holds back the rest of this drain too: the calendar asked to
 * wait, not just for this habit. A habit whose records show it was never written (saved just before a crash, say)
 * is queued first: the outbox heals itself. A refused sign-in stops the drain; the entries wait for the person to
 * reconnect.
 */
export async function drainOutbox(spec: DrainSpec): Promise<DrainReport> {
  const { provider, store, clock } = spec;
  const [habits, queued, records] = await Promise.all([spec.habits(), store.outbox(provider), store.allSeries(provider)]);
  if (spec.mode === 'writes') {
    const queuedIds = new Set(queued.map((e) => e.habitId));
    for (const habit of habits) {
      if (
        !queuedIds.has(habit.id) &&
        spec.needsSync(
          habit,
          records.filter((r) => r.habitId === habit.id),
        )
      ) {
        await enqueueSync(store, provider, habit.id, clock.now());
      }
    }
  }
  const now = clock.now();
  const due = (await store.outbox(provider)).filter(
    (e) => (e.action === 'remove') === (spec.mode === 'removals') && (spec.ignoreBackoff || e.nextAttemptAt <= now),
  );
  const report: DrainReport = { synced: 0, failed: 0, reconnectNeeded: false };
  for (const [index, entry] of due.entries()) {
    const habit = habits.find((h) => h.id === entry.habitId);
    try {
      if (entry.action === 'remove') await spec.removeOne(entry.habitId);
      else if (habit) await spec.syncOne(habit);
      await store.completeOutbox(entry.id, entry.queuedAt);
      report.synced++;
    } catch (error) {
      report.failed++;
      const attempts = entry.attempts + 1;
      const notBefore = error instanceof CalendarError ? (error.notBefore ?? 0) : 0;
      const nextAttemptAt = Math.max(clock.now() + outboxDelayMs(attempts, (spec.random ?? Math.random)()), notBefore);
      // On the entry as stored now: queued again during the request (an edit, or removals in place of writes), it is
      // a new request, not yet tried, and keeps its own action and attempts (only a calendar's "wait" holds it too).
      await store.updateOutbox(entry.id, (stored) =>
        stored.queuedAt === entry.queuedAt
          ? { ...stored, attempts, nextAttemptAt, lastError: error instanceof Error ? error.message : String(error), lastErrorKind: errorKind(error) }
          : notBeforeOf(stored, notBefore),
      );
      if (error instanceof ReconnectNeeded) {
        report.reconnectNeeded = true;
        break;
      }
      if (error instanceof CalendarError && error.kind === 'busy' && notBefore > clock.now()) {
        await holdBack(store, due.slice(index + 1), notBefore);
        break;
      }
    }
  }
  return report;
}

/** Move untried entries to when the calendar said it would listen again; they keep their attempt count. */
async function holdBack(store: CalendarStore, entries: readonly OutboxEntry[], notBefore: number): Promise<void> {
  for (const entry of entries) {
    await store.updateOutbox(entry.id, (stored) => notBeforeOf(stored, notBefore));
  }
}

function notBeforeOf(entry: OutboxEntry, notBefore: number): OutboxEntry {
  return entry.nextAttemptAt < notBefore ? { ...entry, nextAttemptAt: notBefore } : entry;
}
