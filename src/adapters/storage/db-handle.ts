import type { IDBPDatabase } from 'idb';
import { ReadableError } from '@/src/ports/readable-error';
import { openCueboardDb } from './open-db';
import { watchWrites, type WritePhase } from './write-watch';
import { DB_NAME, type CueboardDB } from './schema';

/** The database could not be opened again: a newer Cueboard changed it, so this page's code is out of date. */
export class ReloadNeeded extends ReadableError {
  constructor(options?: ErrorOptions) {
    super('Cueboard’s data was updated in another window. Reload this page.', options);
    this.name = 'ReloadNeeded';
  }
}

/** Where the stores get their connection: the open one, or a new one once it was closed. */
export interface DbHandle {
  db(): Promise<IDBPDatabase<CueboardDB>>;
}

/**
 * A connection that comes back. A page or the worker keeps its connection for its whole life, but the connection can
 * end under it: closed so another window can upgrade or delete the database, or by the browser. Without this every
 * later read would fail with InvalidStateError; here the next call opens the database again. When that fails (a newer
 * version of the schema is in place: this code cannot read it) the caller gets ReloadNeeded, whose words pages show.
 * `watch`, when given, hears of the writes to its stores on every connection (see watchWrites).
 */
export function dbHandle(name: string = DB_NAME, watch?: { stores: ReadonlySet<string>; heard: (phase: WritePhase) => void }): DbHandle {
  let current: Promise<IDBPDatabase<CueboardDB>> | undefined;
  let opened = false;
  return {
    db() {
      if (current) return current;
      const again = opened;
      const attempt: Promise<IDBPDatabase<CueboardDB>> = (current = openCueboardDb(name, () => {
        // Only this attempt's own connection: a late notice from an older one must not drop a newer.
        if (current === attempt) current = undefined;
      }).then(
        (db) => {
          opened = true;
          // Each connection, the first and every reopened one, is watched the same way.
          if (watch) watchWrites(db, watch.stores, watch.heard);
          return db;
        },
        (error: unknown) => {
          current = undefined;
          // The first open's failure is the page's load error as it was; a reopen's, or a schema newer than this code
          // (VersionError), means this page is out of date.
          throw again || (error as Error | undefined)?.name === 'VersionError' ? new ReloadNeeded({ cause: error }) : error;
        },
      ));
      return attempt;
    },
  };
}

/** What a store is built on: a handle, or one connection as it is (tests and the bench; it does not come back). */
export type DbSource = DbHandle | IDBPDatabase<CueboardDB>;

export function handleOf(source: DbSource): DbHandle {
  return 'db' in source ? source : { db: () => Promise.resolve(source) };
}
