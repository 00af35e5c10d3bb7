import { IdbFocusStore } from '@/src/adapters/storage/idb-focus-store';
import type { FocusStore } from '@/src/ports/focus-store';
import { appDb } from './app-db';

let store: Promise<FocusStore> | undefined;

/** The focus store for a page (read only there: a page changes a block by asking the worker, which owns its rules). */
export function focusStore(): Promise<FocusStore> {
  store ??= appDb.db().then(() => new IdbFocusStore(appDb));
  return store;
}
