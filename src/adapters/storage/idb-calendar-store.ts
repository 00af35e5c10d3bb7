import type { CueSnapshot, OutboxEntry, SeriesRecord } from '@/src/core/calendar-sync';
import type { CalendarStore, StoredAuth } from '@/src/ports/calendar-store';
import { handleOf, type DbHandle, type DbSource } from './db-handle';
import type { MetaValues } from './schema';

/** The CalendarStore port over IndexedDB. */
export class IdbCalendarStore implements CalendarStore {
  /** The open connection; given a handle, opened again once it was closed (see db-handle.ts). */
  private readonly db: DbHandle['db'];

  constructor(source: DbSource) {
    const handle = handleOf(source);
    this.db = () => handle.db();
  }

  async enqueue(entry: OutboxEntry): Promise<void> {
    await (await this.db()).put('outbox', entry);
  }

  async outbox(provider: OutboxEntry['provider']): Promise<OutboxEntry[]> {
    return (await (await this.db()).getAll('outbox')).filter((e) => e.provider === provider).sort((a, b) => a.nextAttemptAt - b.nextAttemptAt);
  }

  async updateOutbox(id: string, change: (stored: OutboxEntry) => OutboxEntry): Promise<void> {
    // Only an entry that is still there: a completed sync must not be resurrected by its own bookkeeping.
    await this.update('outbox', id, change);
  }

  async completeOutbox(id: string, queuedAt: number): Promise<void> {
    const tx = (await this.db()).transaction('outbox', 'readwrite');
    const current = await tx.store.get(id);
    if (current && current.queuedAt === queuedAt) await tx.store.delete(id);
    await tx.done;
  }

  async replaceOutbox(provider: OutboxEntry['provider'], change: (stored: OutboxEntry[]) => readonly OutboxEntry[]): Promise<void> {
    const tx = (await this.db()).transaction('outbox', 'readwrite');
    const stored = (await tx.store.getAll()).filter((entry) => entry.provider === provider);
    // Nothing is written before the change: if it throws, the entries stay as they were.
    const entries = change(stored);
    for (const entry of stored) await tx.store.delete(entry.id);
    for (const entry of entries) await tx.store.put(entry);
    await tx.done;
  }

  async series(provider: SeriesRecord['provider'], habitId: string): Promise<SeriesRecord[]> {
    return (await this.db()).getAllFromIndex('series', 'byHabit', [provider, habitId]);
  }

  async allSeries(provider: SeriesRecord['provider']): Promise<SeriesRecord[]> {
    return (await this.db()).getAllFromIndex('series', 'byHabit', IDBKeyRange.bound([provider, ''], [provider, '\uffff']));
  }

  async putSeries(record: SeriesRecord): Promise<void> {
    await (await this.db()).put('series', record);
  }

  async snapshot(provider: CueSnapshot['provider']): Promise<CueSnapshot | undefined> {
    return (await this.db()).get('cueSnapshots', provider);
  }

  async putSnapshot(snapshot: CueSnapshot): Promise<void> {
    await (await this.db()).put('cueSnapshots', snapshot);
  }

  async ownMoves(provider: CueSnapshot['provider']): Promise<Record<string, number[]>> {
    return ((await (await this.db()).get('meta', 'flexMoves')) as MetaValues['flexMoves'] | undefined)?.[provider] ?? {};
  }

  async recordOwnMove(provider: CueSnapshot['provider'], instanceId: string, at: number, dropBefore: number): Promise<void> {
    const tx = (await this.db()).transaction('meta', 'readwrite');
    const all = ((await tx.store.get('flexMoves')) as MetaValues['flexMoves'] | undefined) ?? {};
    // Marks of instances long past are dropped, so the record stays a few days' worth; three positions per instance
    // cover a move whose answer was lost and the one after it.
    const kept = Object.entries(all[provider] ?? {}).filter(([, starts]) => starts.some((start) => start >= dropBefore));
    const positions = [...(all[provider]?.[instanceId] ?? []).filter((p) => p !== at), at].slice(-3);
    await Promise.all([tx.store.put({ ...all, [provider]: { ...Object.fromEntries(kept), [instanceId]: positions } }, 'flexMoves'), tx.done]);
  }

  async auth(provider: StoredAuth['provider']): Promise<StoredAuth | undefined> {
    return (await this.db()).get('auth', provider);
  }

  async putAuth(auth: StoredAuth): Promise<void> {
    await (await this.db()).put('auth', auth);
  }

  updateAuth(provider: StoredAuth['provider'], change: (stored: StoredAuth) => StoredAuth): Promise<StoredAuth | undefined> {
    return this.update('auth', provider, change);
  }

  /**
   * Read, change and write one record in one transaction. An absent record stays absent; a change that returns the
   * record as it is writes nothing, and one that throws leaves it as it was (nothing is written before it).
   */
  private async update<T extends OutboxEntry | StoredAuth>(name: 'outbox' | 'auth', key: string, change: (stored: T) => T): Promise<T | undefined> {
    const tx = (await this.db()).transaction(name, 'readwrite');
    const stored = (await tx.store.get(key)) as T | undefined;
    const next = stored && change(stored);
    if (next && next !== stored) await tx.store.put(next);
    await tx.done;
    return next;
  }

  async forget(provider: StoredAuth['provider']): Promise<void> {
    const tx = (await this.db()).transaction(['auth', 'outbox', 'cueSnapshots'], 'readwrite');
    const outbox = tx.objectStore('outbox');
    const outboxEntries = await outbox.getAll();
    // The series records stay: the events stay in the calendar, and after a reconnect the old series must still be
    // ended (not written beside) when the schedule changed meanwhile.
    await Promise.all([
      tx.objectStore('auth').delete(provider),
      tx.objectStore('cueSnapshots').delete(provider),
      ...outboxEntries.filter((e) => e.provider === provider).map((e) => outbox.delete(e.id)),
      tx.done,
    ]);
  }
}
