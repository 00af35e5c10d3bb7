import type { CueInstance } from '@/src/core/cue-plan';
import { expandSchedule } from '@/src/core/schedule';
import type { Habit } from '@/src/core/habit';
import type { CueProvider } from '@/src/ports/cue-provider';

/**
 * The default cue provider for people with no calendar account: the schedules themselves are the calendar.
 * Nothing leaves the machine, so syncing a habit has nothing to write.
 */
export class LocalCalendar implements CueProvider {
  constructor(private readonly habits: () => Promise<Habit[]>) {}

  async syncHabit(_habit: Habit): Promise<void> {
    // The habit record is the series: storing it is all the local calendar needs.
  }

  async listCues(fromMs: number, toMs: number): Promise<CueInstance[]> {
    const active = (await this.habits()).filter((h) => !h.archived);
    return active
      .flatMap((h) => expandSchedule(h.schedule, Math.max(fromMs, h.scheduleSince), toMs, h.startsOn, h.scheduleSince).map(({ at }) => ({ habitId: h.id, at })))
      .sort((a, b) => a.at - b.at);
  }
}
