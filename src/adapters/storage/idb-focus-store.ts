import type { MeasureEntry } from '@/src/core/experiment';
import { DEFAULT_FOCUS_PREFS, type FocusPrefs } from '@/src/core/focus-sites';
import type { FocusRecord, FocusStore } from '@/src/ports/focus-store';
import { handleOf, type DbHandle, type DbSource } from './db-handle';
import type { MetaValues } from './schema';
import { dropStaleStats } from './stale-stats';

/** The FocusStore port over IndexedDB: the current block and the prefs in `meta`, ended blocks in `focusSessions`. */
export class IdbFocusStore implements FocusStore {
  /** The open connection; given a handle, opened again once it was closed (see db-handle.ts). */
  private readonly db: DbHandle['db'];

  constructor(source: DbSource) {
    const handle = handleOf(source);
    this.db = () => handle.db();
  }

  async prefs(): Promise<FocusPrefs> {
    return { ...DEFAULT_FOCUS_PREFS, ...((await (await this.db()).get('meta', 'focusPrefs')) as MetaValues['focusPrefs'] | undefined) };
  }

  async updatePrefs(change: (stored: FocusPrefs) => FocusPrefs): Promise<FocusPrefs> {
    const tx = (await this.db()).transaction('meta', 'readwrite');
    const stored = { ...DEFAULT_FOCUS_PREFS, ...((await tx.store.get('focusPrefs')) as MetaValues['focusPrefs'] | undefined) };
    const next = guarded(tx, () => change(stored));
    await Promise.all([tx.store.put(next, 'focusPrefs'), tx.done]);
    return next;
  }

  async current(): Promise<FocusRecord | undefined> {
    return (await (await this.db()).get('meta', 'focusSession')) as MetaValues['focusSession'] | undefined;
  }

  async updateCurrent(
    change: (stored: FocusRecord | undefined) => FocusRecord | undefined,
    ending?: Parameters<FocusStore['updateCurrent']>[1],
  ): Promise<FocusRecord | undefined> {
    const tx = (await this.db()).transaction(['meta', 'focusSessions', 'checkIns', 'cueEvents', 'habitStats'], 'readwrite');
    const meta = tx.objectStore('meta');
    const stored = (await meta.get('focusSession')) as MetaValues['focusSession'] | undefined;
    let next = guarded(tx, () => change(stored));
    if (!next) {
      await Promise.all([meta.delete('focusSession'), tx.done]);
      return undefined;
    }
    const endsNow = next.state === 'ended' && stored?.state !== 'ended';
    if (endsNow && ending) {
      const { checkIn, answer } = guarded(tx, () => ending(next!));
      if (checkIn) {
        const events = tx.objectStore('cueEvents');
        if (answer && checkIn.cueAt !== undefined) await events.put(answer(await events.get(`${checkIn.habitId}|${checkIn.cueAt}`)));
        await tx.objectStore('checkIns').put(checkIn);
        await dropStaleStats(tx.objectStore('habitStats'), checkIn);
        next = { ...next, checkInId: checkIn.id };
      }
    }
    if (next.state === 'ended') await tx.objectStore('focusSessions').put(next);
    await Promise.all([meta.put(next, 'focusSession'), tx.done]);
    return next;
  }

  async rate(sessionId: string, rating: { value: number; note?: string } | undefined, measure?: MeasureEntry): Promise<void> {
    const tx = (await this.db()).transaction(['meta', 'focusSessions', 'checkIns', 'measures'], 'readwrite');
    const meta = tx.objectStore('meta');
    const current = (await meta.get('focusSession')) as MetaValues['focusSession'] | undefined;
    if (current?.id === sessionId) await meta.delete('focusSession');
    const record = await tx.objectStore('focusSessions').get(sessionId);
    if (record && rating) {
      await tx.objectStore('focusSessions').put({ ...record, rating: rating.value, ...(rating.note ? { note: rating.note } : {}) });
      const checkIns = tx.objectStore('checkIns');
      const checkIn = record.checkInId ? await checkIns.get(record.checkInId) : undefined;
      if (checkIn) await checkIns.put({ ...checkIn, rating: rating.value, ...(rating.note ? { note: rating.note } : {}) });
      if (measure) await tx.objectStore('measures').put(measure);
    }
    await tx.done;
  }

  async history(limit: number): Promise<FocusRecord[]> {
    const out: FocusRecord[] = [];
    let cursor = await (await this.db()).transaction('focusSessions').store.index('byEnded').openCursor(null, 'prev');
    while (cursor && out.length < limit) {
      out.push(cursor.value);
      cursor = await cursor.continue();
    }
    return out;
  }
}

/** Run a caller's change inside a transaction; if it throws, nothing of the transaction lands. */
function guarded<T>(tx: { abort(): void; done: Promise<void> }, run: () => T): T {
  try {
    return run();
  } catch (error) {
    tx.done.catch(() => undefined);
    tx.abort();
    throw error;
  }
}
