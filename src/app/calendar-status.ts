import type { CalendarKind } from '@/src/core/calendar-sync';
import type { CalendarStore } from '@/src/ports/calendar-store';
import type { Repository } from '@/src/ports/repository';

/** What the options page says about the calendar. */
export interface CalendarStatus {
  calendar: CalendarKind;
  connected: boolean;
  needsReconnect: boolean;
  /** Habits whose changes still wait to be written. */
  pending: number;
  lastError?: string;
  /** Habits whose series the person deleted in their calendar; each offers a repair. */
  missing: string[];
}

/** Read the calendar's state from this machine's records (no network). */
export async function calendarStatus(repo: Repository, store: CalendarStore): Promise<CalendarStatus> {
  const { calendar } = await repo.settings();
  if (calendar === 'local') return { calendar, connected: false, needsReconnect: false, pending: 0, missing: [] };
  const [auth, outbox, series] = await Promise.all([store.auth(calendar), store.outbox(calendar), store.allSeries(calendar)]);
  const lastError = outbox.find((e) => e.lastError)?.lastError;
  return {
    calendar,
    connected: auth !== undefined,
    needsReconnect: auth?.needsReconnect === true || auth === undefined,
    pending: outbox.length,
    ...(lastError ? { lastError } : {}),
    missing: [...new Set(series.filter((s) => s.state === 'missing').map((s) => s.habitId))],
  };
}
