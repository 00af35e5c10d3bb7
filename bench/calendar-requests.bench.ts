// HTTP requests Cueboard sends to each calendar, counted at the fake servers: creating 5 habits, one steady-state
// poll with 5 habits (target: 1 request), and an hour of background polling (the refresh alarm every 15 minutes).
import { IDBFactory } from 'fake-indexeddb';
import { testShell } from '../tests/fakes/background-shell';
import { afterAll, beforeAll, it, vi } from 'vitest';
import { REFRESH_ALARM, REFRESH_MINUTES } from '@/src/app/alarm-names';
import { backgroundEvents } from '@/src/app/background-events';
import type { Deps } from '@/src/app/deps';
import { offlineCalendar } from '@/src/adapters/calendar/snapshot-calendar';
import { LocalCalendar } from '@/src/adapters/calendar/local/local-calendar';
import { reconcileAlarms } from '@/src/app/reconcile-alarms';
import { saveHabit } from '@/src/app/save-habit';
import type { RemoteCalendar, WorkerDeps } from '@/src/app/worker-deps';
import type { RemoteKind } from '@/src/core/calendar-sync';
import type { CalendarStore } from '@/src/ports/calendar-store';
import { FakeGoogle } from '../tests/fakes/google/fake-google-server';
import { googleHarness } from '../tests/fakes/google/google-harness';
import { habitInput } from '../tests/fakes/habits';
import { FakeGraph } from '../tests/fakes/outlook/fake-graph-server';
import { outlookHarness, recordRetrySleeps } from '../tests/fakes/outlook/outlook-harness';
import type { FixedClock } from '../tests/fakes/fixed-clock';

let google: FakeGoogle;
let graph: FakeGraph;
beforeAll(async () => {
  google = await new FakeGoogle().start();
  graph = await new FakeGraph().start();
  recordRetrySleeps();
});
afterAll(async () => {
  vi.restoreAllMocks();
  await google.stop();
  await graph.stop();
});

interface Harness {
  deps: Deps;
  store: CalendarStore;
  clock: FixedClock;
  calendar: RemoteCalendar;
}

async function measure(kind: RemoteKind, h: Harness, log: () => number): Promise<[string, number, number, number]> {
  await h.deps.repo.putSettings({ ...(await h.deps.repo.settings()), calendar: kind });
  const deps: WorkerDeps = { ...h.deps, store: h.store, remotes: { [kind]: { calendar: h.calendar, auth: { connect: async () => {}, disconnect: async () => {} } } }, offlineProvider: offlineCalendar(async () => kind, h.store, h.clock, new LocalCalendar(() => h.deps.repo.habits())) };
  const events = backgroundEvents(Promise.resolve(deps), testShell());
  const count = async (job: () => Promise<unknown>) => {
    const before = log();
    await job();
    return log() - before;
  };
  const create = await count(async () => {
    for (const [i, time] of ['07:30', '09:00', '14:00', '16:30', '21:00'].entries()) {
      await saveHabit(h.deps, habitInput({ name: `Habit ${i + 1}`, startTime: time, days: [1, 2, 3, 4, 5, 6, 7] }));
    }
    await h.calendar.drain();
  });
  const poll = await count(() => reconcileAlarms(h.deps));
  const hour = await count(async () => {
    for (let i = 0; i < 60 / REFRESH_MINUTES; i++) {
      h.clock.advance(REFRESH_MINUTES * 60_000);
      await events.alarm(REFRESH_ALARM);
    }
  });
  if (poll !== 1) throw new Error(`${kind}: a steady-state poll took ${poll} requests; the target is 1.`);
  return [kind, create, poll, hour];
}

it('counts calendar requests', async () => {
  const g = await googleHarness(google);
  const rows = [await measure('google', { ...g, calendar: g.google }, () => google.log.length)];
  globalThis.indexedDB = new IDBFactory();
  const o = await outlookHarness(graph);
  rows.push(await measure('outlook', { ...o, calendar: o.outlook }, () => graph.log.length));
  const header = `  ${'calendar'.padEnd(10)}${'create 5 habits'.padStart(17)}${'steady poll (target 1)'.padStart(25)}${`hour (every ${REFRESH_MINUTES} min)`.padStart(23)}`;
  const lines = rows.map(([kind, create, poll, hour]) => `  ${kind.padEnd(10)}${String(create).padStart(17)}${String(poll).padStart(25)}${String(hour).padStart(23)}`);
  console.log(`\nCalendar HTTP requests, counted at the fake servers\n${header}\n${lines.join('\n')}\n`);
});
