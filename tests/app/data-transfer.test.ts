// Export and import through the real IndexedDB adapter (fake-indexeddb): the round trip gives identical data, a
// refused file changes nothing, an import is one transaction, and a replace saves what it replaces first.
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { IdbDataStore } from '@/src/adapters/storage/idb-data-store';
import { openCueboardDb } from '@/src/adapters/storage/open-db';
import { DB_VERSION } from '@/src/adapters/storage/schema';
import { applyImport, exportEverything, exportFile, previewImport, previewLoopImport, type ExportFile, type TransferDeps } from '@/src/app/data-transfer';
import { parseCsv } from '@/src/core/data/csv';
import { canonicalJson, RECORD_STORES, type ExportData } from '@/src/core/data/export-document';
import type { Habit } from '@/src/core/habit';
import { everything } from '../fakes/everything';
import { FixedClock } from '../fakes/fixed-clock';
import { LOOP_SAMPLE, writeLoopExport } from '../fakes/loop-export';

type Db = Awaited<ReturnType<typeof openCueboardDb>>;

/** Write a data set straight into the stores, as the app's own writes would have left it. */
export async function seedStores(db: Db, data: ExportData): Promise<void> {
  const tx = db.transaction([...RECORD_STORES, 'settings', 'meta'], 'readwrite');
  for (const store of RECORD_STORES) for (const record of data[store]) void (tx.objectStore(store).put as (v: unknown) => Promise<unknown>)(record);
  void tx.objectStore('settings').put(data.settings, 'settings');
  void tx.objectStore('meta').put(data.focusPrefs, 'focusPrefs');
  await tx.done;
}

async function setUp() {
  globalThis.indexedDB = new IDBFactory();
  const db = await openCueboardDb();
  const synced: Habit[] = [];
  const d: TransferDeps = {
    data: new IdbDataStore(db),
    clock: FixedClock.at('2026-12-02T12:00:00Z'),
    provider: { syncHabit: async (h: Habit) => void synced.push(h), listCues: async () => [] },
    schemaVersion: DB_VERSION,
  };
  return { db, d, synced };
}

const hooks = (saved: ExportFile[] = []) => ({ saveBackup: async (f: ExportFile) => void saved.push(f), cuesFollow: vi.fn(async () => undefined) });

