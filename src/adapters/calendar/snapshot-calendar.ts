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
    const [snapshot, outbox] = await Promise.all([this.store.snapshot(this.kind), this.store.outbox(this.kind)]);
    if (!snapshot || snapshot.to <= fromMs || snapshot.from >= toMs) return this.fallback.listCues(fromMs, toMs);
    const covered = { from: Math.max(fromMs, snapshot.from), to: Math.min(toMs, snapshot.to) };
    // A habit whose change still waits in the outbox (new, edited, a write that hangs or fails) is not in the
    // calendar as it is now: its cues follow its own schedule until the calendar holds it, so saving never leaves
    // a habit without cues, and an edited time never fires at the old one.
    const waiting = new Set(outbox.filter((e) => e.action !== 'remove').map((e) => e.habitId));
    const [before, inside, after] = await Promise.all([
      covered.from > fromMs ? this.fallback.listCues(fromMs, covered.from) : [],
      waiting.size > 0 ? this.fallback.listCues(covered.from, covered.to) : [],
      covered.to < toMs ? this.fallback.listCues(covered.to, toMs) : [],
    ]);
    const polled = snapshot.cues.filter((c) => c.at >= covered.from && c.at < covered.to && !waiting.has(c.habitId));
    const scheduled = inside.filter((c) => waiting.has(c.habitId));
    return [...before, ...polled, ...scheduled, ...after].sort((a, b) => a.at - b.at);
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
