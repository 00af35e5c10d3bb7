import { openDB, type IDBPDatabase } from 'idb';
import { DB_NAME, DB_VERSION, type CueboardDB } from './schema';
import { upgrade } from './upgrade';

/**
 * Open (and upgrade) Cueboard's database. An old page holding it open closes on request, so upgrades never stall.
 * `closed` hears of every way the connection ends: closed for a newer version or a deletion elsewhere, by the browser,
 * or by any code calling close() (idb forwards the assignment below to the connection, so the blocking handler's own
 * close() goes through it too).
 */
export async function openCueboardDb(name: string = DB_NAME, closed?: () => void): Promise<IDBPDatabase<CueboardDB>> {
  const db = await openDB<CueboardDB>(name, DB_VERSION, {
    upgrade,
    blocking(_current, _next, event) {
      (event.target as IDBDatabase).close();
    },
    ...(closed ? { terminated: closed } : {}),
  });
  if (closed) {
    const close = db.close.bind(db);
    db.close = () => {
      close();
      closed();
    };
  }
  return db;
}
