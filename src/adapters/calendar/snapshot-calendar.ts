import type { CalendarKind } from '@/src/core/calendar-sync';
import type { CueInstance } from '@/src/core/cue-plan';
import type { Habit } from '@/src/core/habit';
import type { CalendarStore } from '@/src/ports/calendar-store';
import type { Clock } from '@/src/ports/clock';
import type { CueProvider } from '@/src/ports/cue-provider';
import { ActiveProvider } from './active-provider';
import { enqueueSync } from './outbox';

/**
 * A remote calendar without the network: writes go to the outbox (the background sends them), reads come from the
 * last poll's snapshot where it covers the window (moved and cancelled instances included) and from the schedules
 * beyond it. Pages paint from it at once, and the worker falls back to it when the calendar cannot be read, so cues
 * keep firing past the 48-hour horizon while offline.
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
    if (!snapshot || snapshot.to <= fromMs || snapshot.from >= toMs) return this.fallback.listCues(fromMs, toMs);
    const covered = { from: Math.max(fromMs, snapshot.from), to: Math.min(toMs, snapshot.to) };
    const [before, after] = await Promise.all([
      covered.from > fromMs ? this.fallback.listCues(fromMs, covered.from) : [],
      covered.to < toMs ? this.fallback.listCues(covered.to, toMs) : [],
    ]);
    const inside = snapshot.cues.filter((c) => c.at >= covered.from && c.at < covered.to);
    return [...before, ...inside, ...after].sort((a, b) => a.at - b.at);
  }
}

/**
 * The chosen calendar without the network: the local schedules, or the last poll of Google or Outlook and the
 * schedules beyond it. What pages read, and what the worker's alarms read.
 */
export function offlineCalendar(chosen: () => Promise<CalendarKind>, store: CalendarStore, clock: Clock, local: CueProvider): CueProvider {
  return new ActiveProvider(chosen, {
    local,
    google: new SnapshotCalendar('google', store, clock, local),
    outlook: new SnapshotCalendar('outlook', store, clock, local),
  });
}
