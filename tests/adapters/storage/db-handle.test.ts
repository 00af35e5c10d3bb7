import { describe, expect, it } from 'vitest';
import { dbHandle, ReloadNeeded } from '@/src/adapters/storage/db-handle';
import { IdbCalendarStore } from '@/src/adapters/storage/idb-calendar-store';
import { IdbCoachingStore } from '@/src/adapters/storage/idb-coaching-store';
import { IdbFocusStore } from '@/src/adapters/storage/idb-focus-store';
import { IdbRepository } from '@/src/adapters/storage/idb-repository';
import { DB_NAME, DB_VERSION } from '@/src/adapters/storage/schema';
import { aHabit } from '../../fakes/habits';

/** Another window's request: open at `version` (a newer Cueboard) and keep the connection. */
function openElsewhere(version: number): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, version);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function deleteElsewhere(): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(DB_NAME);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
  });
}

describe('the database handle', () => {
  it('opens the connection again after it was closed, for every store', async () => {
    const handle = dbHandle();
    const repo = new IdbRepository(handle);
    await repo.putHabits([aHabit({ id: 'a' })]);
    const first = await handle.db();
    first.close();
    // Before the handle, every store held this connection: each call now fails.
    await expect(new IdbRepository(first).habits()).rejects.toMatchObject({ name: 'InvalidStateError' });

    expect((await repo.habits()).map((h) => h.id)).toEqual(['a']);
    expect(await new IdbCalendarStore(handle).outbox('google')).toEqual([]);
    expect(await new IdbCoachingStore(handle).experiments()).toEqual([]);
    expect(await new IdbFocusStore(handle).current()).toBeUndefined();
    const second = await handle.db();
    expect(second).not.toBe(first);
    // One connection again, shared: closing is noticed once, not per store.
    expect(await handle.db()).toBe(second);
  });

  it('keeps working after another window deleted the database (the connection was closed to let it)', async () => {
    const handle = dbHandle();
    const repo = new IdbRepository(handle);
    await repo.putHabits([aHabit({ id: 'a' })]);
    await deleteElsewhere();
    expect(await repo.habits()).toEqual([]);
    await repo.putHabits([aHabit({ id: 'b' })]);
    expect((await repo.habits()).map((h) => h.id)).toEqual(['b']);
  });

  it('says the page must be reloaded when a newer schema took the database over', async () => {
    const handle = dbHandle();
    const repo = new IdbRepository(handle);
    await repo.putHabits([aHabit({ id: 'a' })]);
    // A newer Cueboard opens at a higher version: this connection closes so the upgrade is not blocked.
    const newer = await openElsewhere(DB_VERSION + 1);
    const failure = await repo.habits().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ReloadNeeded);
    expect((failure as Error).message).toBe('Cueboard’s data was updated in another window. Reload this page.');
    // Nothing stays stuck: each later call asks again, and gives the same clear answer.
    await expect(new IdbCalendarStore(handle).outbox('google')).rejects.toBeInstanceOf(ReloadNeeded);
    newer.close();
  });

  it('a page opened after a newer schema took over is told to reload', async () => {
    const newer = await openElsewhere(DB_VERSION + 1);
    newer.close();
    await expect(dbHandle().db()).rejects.toBeInstanceOf(ReloadNeeded);
  });
});
