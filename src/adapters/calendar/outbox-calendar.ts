import { outboxId, type RemoteKind, type SeriesRecord } from '@/src/core/calendar-sync';
import type { CueInstance } from '@/src/core/cue-plan';
import type { Habit } from '@/src/core/habit';
import type { CalendarStore } from '@/src/ports/calendar-store';
import type { Clock } from '@/src/ports/clock';
import type { CueProvider } from '@/src/ports/cue-provider';
import { drainOutbox, type DrainReport } from './drain';
import { enqueueSync } from './outbox';

/** What every remote calendar needs around its own client. */
export interface OutboxCalendarDeps {
  store: CalendarStore;
  habits: () => Promise<Habit[]>;
  clock: Clock;
  random?: () => number;
}

/**
 * A remote calendar written through the persistent outbox: a habit change is queued, and a drain brings each queued
 * habit's series to the wanted state. Subclasses say when a habit differs from its records and how to write it.
 */
export abstract class OutboxCalendar<D extends OutboxCalendarDeps> implements CueProvider {
  abstract readonly kind: RemoteKind;

  constructor(protected readonly deps: D) {}

  /** Queue the habit; the background's drain writes it. An edit during a sync re-queues and is not lost. */
  async syncHabit(habit: Habit): Promise<void> {
    await enqueueSync(this.deps.store, this.kind, habit.id, this.deps.clock.now());
  }

  /** Bring every queued habit (and any whose series drifted from the records) to its wanted state. */
  drain(): Promise<DrainReport> {
    return this.drainMode('writes', false);
  }

  /**
   * Queue the removal of every series this machine wrote to this calendar — ended ones too, whose past instances are
   * Cueboard's events as well — in place of any waiting writes. Series written by another machine are left alone:
   * another Cueboard may still use them. Returns how many habits have series to remove.
   */
  async queueRemoval(): Promise<number> {
    const { store, clock } = this.deps;
    const habitIds = [...new Set((await store.allSeries(this.kind)).filter((r) => r.state !== 'removed').map((r) => r.habitId))];
    const now = clock.now();
    await store.replaceOutbox(this.kind, () =>
      habitIds.map((habitId) => ({
        id: outboxId(this.kind, habitId),
        provider: this.kind,
        habitId,
        queuedAt: now,
        attempts: 0,
        nextAttemptAt: now,
        action: 'remove' as const,
      })),
    );
    return habitIds.length;
  }

  /** Run the queued removals: the due ones, or all of them now when the person asked (`now`). */
  drainRemovals(now = false): Promise<DrainReport> {
    return this.drainMode('removals', now);
  }

  private drainMode(mode: 'writes' | 'removals', ignoreBackoff: boolean): Promise<DrainReport> {
    return drainOutbox({
      provider: this.kind,
      store: this.deps.store,
      clock: this.deps.clock,
      habits: this.deps.habits,
      ...(this.deps.random ? { random: this.deps.random } : {}),
      needsSync: (habit, records) => this.needsSync(habit, records),
      syncOne: (habit) => this.syncOne(habit),
      removeOne: (habitId) => this.removeHabit(habitId),
      mode,
      ignoreBackoff,
    });
  }

  /** Delete each of the habit's series still in the calendar, recording each as it goes, so a retry resumes. */
  private async removeHabit(habitId: string): Promise<void> {
    for (const record of await this.deps.store.series(this.kind, habitId)) {
      if (record.state !== 'removed') await this.deps.store.putSeries(await this.removeSeries(record));
    }
  }

  abstract listCues(fromMs: number, toMs: number): Promise<CueInstance[]>;
  /** True when the habit's series differ from what the records say was written. */
  protected abstract needsSync(habit: Habit, records: readonly SeriesRecord[]): boolean;
  /** Write one habit's series; throw to retry later. */
  protected abstract syncOne(habit: Habit): Promise<void>;
  /** Delete one series from the calendar (already gone counts as done); returns its record as it should now be kept. */
  protected abstract removeSeries(record: SeriesRecord): Promise<SeriesRecord>;
}
