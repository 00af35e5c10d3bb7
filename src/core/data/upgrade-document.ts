import type { RecordStore } from './export-document';

// Records written under an older database schema are brought up to today's shape before they are checked, the way
// the database's own upgrade ladder (src/adapters/storage/upgrade.ts) brings stored records up. Stores a schema did
// not have yet are simply absent from its files (read as empty lists).

/** The records of one store from a file written under `fileSchema`, in today's shape. */
export function upgradeRecords(store: RecordStore, records: readonly unknown[], fileSchema: number): unknown[] {
  if (store === 'habits' && fileSchema < 3) {
    // Schema 3 added scheduleSince: until then a habit's schedule applied since it was made.
    return records.map((r) => (isRecord(r) && r.scheduleSince === undefined ? { ...r, scheduleSince: r.createdAt } : r));
  }
  return [...records];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
