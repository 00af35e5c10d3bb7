import type { CalendarKind } from '@/src/core/calendar-sync';
import type { CueInstance } from '@/src/core/cue-plan';
import type { Habit } from '@/src/core/habit';
import type { CueProvider } from '@/src/ports/cue-provider';

/** Delegates to the calendar the person chose in settings, read at each call (connecting switches at once). */
export class ActiveProvider implements CueProvider {
  constructor(
    private readonly chosen: () => Promise<CalendarKind>,
    private readonly providers: { local: CueProvider } & Partial<Record<CalendarKind, CueProvider>>,
  ) {}

  async current(): Promise<CueProvider> {
    return this.providers[await this.chosen()] ?? this.providers.local;
  }

  async syncHabit(habit: Habit): Promise<void> {
    await (await this.current()).syncHabit(habit);
  }

  async listCues(fromMs: number, toMs: number): Promise<CueInstance[]> {
    return (await this.current()).listCues(fromMs, toMs);
  }
}
