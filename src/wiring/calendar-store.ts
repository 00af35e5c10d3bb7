import type { CalendarStore } from '@/src/ports/calendar-store';
import { appDb } from './app-db';

/**
 * The calendar store, its code fetched on first use. The glance pages need it only with a remote calendar (the last
 * poll's cues), and its code would cost them about 460 bytes of their 20 KB budget; with the local calendar it never
 * loads. Every method of the port returns a promise, so each call can wait for the code. (The worker's bundle holds
 * the code itself: there the import costs nothing.)
 */
export function lazyCalendarStore(): CalendarStore {
  let store: Promise<CalendarStore> | undefined;
  const load = () => (store ??= import('@/src/adapters/storage/idb-calendar-store').then((m) => new m.IdbCalendarStore(appDb)));
  return new Proxy({} as CalendarStore, {
    // Not a promise itself ("then" stays undefined): an object holding the store may be awaited.
    get: (_, name) =>
      typeof name === 'string' && name !== 'then'
        ? (...args: unknown[]) => load().then((loaded) => (loaded as unknown as Record<string, (...a: unknown[]) => unknown>)[name]!(...args))
        : undefined,
  });
}
