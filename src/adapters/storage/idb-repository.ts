import type { BackupState } from '@/src/core/data/backups';
import type { CheckIn } from '@/src/core/check-in';
import type { CueEvent } from '@/src/core/cue-event';
import type { Habit } from '@/src/core/habit';
import type { Outcome } from '@/src/core/outcome';
import type { HabitStats } from '@/src/core/metrics/habit-metrics';
import type { OutcomeValue } from '@/src/core/metrics/outcome-trend';
import { DEFAULT_SETTINGS, type Settings } from '@/src/core/settings';
import type { Repository } from '@/src/ports/repository';
import { handleOf, type DbHandle, type DbSource } from './db-handle';
import type { MetaValues } from './schema';
import { dropStaleStats } from './stale-stats';

const SETTINGS_KEY = 'settings';

/** The Repository port over IndexedDB. Multi-record writes share one transaction, so they land whole or not at all. */
export class IdbRepository implements Repository {
  /** The open connection; given a handle, opened again once it was closed (see db-handle.ts). */
  private readonly db: DbHandle['db'];

  constructor(source: DbSource) {
    const handle = handleOf(source);
    this.db = () => handle.db();
  }

  async habits(): Promise<Habit[]> {
    return (await this.db()).getAll('habits');
  }

  async habit(id: string): Promise<Habit | undefined> {
    return (await this.db()).get('habits', id);
  }

  async putHabits(habits: readonly Habit[]): Promise<void> {
    const tx = (await this.db()).transaction('habits', 'readwrite');
    await Promise.all([...habits.map((h) => tx.store.put(h)), tx.done]);
  }

  async outcomes(): Promise<Outcome[]> {
    return (await this.db()).getAll('outcomes');
  }

  async putOutcome(outcome: Outcome): Promise<void> {
    await (await this.db()).put('outcomes', outcome);
  }

  async checkIns(habitId: string, fromDate: string, toDate: string): Promise<CheckIn[]> {
    return (await this.db()).getAllFromIndex('checkIns', 'byHabitDate', IDBKeyRange.bound([habitId, fromDate], [habitId, toDate]));
  }

  async addCheckIn(checkIn: CheckIn, answer?: (stored: CueEvent | undefined) => CueEvent | undefined): Promise<boolean> {
    const tx = (await this.db()).transaction(['checkIns', 'cueEvents', 'habitStats'], 'readwrite');
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
    const tx = (await this.db()).transaction('cueEvents', 'readwrite');
    const next = change(await tx.store.get(id));
    await Promise.all([tx.store.put(next), tx.done]);
    return next;
  }

  async removeCheckIn(id: string, reopen?: (event: CueEvent) => CueEvent): Promise<CheckIn | undefined> {
    const tx = (await this.db()).transaction(['checkIns', 'cueEvents', 'habitStats'], 'readwrite');
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

  async cueEvent(id: string): Promise<CueEvent | undefined> {
    return (await this.db()).get('cueEvents', id);
  }

  async pendingSnoozes(now: number): Promise<CueEvent[]> {
    return (await this.db()).getAllFromIndex('cueEvents', 'bySnoozedUntil', IDBKeyRange.lowerBound(now, true));
  }

  async backups(): Promise<BackupState | undefined> {
    return (await (await this.db()).get('meta', 'backups')) as BackupState | undefined;
  }

  async settings(): Promise<Settings> {
    return { ...DEFAULT_SETTINGS, ...(await (await this.db()).get('settings', SETTINGS_KEY)) };
  }

  async updateSettings(change: (stored: Settings) => Settings): Promise<Settings> {
    const tx = (await this.db()).transaction('settings', 'readwrite');
    const stored = { ...DEFAULT_SETTINGS, ...(await tx.store.get(SETTINGS_KEY)) };
    // Nothing is written before the change: if it throws, the settings stay as they were. A change that keeps the
    // record as it is (returns `stored`) writes nothing.
    const next = change(stored);
    if (next !== stored) await tx.store.put(next, SETTINGS_KEY);
    await tx.done;
    return next;
  }

  /** @deprecated See the port: the bench's setup only. */
  async cueEvents(habitId: string, fromMs: number, toMs: number): Promise<CueEvent[]> {
    return (await this.db()).getAllFromIndex('cueEvents', 'byHabitCue', IDBKeyRange.bound([habitId, fromMs], [habitId, toMs], false, true));
  }

  async cuesSeenUntil(): Promise<number | undefined> {
    return (await (await this.db()).get('meta', 'cuesSeenUntil')) as MetaValues['cuesSeenUntil'] | undefined;
  }

  async putCuesSeenUntil(at: number): Promise<void> {
    await (await this.db()).put('meta', at, 'cuesSeenUntil');
  }

  async habitStats(habitId: string): Promise<HabitStats | undefined> {
    return (await this.db()).get('habitStats', habitId);
  }

  async putHabitStats(stats: HabitStats, readStamp: number): Promise<boolean> {
    const tx = (await this.db()).transaction('habitStats', 'readwrite');
    const current = await tx.store.get(stats.habitId);
    const fresh = (current?.stamp ?? 0) === readStamp;
    if (fresh) void tx.store.put({ ...stats, stamp: readStamp + 1 });
    await tx.done;
    return fresh;
  }

  async outcomeValues(outcomeId: string, limit: number): Promise<OutcomeValue[]> {
    const out: OutcomeValue[] = [];
    let cursor = await (
      await this.db()
    )
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
    await (await this.db()).add('outcomeValues', value);
  }

  async trapDismissals(): Promise<Record<string, number>> {
    return ((await (await this.db()).get('meta', 'trapDismissals')) as MetaValues['trapDismissals'] | undefined) ?? {};
  }

  async updateTrapDismissals(change: (stored: Record<string, number>) => Record<string, number>): Promise<Record<string, number>> {
    const tx = (await this.db()).transaction('meta', 'readwrite');
    const next = change(((await tx.store.get('trapDismissals')) as MetaValues['trapDismissals'] | undefined) ?? {});
    await Promise.all([tx.store.put(next, 'trapDismissals'), tx.done]);
    return next;
  }
}
