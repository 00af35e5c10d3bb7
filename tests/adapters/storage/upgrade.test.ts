import { describe, expect, it } from 'vitest';
import { IdbRepository } from '@/src/adapters/storage/idb-repository';
import { openCueboardDb } from '@/src/adapters/storage/open-db';
import { DB_VERSION } from '@/src/adapters/storage/schema';
import { DEFAULT_SETTINGS } from '@/src/core/settings';
import { V1_RECORDS, writeV1Database } from '../../fixtures/db-v1';

const byId = <T extends { id: string }>(records: T[]) => [...records].sort((a, b) => a.id.localeCompare(b.id));

describe('schema upgrade ladder', () => {
  it('upgrades a version-1 database to today with every record kept', async () => {
    await writeV1Database('cueboard');
    const db = await openCueboardDb();
    expect(db.version).toBe(DB_VERSION);

    expect(byId(await db.getAll('outcomes'))).toEqual(byId(V1_RECORDS.outcomes));
    expect(byId(await db.getAll('habits'))).toEqual(byId(V1_RECORDS.habits));
    expect(byId(await db.getAll('checkIns'))).toEqual(byId(V1_RECORDS.checkIns));

    // The stores and indexes version 2 added work on the old data.
    const repo = new IdbRepository(db);
    expect(await db.countFromIndex('checkIns', 'byDate', '2026-02-04')).toBe(V1_RECORDS.checkIns.filter((c) => c.localDate === '2026-02-04').length);
    expect(await repo.checkIns('h1', '2026-02-01', '2026-02-10')).toEqual(
      V1_RECORDS.checkIns.filter((c) => c.habitId === 'h1' && c.localDate <= '2026-02-10').sort((a, b) => a.localDate.localeCompare(b.localDate) || a.id.localeCompare(b.id)),
    );
    expect(await repo.settings()).toEqual(DEFAULT_SETTINGS);
    await repo.putCueEvent({ id: 'h1|1', habitId: 'h1', cueAt: 1 });
    expect(await repo.cueEvent('h1|1')).toEqual({ id: 'h1|1', habitId: 'h1', cueAt: 1 });
    db.close();
  });

  it('creates today\'s schema from nothing', async () => {
    const db = await openCueboardDb();
    expect([...db.objectStoreNames].sort()).toEqual(['checkIns', 'cueEvents', 'habits', 'outcomes', 'settings']);
    expect([...db.transaction('checkIns').store.indexNames].sort()).toEqual(['byDate', 'byHabitDate']);
    db.close();
  });

  it('opening again at the same version keeps everything', async () => {
    await writeV1Database('cueboard');
    (await openCueboardDb()).close();
    const db = await openCueboardDb();
    expect(await db.count('checkIns')).toBe(V1_RECORDS.checkIns.length);
    db.close();
  });
});
