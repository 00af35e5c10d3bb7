import type { CalendarKind, CueSnapshot, OutboxEntry, SeriesRecord } from '@/src/core/calendar-sync';

/** Stored credentials for one calendar account. Kept in IndexedDB on this machine only; never logged or synced. */
export interface StoredAuth {
  provider: Exclude<CalendarKind, 'local'>;
  accessToken: string;
  /** Epoch ms. */
  expiresAt: number;
  refreshToken?: string;
  /** Epoch ms after which the refresh token is dead (Microsoft SPA tokens live 24 h). */
  refreshExpiresAt?: number;
  scope?: string;
  /** Set when renewal failed: the person is asked, calmly, to connect again. Nothing is lost meanwhile. */
  needsReconnect?: boolean;
}

/** What calendar providers keep locally: the outbox, the series they wrote, the last poll, the credentials. */
export interface CalendarStore {
  /** Queue (or re-queue) a habit's sync; an existing entry keeps its place and resets its backoff. */
  enqueue(entry: OutboxEntry): Promise<void>;
  outbox(provider: OutboxEntry['provider']): Promise<OutboxEntry[]>;
  /**
   * Read, change and write one entry in a single transaction; an entry no longer there stays gone (a completed sync
   * must not be resurrected by its own bookkeeping). A drain's bookkeeping builds on the entry as stored, never on the
   * copy it read before its request: a page may have queued the habit again meanwhile, or the worker queued a removal.
   */
  updateOutbox(id: string, change: (stored: OutboxEntry) => OutboxEntry): Promise<void>;
  /** Remove the entry only if it was not queued again since `queuedAt` (an edit during a sync must not be lost). */
  completeOutbox(id: string, queuedAt: number): Promise<void>;
  /**
   * Replace all of a provider's entries at once, from what is stored in the same transaction (queueing removals in
   * place of waiting writes, or dropping them): an entry queued meanwhile is not dropped unseen.
   */
  replaceOutbox(provider: OutboxEntry['provider'], change: (stored: OutboxEntry[]) => readonly OutboxEntry[]): Promise<void>;

  series(provider: SeriesRecord['provider'], habitId: string): Promise<SeriesRecord[]>;
  allSeries(provider: SeriesRecord['provider']): Promise<SeriesRecord[]>;
  putSeries(record: SeriesRecord): Promise<void>;

  snapshot(provider: CueSnapshot['provider']): Promise<CueSnapshot | undefined>;
  putSnapshot(snapshot: CueSnapshot): Promise<void>;

  /** Where Cueboard itself put each flexible instance it moved, latest last, by instance id (other positions are the person's). */
  ownMoves(provider: CueSnapshot['provider']): Promise<Record<string, number[]>>;
  /**
   * Record a move Cueboard is about to make, before it is sent (an answer lost on the way must not make Cueboard's own
   * move look like the person's), in one transaction; the last few positions are kept, and marks of instances whose
   * positions are all older than `dropBefore` are dropped.
   */
  recordOwnMove(provider: CueSnapshot['provider'], instanceId: string, at: number, dropBefore: number): Promise<void>;

  auth(provider: StoredAuth['provider']): Promise<StoredAuth | undefined>;
  /** Store credentials just given by a sign-in or a renewal, whole: they replace what was there. */
  putAuth(auth: StoredAuth): Promise<void>;
  /**
   * Read, change and write the stored credentials in one transaction (the reconnect flag): a renewal that lands
   * meanwhile is not overwritten by an older copy. Nothing is written when none are stored; returns what is stored.
   * `change` must be synchronous.
   */
  updateAuth(provider: StoredAuth['provider'], change: (stored: StoredAuth) => StoredAuth): Promise<StoredAuth | undefined>;
  /** Forget the credentials, the waiting writes and the last poll; keep the records of series written (they still exist). */
  forget(provider: StoredAuth['provider']): Promise<void>;
}
