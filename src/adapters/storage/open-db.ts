import { openDB, type IDBPDatabase } from 'idb';
import { DB_NAME, DB_VERSION, type CueboardDB } from './schema';
import type { upgrade as Ladder } from './upgrade';

/** The upgrade ladder, once fetched: only an open that finds the database older than this code needs it. */
let ladder: typeof Ladder | undefined;

/**
 * Open (and upgrade) Cueboard's database. An old page holding it open closes on request, so upgrades never stall.
 *
 * The ladder is not in a page's first script: nearly every open finds the database current. When one does not (the
 * first start, the first open after an update) the upgrade is cancelled — the database stays exactly as it was — and
 * the open is tried again with the ladder fetched.
 *
 * `closed` hears of every way the connection ends: closed for a newer version or a deletion elsewhere, by the browser,
 * or by any code calling close() (idb forwards the assignment below to the connection, so the blocking handler's own
 * close() goes through it too).
 */
export async function openCueboardDb(name: string = DB_NAME, closed?: () => void): Promise<IDBPDatabase<CueboardDB>> {
  let wanted = false;
  const open = () =>
    openDB<CueboardDB>(name, DB_VERSION, {
      upgrade(db, oldVersion, newVersion, tx) {
        if (ladder) return ladder(db, oldVersion, newVersion, tx);
        wanted = true;
        tx.done.catch(() => undefined);
        tx.abort();
      },
      blocking(_current, _next, event) {
        (event.target as IDBDatabase).close();
      },
      ...(closed ? { terminated: closed } : {}),
    });
  const db = await open().catch(async (error: unknown) => {
    if (!wanted) throw error;
    ladder = (await import('./upgrade')).upgrade;
    return open();
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
