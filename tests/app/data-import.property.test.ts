// Property: any file — a real export bent in random places, or random JSON — is either refused with a path naming
// the record and field (and the database is exactly as before), or accepted, written, and what the database then
// holds is itself a valid export. 1,000 cases through the real use-cases on fake-indexeddb.
import fc from 'fast-check';
import { IDBFactory } from 'fake-indexeddb';
import { beforeAll, describe, expect, it } from 'vitest';
import { IdbDataStore } from '@/src/adapters/storage/idb-data-store';
import { openCueboardDb } from '@/src/adapters/storage/open-db';
import { DB_VERSION } from '@/src/adapters/storage/schema';
import { applyImport, exportEverything, previewImport, type TransferDeps } from '@/src/app/data-transfer';
import { canonicalJson, exportDocument, RECORD_STORES } from '@/src/core/data/export-document';
import { validateDocument } from '@/src/core/data/validate-document';
import { everything } from '../fakes/everything';
import { FixedClock } from '../fakes/fixed-clock';

/** Values that break records in the ways files get broken. */
const ODD = fc.constantFrom<unknown>(
  undefined,
  null,
  '',
  ' ',
  'Mars/Phobos',
  '2026-02-30',
  '2026-2-3',
  '25:00',
  'javascript:alert(1)',
  'x'.repeat(100_000),
  -1,
  0,
  1.5,
  1e300,
  -0,
  8.64e15,
  Number.MAX_SAFE_INTEGER,
  [],
  {},
  [1, 2],
  true,
  'true',
  '1',
  'h1',
  'c1',
  'e1',
  'o1',
  'gone',
  '__proto__',
  { kind: 'habit', habitId: 'h9' },
);

type Mutation =
  | { kind: 'set'; store: number; index: number; key: number; value: unknown }
  | { kind: 'delete'; store: number; index: number; key: number }
  | { kind: 'duplicate'; store: number; index: number }
  | { kind: 'store'; store: number; value: unknown }
  | { kind: 'top'; key: number; value: unknown };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), store: fc.nat(), index: fc.nat(), key: fc.nat(), value: fc.oneof(ODD, fc.anything()) }),
  fc.record({ kind: fc.constant('delete' as const), store: fc.nat(), index: fc.nat(), key: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), store: fc.nat(), index: fc.nat() }),
  fc.record({ kind: fc.constant('store' as const), store: fc.nat(), value: fc.oneof(ODD, fc.anything()) }),
  fc.record({ kind: fc.constant('top' as const), key: fc.nat(), value: fc.oneof(ODD, fc.anything()) }),
);

function mutate(file: any, m: Mutation): void {
  if (!file || typeof file !== 'object') return;
  const stores = [...RECORD_STORES, 'settings', 'focusPrefs'];
  if (m.kind === 'top') {
    const keys = ['format', 'formatVersion', 'schemaVersion', 'exportedAt', 'data'];
    file[keys[m.key % keys.length]!] = m.value;
    return;
  }
  // A file already broken at the top has no records left to bend.
  if (!file?.data || typeof file.data !== 'object') return;
  const store = stores[m.store % stores.length]!;
  if (m.kind === 'store') {
    file.data[store] = m.value;
    return;
  }
  const holder = file.data[store];
  const records: any[] = Array.isArray(holder) ? holder : holder && typeof holder === 'object' ? [holder] : [];
  if (records.length === 0) return;
  const record = records[m.index % records.length];
  if (m.kind === 'duplicate') {
    if (Array.isArray(holder)) holder.push(structuredClone(record));
    return;
  }
  if (!record || typeof record !== 'object') return;
  // Nested fields too: walk one level into an object-valued field half of the time.
  const keys = Object.keys(record);
  let target = record;
  let key = keys[m.key % keys.length]!;
  if (m.key % 2 === 1 && target[key] && typeof target[key] === 'object' && !Array.isArray(target[key])) {
    target = target[key];
    const inner = Object.keys(target);
    if (inner.length > 0) key = inner[(m.key >> 1) % inner.length]!;
  }
  if (m.kind === 'delete') delete target[key];
  else target[key] = m.value;
}

/** "habits[2].schedule.timeZone: …", "settings.dayBoundary: …", "checkIns: …" or a whole-file message. */
const PATH =
  /^(?:[a-zA-Z]+(?:\[\d+\])?(?:\.[a-zA-Z]+|\[\d+\])*: .+|This file is not a Cueboard export.*|This export was made by a newer version of Cueboard.*|The file is not JSON Cueboard can read.*|The file is empty\.|(?:formatVersion|schemaVersion|exportedAt|data): .+)$/s;

let d: TransferDeps;
beforeAll(async () => {
  globalThis.indexedDB = new IDBFactory();
  const db = await openCueboardDb();
  d = {
    data: new IdbDataStore(db),
    clock: FixedClock.at('2026-12-02T12:00:00Z'),
    provider: { syncHabit: async () => undefined, listCues: async () => [] },
    schemaVersion: DB_VERSION,
  };
});

describe('importing mutated and random files', () => {
  it('refuses each bad one with a field path and changes nothing, or accepts it and keeps the database valid (1,000 cases)', async () => {
    let refused = 0;
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          { weight: 9, arbitrary: fc.array(mutation, { minLength: 1, maxLength: 4 }) },
          { weight: 1, arbitrary: fc.anything().map((value) => [{ kind: 'whole', value }] as const) },
        ),
        fc.constantFrom('merge' as const, 'replace' as const),
        async (mutations, mode) => {
          let file: any = JSON.parse(JSON.stringify(exportDocument(everything(), Date.UTC(2026, 11, 1), DB_VERSION)));
          for (const m of mutations) {
            if ('value' in m && m.kind === 'whole') file = m.value;
            else mutate(file, m);
          }
          const before = canonicalJson(await d.data.readAll());
          let text: string;
          try {
            text = JSON.stringify(file) ?? 'undefined';
          } catch {
            return; // Not even serialisable (a BigInt): no file could hold it.
          }
          const preview = await previewImport(d, text, mode);
          if (!preview.ok) {
            refused++;
            expect(preview.errors.length).toBeGreaterThan(0);
            for (const error of preview.errors) expect(error).toMatch(PATH);
            expect(canonicalJson(await d.data.readAll())).toBe(before);
            return;
          }
          accepted++;
          await applyImport(d, preview.plan, { saveBackup: async () => undefined, cuesFollow: async () => undefined });
          const after = await validateDocument(JSON.parse((await exportEverything(d)).text), DB_VERSION);
          expect(after.ok ? [] : after.errors).toEqual([]);
        },
      ),
      { numRuns: 1_000, seed: 20261202 },
    );
    // Both sides were really exercised.
    expect(refused).toBeGreaterThan(300);
    expect(accepted).toBeGreaterThan(50);
  }, 180_000);
});
