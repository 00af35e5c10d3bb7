// The dashboard's reads must not grow with history: records read and aggregation time at 1 year against 10 years
// (5 dashboard habits of 10), first load (no carried-forward stats yet) and every load after.
import { IDBFactory } from 'fake-indexeddb';
import { it } from 'vitest';
import { IdbRepository } from '@/src/adapters/storage/idb-repository';
import { openCueboardDb } from '@/src/adapters/storage/open-db';
import { LocalCalendar } from '@/src/adapters/calendar/local/local-calendar';
import { loadDashboard } from '@/src/app/load-dashboard';
import type { Repository } from '@/src/ports/repository';
import { FixedClock } from '../tests/fakes/fixed-clock';
import { seedRecords } from './seed';

/** A repository that counts every record it hands out. */
function counting(repo: Repository): { repo: Repository; reads: () => number; reset: () => void } {
  let reads = 0;
  const proxy = new Proxy(repo, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        const result = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        reads += Array.isArray(result) ? result.length : result === undefined ? 0 : 1;
        return result;
      };
    },
  });
  return { repo: proxy, reads: () => reads, reset: () => (reads = 0) };
}

async function measure(years: number) {
  globalThis.indexedDB = new IDBFactory();
  const clock = FixedClock.at('2026-11-25T17:00:00Z');
  const db = await openCueboardDb();
  const data = seedRecords(10, years, '2026-11-25', clock.now() - years * 366 * 86_400_000);
  const tx = db.transaction(['habits', 'checkIns', 'cueEvents'], 'readwrite');
  for (const h of data.habits) void tx.objectStore('habits').put(h as never);
  for (const c of data.checkIns) void tx.objectStore('checkIns').put(c as never);
  for (const e of data.cueEvents) void tx.objectStore('cueEvents').put(e as never);
  await tx.done;
  const { repo, reads, reset } = counting(new IdbRepository(db));
  const deps = { repo, clock, provider: new LocalCalendar(() => repo.habits()) };
  await loadDashboard(deps);
  const cold = reads();
  await new Promise((r) => setTimeout(r, 50)); // the carried-forward stats are written off the rendering path
  const times: number[] = [];
  let warm = 0;
  for (let i = 0; i < 15; i++) {
    reset();
    const t0 = performance.now();
    await loadDashboard(deps);
    times.push(performance.now() - t0);
    warm = reads();
  }
  db.close();
  times.sort((a, b) => a - b);
  return { years, records: data.checkIns.length + data.cueEvents.length, cold, warm, ms: times[Math.floor(times.length / 2)]! };
}

it('dashboard reads stay flat as history grows', async () => {
  const rows = [await measure(1), await measure(10)];
  const lines = rows.map(
    (r) =>
      `  ${String(r.years).padStart(5)} y ${String(r.records).padStart(9)} ${String(r.cold).padStart(12)} ${String(r.warm).padStart(12)} ${r.ms.toFixed(1).padStart(13)}`,
  );
  console.log(
    `\nDashboard reads (10 habits, 5 on the dashboard; fake-indexeddb)\n  history   records   reads (1st)  reads (next)  aggregate ms\n${lines.join('\n')}\n  ratio 10 y / 1 y, next loads: reads ${(rows[1]!.warm / rows[0]!.warm).toFixed(2)}, time ${(rows[1]!.ms / rows[0]!.ms).toFixed(2)}\n`,
  );
}, 300_000);
