// The weekly backup through the real IndexedDB adapter, with a saver that records what the downloads folder holds.
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { IdbDataStore } from '@/src/adapters/storage/idb-data-store';
import { IdbRepository } from '@/src/adapters/storage/idb-repository';
import { openCueboardDb } from '@/src/adapters/storage/open-db';
import { DB_VERSION } from '@/src/adapters/storage/schema';
import { NOT_PERMITTED, runBackup } from '@/src/app/backup';
import { loadDashboard } from '@/src/app/load-dashboard';
import { BACKUP_EVERY_MS, overdueDays } from '@/src/core/data/backups';
import type { BackupSaver } from '@/src/ports/backup-saver';
import { FixedClock } from '../fakes/fixed-clock';

const DAY = 86_400_000;

/** A downloads folder: files by download id; `failNext` makes the next save fail like a full disk. */
function folder() {
  const files = new Map<number, { name: string; text: string }>();
  let next = 0;
  const saver: BackupSaver & { allowed: boolean; failNext: boolean } = {
    allowed: true,
    failNext: false,
    permitted: async () => saver.allowed,
    async save(file) {
      if (saver.failNext) throw new Error('FILE_NO_SPACE');
      files.set(++next, file);
      return next;
    },
    async remove(id) {
      if (!files.delete(id)) throw new Error('not there');
    },
  };
  return { files, saver };
}

async function setUp(on = true) {
  globalThis.indexedDB = new IDBFactory();
  const db = await openCueboardDb();
  const repo = new IdbRepository(db);
  const clock = FixedClock.at('2026-12-02T12:00:00Z');
  if (on) await repo.updateSettings((s) => ({ ...s, weeklyBackupSince: clock.now() }));
  const { files, saver } = folder();
  const d = { data: new IdbDataStore(db), repo, clock, saver, schemaVersion: DB_VERSION };
  return { d, files, saver, clock, repo };
}

describe('weekly backups', () => {
  let h: Awaited<ReturnType<typeof setUp>>;
  beforeEach(async () => {
    h = await setUp();
  });

  it('saves one when due, none again within the week, and keeps the newest four', async () => {
    expect(await runBackup(h.d)).toBe('cueboard-backup-2026-12-02.json');
    expect(JSON.parse([...h.files.values()][0]!.text)).toMatchObject({ format: 'cueboard-export' });
    h.clock.advance(BACKUP_EVERY_MS - 1);
    expect(await runBackup(h.d)).toBeUndefined();
    for (let week = 0; week < 5; week++) {
      h.clock.advance(BACKUP_EVERY_MS + 1);
      expect(await runBackup(h.d)).toMatch(/^cueboard-backup-\d{4}-\d{2}-\d{2}\.json$/);
    }
    // Six saved in all; the two oldest were deleted from the folder.
    expect([...h.files.keys()]).toEqual([3, 4, 5, 6]);
    expect((await h.d.data.backups())?.saved.map((s) => s.downloadId)).toEqual([3, 4, 5, 6]);
  });

  it('does nothing while backups are off, unless asked', async () => {
    const off = await setUp(false);
    expect(await runBackup(off.d)).toBeUndefined();
    expect(await runBackup(off.d, true)).toBe('cueboard-backup-2026-12-02.json');
  });

  it('a backup the person deleted by hand does not stop the next one', async () => {
    for (let i = 0; i < 4; i++) {
      await runBackup(h.d, true);
      h.clock.advance(DAY);
    }
    h.files.delete(1);
    expect(await runBackup(h.d, true)).toBeDefined();
    expect([...h.files.keys()]).toEqual([2, 3, 4, 5]);
  });

  it('a failure is kept in words (and cleared by the next success); without the permission it says how to give it', async () => {
    h.saver.failNext = true;
    await expect(runBackup(h.d)).rejects.toThrow('The weekly backup could not be saved. Cueboard tries again in a few hours.');
    expect((await h.d.data.backups())?.failure?.message).toBe('The weekly backup could not be saved. Cueboard tries again in a few hours.');
    h.saver.failNext = false;
    h.saver.allowed = false;
    await expect(runBackup(h.d)).rejects.toThrow(NOT_PERMITTED);
    h.saver.allowed = true;
    await runBackup(h.d);
    expect((await h.d.data.backups())?.failure).toBeUndefined();
  });

  it('the popup calls a backup overdue after a week and a day, counted from turning backups on when none was made', () => {
    const since = Date.UTC(2026, 10, 1);
    expect(overdueDays(undefined, undefined, since + 30 * DAY)).toBeUndefined();
    expect(overdueDays(since, undefined, since + 7 * DAY)).toBeUndefined();
    expect(overdueDays(since, undefined, since + 8 * DAY)).toBe(8);
    expect(overdueDays(since, { saved: [{ downloadId: 1, at: since + 5 * DAY, name: 'b.json' }] }, since + 12 * DAY)).toBeUndefined();
    expect(overdueDays(since, { saved: [{ downloadId: 1, at: since + 5 * DAY, name: 'b.json' }] }, since + 14 * DAY)).toBe(9);
  });

  it('the popup’s dashboard carries the overdue days only while backups are on and one is overdue', async () => {
    const provider = { syncHabit: async () => undefined, listCues: async () => [] };
    const view = () => loadDashboard({ repo: h.repo, clock: h.clock, provider });
    await runBackup(h.d);
    h.clock.advance(8 * DAY - 1);
    expect((await view()).backupOverdueDays).toBeUndefined();
    h.clock.advance(2 * DAY);
    expect((await view()).backupOverdueDays).toBe(9);
    await h.repo.updateSettings(({ weeklyBackupSince: _on, ...s }) => s);
    expect((await view()).backupOverdueDays).toBeUndefined();
  });
});
