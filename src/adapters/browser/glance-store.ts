/**
 * The glance snapshot: what the popup and the new tab last showed, kept in the extension origin's localStorage (the
 * one storage a page can read synchronously, before any module, IndexedDB or Temporal work) so the first script can
 * paint it at once (public/glance.js). The keys and the snapshot's shape are shared with that script: change both.
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

/** The storage a snapshot lives in: localStorage, or a stand-in in tests. */
export type GlanceStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Drop both snapshots and move the epoch on: after this no page paints what was true before. */
export function dropGlance(storage: GlanceStorage = localStorage): void {
  storage.setItem(GLANCE_EPOCH, String(glanceEpoch(storage) + 1));
  storage.removeItem(GLANCE_KEYS.popup);
  storage.removeItem(GLANCE_KEYS.newtab);
}

/** The current epoch: read before a page reads its data, handed to `saveGlance` after. */
export function glanceEpoch(storage: GlanceStorage = localStorage): number {
  return Number(storage.getItem(GLANCE_EPOCH)) || 0;
}

/**
 * Keep a page's snapshot, unless a change was committed since `epoch` was read (the data behind it may be old). A full
 * storage (the quota) only costs the next open its head start.
 */
export function saveGlance<V>(page: GlancePage, snapshot: GlanceSnapshot<V>, epoch: number, storage: GlanceStorage = localStorage): boolean {
  if (glanceEpoch(storage) !== epoch) return false;
  try {
    storage.setItem(GLANCE_KEYS[page], JSON.stringify(snapshot));
    return true;
  } catch {
    storage.removeItem(GLANCE_KEYS[page]);
    return false;
  }
}

/** The snapshot the first script painted into `root`, if it painted one (it marks the root). */
export function paintedGlance<V>(page: GlancePage, root: HTMLElement, storage: GlanceStorage = localStorage): GlanceSnapshot<V> | undefined {
  if (root.dataset.glance !== 'painted') return undefined;
  try {
    const snapshot = JSON.parse(storage.getItem(GLANCE_KEYS[page]) ?? 'null') as GlanceSnapshot<V> | null;
    return snapshot?.v === GLANCE_VERSION ? snapshot : undefined;
  } catch {
    return undefined;
  }
}
