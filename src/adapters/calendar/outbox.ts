import { outboxId, type OutboxEntry } from '@/src/core/calendar-sync';
import type { CalendarStore } from '@/src/ports/calendar-store';

/** Queue a habit's calendar sync. Pages and the worker both may; only the worker sends. */
export async function enqueueSync(store: CalendarStore, provider: OutboxEntry['provider'], habitId: string, now: number): Promise<void> {
  await store.enqueue({ id: outboxId(provider, habitId), provider, habitId, queuedAt: now, attempts: 0, nextAttemptAt: now });
}
