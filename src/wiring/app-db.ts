import { dbHandle } from '@/src/adapters/storage/db-handle';
import { dropGlanceHere } from './glance-dropper';

/**
 * The stores whose writes can change what the popup and the new tab show: a write to any of them drops the glance
 * snapshot, as it starts and again once it committed. Not here: `habitStats` (the dashboard writes back what it
 * derived, the same figures), `meta` (the sweep's bookmark, drafts; the worker drops after a backup itself), and the
 * calendar's stores (every poll rewrites them; the worker drops when a poll moved a cue's alarm).
 */
const GLANCE_STORES: ReadonlySet<string> = new Set(['habits', 'checkIns', 'cueEvents', 'outcomes', 'outcomeValues', 'settings']);

/** This page's (or the worker's) one way to Cueboard's database, shared by every store: one connection, reopened when closed. */
export const appDb = dbHandle(undefined, { stores: GLANCE_STORES, heard: dropGlanceHere });
