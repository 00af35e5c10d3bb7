import type { IDBPDatabase } from 'idb';
import { describe, expect, it, vi } from 'vitest';
import { IdbCalendarStore } from '@/src/adapters/storage/idb-calendar-store';
import { IdbCoachingStore } from '@/src/adapters/storage/idb-coaching-store';
import { IdbFocusStore } from '@/src/adapters/storage/idb-focus-store';
import { IdbRepository } from '@/src/adapters/storage/idb-repository';
import { openCueboardDb } from '@/src/adapters/storage/open-db';
import { DB_VERSION, type CueboardDB } from '@/src/adapters/storage/schema';
import { DEFAULT_FOCUS_PREFS } from '@/src/core/focus-sites';
import { DEFAULT_SETTINGS } from '@/src/core/settings';
import { FIXTURES, OUT_OF_LINE, versionNumber, V1_RECORDS, writeFixture, type FixtureVersion } from '../../fixtures/db-fixtures';

const VERSIONS: FixtureVersion[] = [1, 2, 3, 4, 5, '6-first', 6, 7];

type Row = Record<string, unknown>;
type Pair = [string, unknown];

/** What a store must hold after the upgrade: the fixture's records, with the fields the ladder fills. */
function upgraded(version: FixtureVersion, store: string, records: readonly unknown[]): unknown[] {
  // Version 3 gave habits scheduleSince: the schedule has applied since the habit was made.
  if (store === 'habits' && versionNumber(version) < 3) return records.map((h) => ({ ...(h as Row), scheduleSince: (h as Row).createdAt }));
  return [...records];
}

/** Records in key order, whatever the store's key path. */
function byKey(db: IDBPDatabase<CueboardDB>, store: string, records: readonly unknown[]): unknown[] {
  const keyPath = db.transaction(store as 'habits').store.keyPath as string;
  return [...records].sort((a, b) => String((a as Row)[keyPath]).localeCompare(String((b as Row)[keyPath])));
}

/** Every store's key path and indexes, to compare an upgraded database with one made today. */
function layoutOf(db: IDBPDatabase<CueboardDB>) {
  const names = [...db.objectStoreNames].sort();
  const tx = db.transaction(names);
  return Object.fromEntries(
    names.map((name) => {
      const store = tx.objectStore(name);
      const indexes = [...store.indexNames]
        .sort()
        .map((index) => [index, store.index(index).keyPath, store.index(index).unique, store.index(index).multiEntry]);
      return [name, { keyPath: store.keyPath, autoIncrement: store.autoIncrement, indexes }];
    }),
  );
}

const settingsOf = (version: FixtureVersion) => ((FIXTURES[version].settings as Pair[] | undefined)?.[0]?.[1] ?? {}) as Row;
const metaOf = (version: FixtureVersion, key: string) => ((FIXTURES[version].meta as Pair[] | undefined) ?? []).find(([k]) => k === key)?.[1];
const has = (version: FixtureVersion, store: string) => store in FIXTURES[version];
const records = (version: FixtureVersion, store: string) => (FIXTURES[version][store] ?? []) as Row[];

