import { dropGlance } from '@/src/adapters/browser/glance-store';

/**
 * Drop the glance snapshots from wherever this code runs: a page (or Firefox's background page) reaches the extension's
 * localStorage at once. (Chrome's service worker has no localStorage: see the worker path below.)
 */
export function dropGlanceHere(): void {
  if (typeof localStorage !== 'undefined') dropGlance(localStorage);
}

/** Resolves once every drop asked for so far is done (at once where localStorage is at hand). */
export function glanceDropsSettled(): Promise<void> {
  return Promise.resolve();
}
