import { openDB, type IDBPDatabase } from 'idb';
import { DB_NAME, DB_VERSION, type CueboardDB } from './schema';
import { upgrade } from './upgrade';

/** Open (and upgrade) Cueboard's database. An old page holding it open closes on request, so upgrades never stall. */
export function openCueboardDb(name: string = DB_NAME): Promise<IDBPDatabase<CueboardDB>> {
  return openDB<CueboardDB>(name, DB_VERSION, {
    upgrade,
    blocking(_current, _next, event) {
      (event.target as IDBDatabase).close();
    },
  });
}
