import type { IDBPDatabase } from 'idb';
import type { CueboardDB } from './schema';

/** When a watched write is heard of: as it is asked for (before anything is committed), and once it committed. */
export type WritePhase = 'start' | 'done';

const WRITES = ['put', 'add', 'delete', 'clear'] as const;

/**
 * Hear of every write to one of `stores` on a connection, however it was made (the stores' own transactions and idb's
 * one-call shortcuts alike, which open theirs through the same method). Per transaction: 'start' at its first write
 * to a watched store, before anything is committed, and 'done' once it committed; a listener acting at both is ahead
 * of the commit and behind it, so nothing read in between outlives the change. A transaction that only reads a watched
 * store (several read-write ones span stores they write only now and then) is not heard of; an aborted one tells only
 * 'start'.
 *
 * idb forwards an assignment on its wrapper to the connection and calls the connection's own methods (its shortcuts
 * included), so own properties on the connection, each transaction and each store see every call.
 */
export function watchWrites(db: IDBPDatabase<CueboardDB>, stores: ReadonlySet<string>, heard: (phase: WritePhase) => void): void {
  // The prototypes' own methods, called below with the real object as `this`.
  /* eslint-disable @typescript-eslint/unbound-method */
  const open = IDBDatabase.prototype.transaction;
  const storeOf = IDBTransaction.prototype.objectStore;
  /* eslint-enable @typescript-eslint/unbound-method */
  (db as unknown as { transaction: IDBDatabase['transaction'] }).transaction = function (this: IDBDatabase, names, mode, options) {
    const tx = open.call(this, names, mode, options);
    if (mode !== 'readwrite' || !(typeof names === 'string' ? [names] : [...names]).some((name) => stores.has(name))) return tx;
    let wrote = false;
    const written = () => {
      if (wrote) return;
      wrote = true;
      heard('start');
      tx.addEventListener('complete', () => heard('done'));
    };
    tx.objectStore = function (this: IDBTransaction, name: string) {
      const store = storeOf.call(this, name);
      if (stores.has(name)) {
        for (const method of WRITES) {
          // eslint-disable-next-line @typescript-eslint/unbound-method -- called with the store as `this` below
          const write = IDBObjectStore.prototype[method] as (...args: unknown[]) => IDBRequest;
          (store as unknown as Record<string, unknown>)[method] = function (this: IDBObjectStore, ...args: unknown[]) {
            written();
            return write.apply(this, args);
          };
        }
      }
      return store;
    };
    return tx;
  };
}