describe('schema upgrade ladder', () => {
  it('has a fixture for every schema version up to today’s', () => {
    expect(new Set(VERSIONS.map(versionNumber))).toEqual(new Set(Array.from({ length: DB_VERSION }, (_, i) => i + 1)));
  });

  it.each(VERSIONS)('upgrades a version-%s database to today’s layout with every record of every store kept', async (version) => {
    await writeFixture('cueboard', version);
    const db = await openCueboardDb();
    expect(db.version).toBe(DB_VERSION);

    const fixture = FIXTURES[version];
    for (const [store, stored] of Object.entries(fixture)) {
      const want = upgraded(version, store, stored);
      if (OUT_OF_LINE.has(store)) {
        const [keys, values] = await Promise.all([db.getAllKeys(store as 'meta'), db.getAll(store as 'meta')]);
        const pairs = keys.map((key, i): Pair => [String(key), values[i]]).sort(([a], [b]) => a.localeCompare(b));
        expect(pairs, store).toEqual((want as Pair[]).sort(([a], [b]) => a.localeCompare(b)));
      } else {
        expect(byKey(db, store, await db.getAll(store as 'habits')), store).toEqual(byKey(db, store, want));
      }
    }
    // The stores later versions added are there and empty.
    for (const store of db.objectStoreNames) if (!(store in fixture)) expect(await db.count(store), store).toBe(0);

    const today = await openCueboardDb('made-today');
    expect(layoutOf(db)).toEqual(layoutOf(today));
    today.close();
    db.close();
  });

  it.each(VERSIONS)('reads an upgraded version-%s database through the stores: indexes work, missing fields come as defaults', async (version) => {
    await writeFixture('cueboard', version);
    const db = await openCueboardDb();
    const repo = new IdbRepository(db);
    const calendar = new IdbCalendarStore(db);
    const coach = new IdbCoachingStore(db);
    const focus = new IdbFocusStore(db);

    expect((await repo.habits()).length).toBe(records(version, 'habits').length);
    expect((await repo.habits()).every((h) => typeof h.scheduleSince === 'number')).toBe(true);
    expect(await repo.outcomes()).toEqual(records(version, 'outcomes'));
    expect(await repo.checkIns('h1', '2026-02-01', '2026-02-10')).toEqual(
      V1_RECORDS.checkIns
        .filter((c) => c.habitId === 'h1' && c.localDate <= '2026-02-10')
        .sort((a, b) => a.localDate.localeCompare(b.localDate) || a.id.localeCompare(b.id)),
    );
    expect(await db.countFromIndex('checkIns', 'byDate', '2026-02-04')).toBe(records(version, 'checkIns').filter((c) => c.localDate === '2026-02-04').length);
    // Settings written before a field existed read with its default.
    expect(await repo.settings()).toEqual({ ...DEFAULT_SETTINGS, ...settingsOf(version) });
    expect((await repo.pendingSnoozes(0)).map((e) => e.id)).toEqual(has(version, 'cueEvents') ? ['h1|1771086400000'] : []);
    expect(await repo.cueEvents('h1', 0, Number.MAX_SAFE_INTEGER)).toEqual(records(version, 'cueEvents').filter((e) => e.habitId === 'h1'));

    expect(await calendar.outbox('google')).toEqual(records(version, 'outbox').sort((a, b) => (a.nextAttemptAt as number) - (b.nextAttemptAt as number)));
    expect(byKey(db, 'series', await calendar.allSeries('google'))).toEqual(
      byKey(
        db,
        'series',
        records(version, 'series').filter((s) => s.provider === 'google'),
      ),
    );
    expect(await calendar.snapshot('google')).toEqual(records(version, 'cueSnapshots')[0]);
    expect(await calendar.auth('google')).toEqual(records(version, 'auth').find((a) => a.provider === 'google'));
    expect(await calendar.auth('outlook')).toEqual(records(version, 'auth').find((a) => a.provider === 'outlook'));
    expect(await calendar.ownMoves('google')).toEqual((metaOf(version, 'flexMoves') as { google?: unknown } | undefined)?.google ?? {});

    expect(await repo.habitStats('h1')).toEqual(records(version, 'habitStats')[0]);
    const values = records(version, 'outcomeValues').sort((a, b) => String(b.localDate).localeCompare(String(a.localDate)));
    expect(await repo.outcomeValues('o1', 5)).toEqual(values);
    // Version 5's meta store starts empty (the first sweep reports no old history); a later database keeps its mark.
    expect(await repo.cuesSeenUntil()).toBe(metaOf(version, 'cuesSeenUntil'));
    expect(await repo.trapDismissals()).toEqual(metaOf(version, 'trapDismissals') ?? {});

    expect(await coach.guidedDraft()).toEqual(metaOf(version, 'guidedDraft'));
    expect(byKey(db, 'experiments', await coach.experiments())).toEqual(byKey(db, 'experiments', records(version, 'experiments')));
    expect(await coach.measures('e1')).toEqual(records(version, 'measures').filter((m) => m.experimentId === 'e1'));
    expect(await coach.sessions()).toEqual(records(version, 'coachingSessions'));

    expect(await focus.current()).toEqual(metaOf(version, 'focusSession'));
    expect(await focus.prefs()).toEqual({ ...DEFAULT_FOCUS_PREFS, ...(metaOf(version, 'focusPrefs') as object | undefined) });
    expect(await focus.history(5)).toEqual(records(version, 'focusSessions'));
    db.close();
  });

  it('gives a version-6 database as first released the coaching check-ins’ store it never had, and it works', async () => {
    await writeFixture('cueboard', '6-first');
    const db = await openCueboardDb();
    const coach = new IdbCoachingStore(db);
    const session = {
      id: 's1',
      startedAt: 1,
      since: '2026-03-01',
      until: '2026-03-14',
      wentWell: '',
      obstacles: '',
      learned: '',
      experimentIdea: '',
      commitment: '',
      tracking: '',
      support: '',
    };
    await coach.putSession(session);
    expect(await coach.sessions()).toEqual([session]);
    db.close();
  });

  it('the stores that started empty take new records after the upgrade', async () => {
    await writeFixture('cueboard', 1);
    const db = await openCueboardDb();
    const repo = new IdbRepository(db);
    await repo.putCuesSeenUntil(1_771_086_400_000);
    expect(await repo.cuesSeenUntil()).toBe(1_771_086_400_000);
    const coach = new IdbCoachingStore(db);
    await coach.putMeasure({ id: 'e1|2026-03-02', experimentId: 'e1', localDate: '2026-03-02', value: 4, at: 1 });
    expect(await coach.measures('e1')).toHaveLength(1);
    db.close();
  });

  it('opens a current database without fetching the ladder, and fetches it for an older one', async () => {
    (await openCueboardDb()).close();
    await writeFixture('older', 5);
    vi.resetModules();
    let fetched = 0;
    vi.doMock('@/src/adapters/storage/upgrade', async (original) => {
      fetched++;
      return original();
    });
    const fresh = await import('@/src/adapters/storage/open-db');
    (await fresh.openCueboardDb()).close();
    expect(fetched).toBe(0);
    // The older database's upgrade is cancelled, the ladder fetched, and the open tried again: nothing lost.
    const db = await fresh.openCueboardDb('older');
    expect(fetched).toBe(1);
    expect(db.version).toBe(DB_VERSION);
    expect(await db.count('checkIns')).toBe(V1_RECORDS.checkIns.length);
    expect(await db.count('coachingSessions')).toBe(0);
    db.close();
    vi.doUnmock('@/src/adapters/storage/upgrade');
  });

  it("creates today's schema from nothing", async () => {
    const db = await openCueboardDb();
    expect([...db.objectStoreNames].sort()).toEqual([
      'auth',
      'checkIns',
      'coachingSessions',
      'cueEvents',
      'cueSnapshots',
      'experiments',
      'focusSessions',
      'habitStats',
      'habits',
      'measures',
      'meta',
      'outbox',
      'outcomeValues',
      'outcomes',
      'series',
      'settings',
    ]);
    expect([...db.transaction('checkIns').store.indexNames].sort()).toEqual(['byDate', 'byHabitDate']);
    db.close();
  });

  it('opening again at the same version keeps everything', async () => {
    await writeFixture('cueboard', 1);
    (await openCueboardDb()).close();
    const db = await openCueboardDb();
    expect(await db.count('checkIns')).toBe(V1_RECORDS.checkIns.length);
    expect(byKey(db, 'habits', await db.getAll('habits'))).toEqual(upgraded(1, 'habits', V1_RECORDS.habits));
    db.close();
  });
});
