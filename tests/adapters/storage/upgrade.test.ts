import { describe, expect, it } from 'vitest';
import { IdbCoachingStore } from '@/src/adapters/storage/idb-coaching-store';
import { IdbRepository } from '@/src/adapters/storage/idb-repository';
import { openCueboardDb } from '@/src/adapters/storage/open-db';
import { DB_VERSION } from '@/src/adapters/storage/schema';
import { DEFAULT_SETTINGS } from '@/src/core/settings';
import { IdbFocusStore } from '@/src/adapters/storage/idb-focus-store';
import { V1_RECORDS, V2_RECORDS, V3_RECORDS, V5_RECORDS, V6_RECORDS, writeFixture } from '../../fixtures/db-fixtures';

const byId = <T extends { id: string }>(records: readonly T[]) => [...records].sort((a, b) => a.id.localeCompare(b.id));
/** Habits gain scheduleSince = createdAt on the way to version 3. */
const upgradedHabits = byId(V1_RECORDS.habits.map((h) => ({ ...h, scheduleSince: h.createdAt })));

describe('schema upgrade ladder', () => {
  it.each([1, 2, 3] as const)('upgrades a version-%i database to today with every record kept', async (version) => {
    await writeFixture('cueboard', version);
    const db = await openCueboardDb();
    expect(db.version).toBe(DB_VERSION);

    expect(byId(await db.getAll('outcomes'))).toEqual(byId(V1_RECORDS.outcomes));
    expect(byId(await db.getAll('habits'))).toEqual(upgradedHabits);
    expect(byId(await db.getAll('checkIns'))).toEqual(byId(V1_RECORDS.checkIns));
    const repo = new IdbRepository(db);
    if (version >= 2) {
      expect(byId(await db.getAll('cueEvents'))).toEqual(byId(V2_RECORDS.cueEvents));
      expect(await repo.settings()).toEqual({ ...DEFAULT_SETTINGS, dayBoundary: '03:00' });
      expect((await repo.pendingSnoozes(0)).map((e) => e.id)).toEqual(['h1|1771086400000']);
    } else {
      expect(await repo.settings()).toEqual(DEFAULT_SETTINGS);
    }

    // The indexes and stores later versions added work on the old data.
    expect(await db.countFromIndex('checkIns', 'byDate', '2026-02-04')).toBe(V1_RECORDS.checkIns.filter((c) => c.localDate === '2026-02-04').length);
    expect(await repo.checkIns('h1', '2026-02-01', '2026-02-10')).toEqual(
      V1_RECORDS.checkIns.filter((c) => c.habitId === 'h1' && c.localDate <= '2026-02-10').sort((a, b) => a.localDate.localeCompare(b.localDate) || a.id.localeCompare(b.id)),
    );
    expect(await db.getAll('outbox')).toEqual(version === 3 ? V3_RECORDS.outbox : []);
    expect(await db.getAll('series')).toEqual(version === 3 ? V3_RECORDS.series : []);
    // Version 4's stores start empty and work.
    expect(await repo.outcomeValues('o1', 5)).toEqual([]);
    expect(await repo.habitStats('h1')).toBeUndefined();
    // Version 5's meta store starts empty, so the first sweep for passed cues reports no old history; it then keeps its mark.
    expect(await repo.cuesSeenUntil()).toBeUndefined();
    await repo.putCuesSeenUntil(1_771_086_400_000);
    expect(await repo.cuesSeenUntil()).toBe(1_771_086_400_000);
    db.close();
  });

  it('upgrades a version-5 database (meta store, outcome log) to today: every record kept, the experiment stores empty and working', async () => {
    await writeFixture('cueboard', 5);
    const db = await openCueboardDb();
    expect(db.version).toBe(DB_VERSION);
    const repo = new IdbRepository(db);
    expect(byId(await db.getAll('habits'))).toEqual(upgradedHabits);
    expect(await db.getAll('outcomeValues')).toEqual(V5_RECORDS.outcomeValues);
    expect(await repo.cuesSeenUntil()).toBe(1_771_000_000_000);
    const coach = new IdbCoachingStore(db);
    expect(await coach.guidedDraft()).toEqual(V5_RECORDS.meta[1]![1]);
    expect(await db.getAll('outbox')).toEqual(V3_RECORDS.outbox);
    expect(await coach.experiments()).toEqual([]);
    expect(await coach.sessions()).toEqual([]);
    await coach.putMeasure({ id: 'e1|2026-03-02', experimentId: 'e1', localDate: '2026-03-02', value: 4, at: 1 });
    expect(await coach.measures('e1')).toHaveLength(1);
    db.close();
  });

  it('upgrades a version-6 database (experiments) to today: every record kept, focus blocks empty and working', async () => {
    await writeFixture('cueboard', 6);
    const db = await openCueboardDb();
    expect(db.version).toBe(DB_VERSION);
    const coach = new IdbCoachingStore(db);
    expect(await coach.experiments()).toEqual(V6_RECORDS.experiments);
    expect(await coach.measures('e1')).toEqual(V6_RECORDS.measures);
    expect(await new IdbRepository(db).cuesSeenUntil()).toBe(1_771_000_000_000);
    const focus = new IdbFocusStore(db);
    expect(await focus.current()).toBeUndefined();
    expect(await focus.history(5)).toEqual([]);
    expect(await focus.prefs()).toEqual({ sites: [], intentionRequired: false });
    db.close();
  });

  it("creates today's schema from nothing", async () => {
    const db = await openCueboardDb();
    expect([...db.objectStoreNames].sort()).toEqual(['auth', 'checkIns', 'coachingSessions', 'cueEvents', 'cueSnapshots', 'experiments', 'focusSessions', 'habitStats', 'habits', 'measures', 'meta', 'outbox', 'outcomeValues', 'outcomes', 'series', 'settings']);
    expect([...db.transaction('checkIns').store.indexNames].sort()).toEqual(['byDate', 'byHabitDate']);
    db.close();
  });

  it('opening again at the same version keeps everything', async () => {
    await writeFixture('cueboard', 1);
    (await openCueboardDb()).close();
    const db = await openCueboardDb();
    expect(await db.count('checkIns')).toBe(V1_RECORDS.checkIns.length);
    expect(byId(await db.getAll('habits'))).toEqual(upgradedHabits);
    db.close();
  });
});
