/**
 * The glance snapshot: what the popup and the new tab last showed, kept in the extension origin's localStorage (the
 * one place a page can read synchronously, before any module, IndexedDB or Temporal work) so the first script can
 * paint it at once (public/glance.js). The keys and the snapshot's shape are shared with that script and with the
 * pages' reader (src/ui/glance/painted-glance.ts), which keep their own copies so the pages' first scripts stay small:
 * tests/adapters/browser/glance-store.test.ts holds the three to the same keys.
 *
 * Never shown stale: every change that alters a glance drops both snapshots and moves the epoch on (`dropGlance`), in
 * the same step that commits it; a page writes its snapshot only if the epoch did not move while it read its data.
 */
export type GlancePage = 'popup' | 'newtab';

export const GLANCE_KEYS: Record<GlancePage, string> = { popup: 'cueboard:glance:popup', newtab: 'cueboard:glance:newtab' };
export const GLANCE_EPOCH = 'cueboard:glance-epoch';
export const GLANCE_VERSION = 1;

export interface GlanceSnapshot<V> {
  v: number;
  /** The zone the markup's times were written in; another zone paints nothing. */
  tz: string;
  /** Epoch milliseconds after which the glance may have changed with time alone (a cue passed, a new day). */
  until: number;
  /** The markup the page's first render with `view` produces (the first script paints it). */
  html: string;
  /** The data behind it: the module renders from it first, over the same nodes. */
  view: V;
}

/**
 * Where a snapshot lives: localStorage, or a stand-in in tests. (Parameters are named `place`: a free-looking
 * `storage` makes WXT's build add its own storage module to every page, auto-imports off or not.)
 */
export type GlanceStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Drop both snapshots and move the epoch on: after this no page paints what was true before. */
export function dropGlance(place: GlanceStorage = localStorage): void {
  // Removed first: a full storage that refuses the epoch's write still loses the old snapshots.
  place.removeItem(GLANCE_KEYS.popup);
  place.removeItem(GLANCE_KEYS.newtab);
  place.setItem(GLANCE_EPOCH, String(glanceEpoch(place) + 1));
}

/** The current epoch: read before a page reads its data, handed to `saveGlance` after. */
export function glanceEpoch(place: GlanceStorage = localStorage): number {
  return Number(place.getItem(GLANCE_EPOCH)) || 0;
}

/**
 * Keep a page's snapshot, unless a change was committed since `epoch` was read (the data behind it may be old). A full
 * storage (the quota) only costs the next open its head start.
 */
export function saveGlance<V>(page: GlancePage, snapshot: GlanceSnapshot<V>, epoch: number, place: GlanceStorage = localStorage): boolean {
  if (glanceEpoch(place) !== epoch) return false;
  try {
    place.setItem(GLANCE_KEYS[page], JSON.stringify(snapshot));
    return true;
  } catch {
    place.removeItem(GLANCE_KEYS[page]);
    return false;
  }
}
