import type { RemoteKind, SeriesRecord } from '@/src/core/calendar-sync';
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
    return drainOutbox({
      provider: this.kind,
      store: this.deps.store,
      clock: this.deps.clock,
      habits: this.deps.habits,
      ...(this.deps.random ? { random: this.deps.random } : {}),
      needsSync: (habit, records) => this.needsSync(habit, records),
      syncOne: (habit) => this.syncOne(habit),
    });
  }

  abstract listCues(fromMs: number, toMs: number): Promise<CueInstance[]>;
  /** True when the habit's series differ from what the records say was written. */
  protected abstract needsSync(habit: Habit, records: readonly SeriesRecord[]): boolean;
  /** Write one habit's series; throw to retry later. */
  protected abstract syncOne(habit: Habit): Promise<void>;
}