describe('export and import', () => {
  let first: Awaited<ReturnType<typeof setUp>>;
  beforeEach(async () => {
    first = await setUp();
  });

  it('round trip: seed → export → wipe → import gives identical data, and the second export is the same file', async () => {
    await seedStores(first.db, everything());
    const exported = await exportEverything(first.d);
    expect(exported.name).toBe('cueboard-2026-12-02.json');
    const file = JSON.parse(exported.text);
    expect(file).toMatchObject({ format: 'cueboard-export', formatVersion: 1, schemaVersion: DB_VERSION, exportedAt: '2026-12-02T12:00:00.000Z' });
    expect(canonicalJson(file.data)).toBe(canonicalJson(everything()));
    expect(exported.text).not.toMatch(/token|ya29|refresh|access_token|outbox|cueSnapshots/i);

    const fresh = await setUp();
    const preview = await previewImport(fresh.d, exported.text, 'merge');
    if (!preview.ok) throw new Error(preview.errors.join('\n'));
    const follow = hooks();
    await applyImport(fresh.d, preview.plan, follow);
    expect(canonicalJson(await fresh.d.data.readAll())).toBe(canonicalJson(everything()));
    expect((await exportEverything(fresh.d)).text).toBe(exported.text);
    expect(fresh.synced.map((h) => h.id)).toEqual(['h1', 'h2', 'h3', 'h4']);
    expect(follow.cuesFollow).toHaveBeenCalledOnce();
  });

  it('a refused file changes nothing, and says why', async () => {
    await seedStores(first.db, everything());
    const before = canonicalJson(await first.d.data.readAll());
    const bad = JSON.parse((await exportEverything(first.d)).text);
    bad.data.habits.push({ ...bad.data.habits[0], id: 'h9', schedule: { ...bad.data.habits[0].schedule, timeZone: 'Mars/Phobos' } });
    expect(await previewImport(first.d, JSON.stringify(bad), 'replace')).toEqual({ ok: false, errors: ['habits[4].schedule.timeZone: unknown time zone'] });
    expect(await previewImport(first.d, '{"format": "cueboard-export", "formatVers', 'merge')).toEqual({
      ok: false,
      errors: ['The file is not JSON Cueboard can read: it may be cut short or not an export.'],
    });
    expect(await previewImport(first.d, '  ', 'merge')).toEqual({ ok: false, errors: ['The file is empty.'] });
    expect(canonicalJson(await first.d.data.readAll())).toBe(before);
  });

  it('an import is one transaction: a record the database refuses leaves nothing of the import behind', async () => {
    await seedStores(first.db, { ...everything(), checkIns: [] });
    const before = canonicalJson(await first.d.data.readAll());
    const preview = await previewImport(first.d, (await exportEverything(await withEverything())).text, 'replace');
    if (!preview.ok) throw new Error(preview.errors.join('\n'));
    // A check-in without its key: the put fails inside the transaction, after the clears and other puts were queued.
    const { id: _id, ...keyless } = preview.plan.put.checkIns[3]!;
    preview.plan.put.checkIns[3] = keyless as never;
    await expect(applyImport(first.d, preview.plan, hooks())).rejects.toThrow();
    expect(canonicalJson(await first.d.data.readAll())).toBe(before);
    expect(first.synced).toEqual([]);
  });

  it('replace saves what it replaces first; if that cannot be saved, nothing is replaced', async () => {
    await seedStores(first.db, everything());
    const before = await exportEverything(first.d);
    const file = everything();
    file.habits = file.habits.slice(0, 1);
    file.checkIns = file.checkIns.filter((c) => c.habitId === 'h1');
    file.cueEvents = file.cueEvents.filter((c) => c.habitId === 'h1');
    file.experiments = file.experiments.filter((e) => e.habitId === 'h1');
    file.coachingSessions = [];
    file.focusSessions = [];
    file.measures = file.measures.filter((m) => m.experimentId === 'e1');
    const text = JSON.stringify({ format: 'cueboard-export', formatVersion: 1, schemaVersion: DB_VERSION, exportedAt: '2026-12-01T00:00:00Z', data: file });

    const refused = await previewImport(first.d, text, 'replace');
    if (!refused.ok) throw new Error(refused.errors.join('\n'));
    await expect(
      applyImport(first.d, refused.plan, { saveBackup: async () => Promise.reject(new Error('no disk')), cuesFollow: async () => undefined }),
    ).rejects.toThrow('no disk');
    expect((await exportEverything(first.d)).text).toBe(before.text);

    const saved: ExportFile[] = [];
    const preview = await previewImport(first.d, text, 'replace');
    if (!preview.ok) throw new Error(preview.errors.join('\n'));
    await applyImport(first.d, preview.plan, hooks(saved));
    expect(saved).toEqual([{ ...before, name: 'cueboard-2026-12-02-before-import.json' }]);
    const after = await first.d.data.readAll();
    expect(after.habits.map((h) => h.id)).toEqual(['h1']);
    expect(after.checkIns.map((c) => c.id)).toEqual(['c1', 'c2']);
    // The habits it removed end their calendar series, like archiving them would (h4 was archived already).
    expect(first.synced.map((h) => [h.id, h.archived])).toEqual([
      ['h1', false],
      ['h2', true],
      ['h3', true],
    ]);
  });
});

