import type { CueInstance } from '@/src/core/cue-plan';
import type { Habit } from '@/src/core/habit';
import type { CalendarStore } from '@/src/ports/calendar-store';
import type { Clock } from '@/src/ports/clock';
import type { CueProvider } from '@/src/ports/cue-provider';
import { enqueueSync } from './outbox';

/**
 * A remote calendar as pages see it: writes go to the outbox (the background sends them), reads come from the last
 * poll's snapshot, so the popup paints without waiting on the network. Outside the snapshot, the schedules answer.
 */
export class SnapshotCalendar implements CueProvider {
  constructor(
    readonly kind: 'google' | 'outlook',
    private readonly store: CalendarStore,
    private readonly clock: Clock,
    private readonly fallback: CueProvider,
  ) {}

  async syncHabit(habit: Habit): Promise<void> {
    await enqueueSync(this.store, this.kind, habit.id, this.clock.now());
  }

  async listCues(fromMs: number, toMs: number): Promise<CueInstance[]> {
    const snapshot = await this.store.snapshot(this.kind);
    if (!snapshot || snapshot.from > fromMs || snapshot.to < toMs) return this.fallback.listCues(fromMs, toMs);
    return snapshot.cues.filter((c) => c.at >= fromMs && c.at < toMs);
  }
}
