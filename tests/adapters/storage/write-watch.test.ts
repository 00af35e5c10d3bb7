import { describe, expect, it } from 'vitest';
import { dbHandle } from '@/src/adapters/storage/db-handle';
import { IdbRepository } from '@/src/adapters/storage/idb-repository';
import type { WritePhase } from '@/src/adapters/storage/write-watch';
import { aHabit } from '../../fakes/habits';

/** A handle watching `stores`, and what it heard. */
function watched(stores: string[]) {
  const heard: WritePhase[] = [];
  const handle = dbHandle(undefined, { stores: new Set(stores), heard: (phase) => heard.push(phase) });
  return { handle, heard, repo: new IdbRepository(handle) };
}

describe('the write watch', () => {
  it('hears a write to a watched store before its commit and after it, through the stores and idb’s shortcuts', async () => {
    const { handle, heard, repo } = watched(['habits']);
    await repo.putHabits([aHabit({ id: 'h1' })]);
    expect(heard).toEqual(['start', 'done']);

    // idb's one-call shortcut opens its transaction through the same method.
    const db = await handle.db();
    heard.length = 0;
    await db.put('habits', aHabit({ id: 'h2' }));
    expect(heard).toEqual(['start', 'done']);

    // 'start' comes as the write is asked for, before the transaction commits; 'done' once it did.
    const log: string[] = [];
    const probe = dbHandle(undefined, { stores: new Set(['habits']), heard: (phase) => log.push(phase) });
    const tx = (await probe.db()).transaction('habits', 'readwrite');
    const put = tx.store.put(aHabit({ id: 'h3' }));
    log.push('asked');
    tx.addEventListener('complete', () => log.push('committed'));
    await Promise.all([put, tx.done]);
    expect(log).toEqual(['start', 'asked', 'done', 'committed']);
  });

  it('hears nothing of reads, of writes to other stores, or of a read-write transaction that only reads a watched one', async () => {
    const { handle, heard, repo } = watched(['habits', 'checkIns']);
    const db = await handle.db();
    await repo.habits();
    await db.put('habitStats', { habitId: 'h1' } as never);
    const tx = db.transaction(['habits', 'habitStats'], 'readwrite');
    await tx.objectStore('habits').get('h1');
    await tx.objectStore('habitStats').put({ habitId: 'h2' } as never);
    await tx.done;
    expect(heard).toEqual([]);
  });

  it('tells only the start of a write whose transaction aborted', async () => {
    const { handle, heard } = watched(['habits']);
    const db = await handle.db();
    const tx = db.transaction('habits', 'readwrite');
    void tx.store.put(aHabit({ id: 'h1' })).catch(() => undefined);
    tx.abort();
    await tx.done.catch(() => undefined);
    expect(heard).toEqual(['start']);
  });

  it('watches a connection opened again after the first was closed', async () => {
    const { handle, heard, repo } = watched(['habits']);
    (await handle.db()).close();
    await repo.putHabits([aHabit({ id: 'h1' })]);
    expect(heard).toEqual(['start', 'done']);
  });
});
