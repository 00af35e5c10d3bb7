import { IdbFocusStore } from '@/src/adapters/storage/idb-focus-store';
import { openCueboardDb } from '@/src/adapters/storage/open-db';
import type { FocusStore } from '@/src/ports/focus-store';

let store: Promise<FocusStore> | undefined;

/** The focus store for a page (read only there: a page changes a block by asking the worker, which owns its rules). */
export function focusStore(): Promise<FocusStore> {
  store ??= openCueboardDb().then((db) => new IdbFocusStore(db));
  return store;
}