describe('big stores', () => {
  it('reads and writes in slices and still gives every record, in key order, in one transaction each way', async () => {
    const { db, d } = await setUp();
    const base = everything();
    const checkIns = Array.from({ length: 4_500 }, (_, i) => ({ ...base.checkIns[0]!, id: `c${String(i).padStart(5, '0')}`, at: base.checkIns[0]!.at + i }));
    await seedStores(db, { ...base, checkIns });
    const read = await d.data.readAll();
    expect(read.checkIns.map((c) => c.id)).toEqual(checkIns.map((c) => c.id));
    const fresh = await setUp();
    const preview = await previewImport(fresh.d, (await exportFile(d, 'everything')).text, 'merge');
    if (!preview.ok) throw new Error(preview.errors.join('\n'));
    await applyImport(fresh.d, preview.plan, hooks());
    expect(canonicalJson(await fresh.d.data.readAll())).toBe(canonicalJson(read));
  });
});

describe('the other exports', () => {
  it('check-ins and their matrix as CSV, the cues as iCalendar, named for the day', async () => {
    const { db, d } = await setUp();
    await seedStores(db, everything());
    const csv = await exportFile(d, 'check-ins');
    expect([csv.name, csv.type]).toEqual(['cueboard-check-ins-2026-12-02.csv', 'text/csv']);
    expect(parseCsv(csv.text)).toHaveLength(6);
    const matrix = await exportFile(d, 'matrix');
    // Active habits first, archived last.
    expect(parseCsv(matrix.text)[0]).toEqual(['date', 'Review team code', 'Stretch', 'Deep work', '1-on-1s']);
    const ics = await exportFile(d, 'cues');
    expect([ics.name, ics.type]).toEqual(['cueboard-cues-2026-12-02.ics', 'text/calendar']);
    expect(ics.text.match(/BEGIN:VEVENT/g)).toHaveLength(3);
  });
});

describe('moving in from Loop Habit Tracker', () => {
  it('previews its habits and history with what it approximates, then adds them: habits wait archived for a cue time', async () => {
    const { db, d } = await setUp();
    await seedStores(db, { ...everything(), habits: everything().habits.map((h) => (h.id === 'h2' ? { ...h, name: 'Meditate' } : h)) });
    let n = 0;
    const preview = await previewLoopImport({ ...d, newId: () => `loop-${++n}` }, writeLoopExport(LOOP_SAMPLE, { format: 'new' }));
    if (!preview.ok) throw new Error(preview.errors.join('\n'));
    expect(preview.lines[0]).toMatch(/^Adds \d+ habits and \d+ check-ins\.$/);
    expect(preview.notes.at(-1)).toBe(
      '“Meditate” is already the name of a habit here: the one from Loop keeps its own history. Rename it before you restore it.',
    );
    const before = (await d.data.readAll()).habits.length;
    await applyImport(d, preview.plan, hooks());
    const after = await d.data.readAll();
    const loop = after.habits.filter((h) => h.id.startsWith('loop-'));
    expect(after.habits).toHaveLength(before + loop.length);
    expect(loop.every((h) => h.archived && !h.onDashboard)).toBe(true);
    expect(after.checkIns.filter((c) => c.habitId === loop[0]!.id).map((c) => [c.localDate, c.status, c.note])).toEqual([
      ['2024-02-29', 'missed', 'Forgot to do it,\nreally'],
      ['2024-03-01', 'skipped', 'Sick'],
      ['2024-03-03', 'done', 'Felt "calm", finally'],
    ]);
    // Nothing else here changed: settings stay.
    expect(after.settings).toEqual(everything().settings);
  });

  it('a broken Loop file is refused with the file and line, and nothing changes', async () => {
    const { db, d } = await setUp();
    await seedStores(db, everything());
    const before = canonicalJson(await d.data.readAll());
    const files = writeLoopExport(LOOP_SAMPLE, { format: 'new' });
    files['Habits.csv'] = files['Habits.csv']!.replace(',1,1,', ',x,1,');
    const preview = await previewLoopImport({ ...d, newId: () => 'x' }, files);
    expect(preview.ok).toBe(false);
    if (!preview.ok) expect(preview.errors[0]).toMatch(/^Habits\.csv line 2: /);
    expect(canonicalJson(await d.data.readAll())).toBe(before);
  });
});

async function withEverything(): Promise<TransferDeps> {
  const other = await setUp();
  await seedStores(other.db, everything());
  return other.d;
}
