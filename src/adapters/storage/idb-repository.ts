import type { IDBPDatabase } from 'idb';
import type { CheckIn } from '@/src/core/check-in';
import type { CueEvent } from '@/src/core/cue-event';
import type { Habit } from '@/src/core/habit';
import type { Outcome } from '@/src/core/outcome';
import type { HabitStats } from '@/src/core/metrics/habit-metrics';
import type { OutcomeValue } from '@/src/core/metrics/outcome-trend';
import { DEFAULT_SETTINGS, type Settings } from '@/src/core/settings';
import type { Repository } from '@/src/ports/repository';
import type { CueboardDB, MetaValues } from './schema';
import { dropStaleStats } from './stale-stats';

const SETTINGS_KEY = 'settings';

/** The Repository port over IndexedDB. Multi-record writes share one transaction, so they land whole or not at all. */
export class IdbRepository implements Repository {
  constructor(private readonly db: IDBPDatabase<CueboardDB>) {}

  habits(): Promise<Habit[]> {
    return this.db.getAll('habits');
  }

  habit(id: string): Promise<Habit | undefined> {
    return this.db.get('habits', id);
  }

  async putHabits(habits: readonly Habit[]): Promise<void> {
    const tx = this.db.transaction('habits', 'readwrite');
    await Promise.all([...habits.map((h) => tx.store.put(h)), tx.done]);
  }

  outcomes(): Promise<Outcome[]> {
    return this.db.getAll('outcomes');
  }

  async putOutcome(outcome: Outcome): Promise<void> {
    await this.db.put('outcomes', outcome);
  }

  checkIns(habitId: string, fromDate: string, toDate: string): Promise<CheckIn[]> {
    return this.db.getAllFromIndex('checkIns', 'byHabitDate', IDBKeyRange.bound([habitId, fromDate], [habitId, toDate]));
  }

  async addCheckIn(checkIn: CheckIn, answer?: (stored: CueEvent | undefined) => CueEvent | undefined): Promise<boolean> {
    const tx = this.db.transaction(['checkIns', 'cueEvents', 'habitStats'], 'readwrite');
    const events = tx.objectStore('cueEvents');
    if (answer) {
      const id = `${checkIn.habitId}|${checkIn.cueAt}`;
      const next = answer(await events.get(id));
      if (!next) {
        await tx.done;
        return false;
      }
      void events.put(next);
    }
    await Promise.all([tx.objectStore('checkIns').add(checkIn), dropStaleStats(tx.objectStore('habitStats'), checkIn), tx.done]);
    return true;
  }

  async updateCueEvent(id: string, change: (stored: CueEvent | undefined) => CueEvent): Promise<CueEvent> {
    const tx = this.db.transaction('cueEvents', 'readwrite');
    const next = change(await tx.store.get(id));
    await Promise.all([tx.store.put(next), tx.done]);
    return next;
  }

  async removeCheckIn(id: string, reopen?: (event: CueEvent) => CueEvent): Promise<CheckIn | undefined> {
    const tx = this.db.transaction(['checkIns', 'cueEvents', 'habitStats'], 'readwrite');
    const checkIns = tx.objectStore('checkIns');
    const removed = await checkIns.get(id);
    if (removed) {
      await checkIns.delete(id);
      await dropStaleStats(tx.objectStore('habitStats'), removed);
      if (removed.cueAt !== undefined && reopen) {
        const events = tx.objectStore('cueEvents');
        const event = await events.index('byHabitCue').get([removed.habitId, removed.cueAt]);
        if (event) await events.put(reopen(event));
      }
    }
    await tx.done;
    return removed;
  }

  cueEvent(id: string): Promise<CueEvent | undefined> {
    return this.db.get('cueEvents', id);
  }

  async putCueEvent(event: CueEvent): Promise<void> {
    await this.db.put('cueEvents', event);
  }

  pendingSnoozes(now: number): Promise<CueEvent[]> {
    return this.db.getAllFromIndex('cueEvents', 'bySnoozedUntil', IDBKeyRange.lowerBound(now, true));
  }

  async settings(): Promise<Settings> {
    return { ...DEFAULT_SETTINGS, ...(await this.db.get('settings', SETTINGS_KEY)) };
  }

  async putSettings(settings: Settings): Promise<void> {
    await this.db.put('settings', settings, SETTINGS_KEY);
  }

  cueEvents(habitId: string, fromMs: number, toMs: number): Promise<CueEvent[]> {
    return this.db.getAllFromIndex('cueEvents', 'byHabitCue', IDBKeyRange.bound([habitId, fromMs], [habitId, toMs], false, true));
  }

  async cuesSeenUntil(): Promise<number | undefined> {
    return (await this.db.get('meta', 'cuesSeenUntil')) as MetaValues['cuesSeenUntil'] | undefined;
  }

  async putCuesSeenUntil(at: number): Promise<void> {
    await this.db.put('meta', at, 'cuesSeenUntil');
  }

  habitStats(habitId: string): Promise<HabitStats | undefined> {
    return this.db.get('habitStats', habitId);
  }

  async putHabitStats(stats: HabitStats, readStamp: number): Promise<boolean> {
    const tx = this.db.transaction('habitStats', 'readwrite');
    const current = await tx.store.get(stats.habitId);
    const fresh = (current?.stamp ?? 0) === readStamp;
    if (fresh) void tx.store.put({ ...stats, stamp: readStamp + 1 });
    await tx.done;
    return fresh;
  }

  async outcomeValues(outcomeId: string, limit: number): Promise<OutcomeValue[]> {
    const out: OutcomeValue[] = [];
    let cursor = await this.db
      .transaction('outcomeValues')
      .store.index('byOutcomeDate')
      .openCursor(IDBKeyRange.bound([outcomeId, ''], [outcomeId, '\uffff']), 'prev');
    while (cursor && out.length < limit) {
      out.push(cursor.value);
      cursor = await cursor.continue();
    }
    return out;
  }

  async addOutcomeValue(value: OutcomeValue): Promise<void> {
    await this.db.add('outcomeValues', value);
  }

  async removeOutcomeValue(id: string): Promise<void> {
    await this.db.delete('outcomeValues', id);
  }

  async trapDismissals(): Promise<Record<string, number>> {
    return ((await this.db.get('meta', 'trapDismissals')) as MetaValues['trapDismissals'] | undefined) ?? {};
  }

  async updateTrapDismissals(change: (stored: Record<string, number>) => Record<string, number>): Promise<Record<string, number>> {
    const tx = this.db.transaction('meta', 'readwrite');
    const next = change(((await tx.store.get('trapDismissals')) as MetaValues['trapDismissals'] | undefined) ?? {});
    await Promise.all([tx.store.put(next, 'trapDismissals'), tx.done]);
    return next;
  }
}
