import type { CalendarInstance, RemoteKind } from '@/src/core/calendar-sync';
import type { Badge } from '@/src/ports/badge';
import type { CalendarStore } from '@/src/ports/calendar-store';
import type { BackupSaver } from '@/src/ports/backup-saver';
import type { CoachingStore } from '@/src/ports/coaching-store';
import type { DataStore } from '@/src/ports/data-store';
import type { CueProvider } from '@/src/ports/cue-provider';
import type { FocusStore } from '@/src/ports/focus-store';
import type { SiteBlocker } from '@/src/ports/site-blocker';
import type { Deps } from './deps';

/** A remote calendar as the worker drives it: queued writes, a drain that sends them, a repair, a removal. */
export interface RemoteCalendar extends CueProvider {
  drain(): Promise<{ synced: number; failed: number; reconnectNeeded: boolean }>;
  repair(habitId: string): Promise<void>;
  /** Queue the removal of Cueboard's series from this calendar, in place of waiting writes; how many habits. */
  queueRemoval?(): Promise<number>;
  /** Run queued removals: the due ones, or all now when the person asked. */
  drainRemovals?(now?: boolean): Promise<{ synced: number; failed: number; reconnectNeeded: boolean }>;
  /**
   * Move one instance of a habit's series (a flexible habit's block), guarded by its version: "moved", "gone" (404 or
   * 410: the instance or series no longer exists) or "changed" (409 or 412: it changed since the poll, say the
   * person moved it). Transient failures (429, 5xx, timeouts) throw after the client's short retries.
   */
  moveInstance?(instance: CalendarInstance, start: number, end: number): Promise<'moved' | 'gone' | 'changed'>;
}

/** Sign-in to a remote calendar. */
export interface CalendarAuth {
  connect(): Promise<void>;
  disconnect(): Promise<void>;
}

/** What the background needs beyond a page: the calendar store, the remote calendars and their sign-in. */
export interface WorkerDeps extends Deps {
  store: CalendarStore;
  remotes: Partial<Record<RemoteKind, { calendar: RemoteCalendar; auth: CalendarAuth }>>;
  badge?: Badge;
  /**
   * Cues without the network: the local schedules, or the last poll and the schedules beyond it. Alarms, the sweep
   * for passed cues and the badge read only this, so they never wait on a calendar server.
   */
  offlineProvider: CueProvider;
  /** The coaching records (experiments), for the day's-end rating prompt. */
  coach?: CoachingStore;
  /** Focus blocks and the sites they hold back. */
  focus?: FocusStore;
  blocker?: SiteBlocker;
  /** Everything at once, and where weekly backups go. */
  data?: DataStore;
  backupSaver?: BackupSaver;
}
