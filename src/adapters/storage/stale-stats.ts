import type { IDBPObjectStore, StoreNames } from 'idb';
import type { CheckIn } from '@/src/core/check-in';
import type { CueboardDB } from './schema';

/** The habitStats store inside any read-write transaction that includes it. */
type StatsStore = IDBPObjectStore<CueboardDB, StoreNames<CueboardDB>[], 'habitStats', 'readwrite'>;

/**
 * A check-in on or before the cached dates makes the carried-forward numbers wrong: replace them (same transaction)
 * with an unusable record under a new stamp, so a load that read the old numbers cannot write its result back.
 */
export async function dropStaleStats(store: StatsStore, checkIn: CheckIn): Promise<void> {
  const stats = await store.get(checkIn.habitId);
  if (stats?.configHash && checkIn.localDate > stats.strength.through && checkIn.localDate > stats.streak.through) return;
  const never = { through: '0000-01-01' };
  await store.put({
    habitId: checkIn.habitId,
    configHash: '',
    strength: { ...never, score: 0 },
    streak: { ...never, count: 0 },
    stamp: (stats?.stamp ?? 0) + 1,
  });
}
