// HTTP requests Cueboard sends to each calendar, counted at the fake servers: creating 5 habits (2 of them flexible,
// placed in free time), one steady-state worker poll (target: 1 request: the read that also brings busy time), a poll
// after a meeting lands on a flexible block (the read and one move), and an hour of background polling (the refresh
// alarm every 15 minutes).
import { IDBFactory } from 'fake-indexeddb';
import { testShell } from '../tests/fakes/background-shell';
import { afterAll, beforeAll, it, vi } from 'vitest';
import { REFRESH_ALARM, REFRESH_MINUTES } from '@/src/app/alarm-names';
import { backgroundEvents } from '@/src/app/background-events';
import type { Deps } from '@/src/app/deps';
import { offlineCalendar } from '@/src/adapters/calendar/snapshot-calendar';
import { LocalCalendar } from '@/src/adapters/calendar/local/local-calendar';
import { reconcileAlarms } from '@/src/app/reconcile-alarms';
import { syncRemoteCalendar } from '@/src/app/poll-calendar';
import { saveHabit } from '@/src/app/save-habit';
import type { HabitInput } from '@/src/core/habit-input';
import type { RemoteCalendar, WorkerDeps } from '@/src/app/worker-deps';
import type { RemoteKind } from '@/src/core/calendar-sync';
import type { CalendarStore } from '@/src/ports/calendar-store';
import { FakeGoogle } from '../tests/fakes/google/fake-google-server';
import { googleHarness } from '../tests/fakes/google/google-harness';
import { habitInput } from '../tests/fakes/habits';
import { FakeGraph } from '../tests/fakes/outlook/fake-graph-server';
import { outlookHarness, recordRetrySleeps } from '../tests/fakes/outlook/outlook-harness';
import type { FixedClock } from '../tests/fakes/fixed-clock';

const ZONE = 'America/New_York';
/** Two of the five habits are flexible: placed in free time within their windows. */
const FLEXIBLE: Record<string, HabitInput['window']> = {
  '09:00': { from: '08:00', to: '11:00', buffer: '5' },
  '14:00': { from: '13:00', to: '17:00', buffer: '5' },
};

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

async function measure(
  kind: RemoteKind,
  h: Harness,
  log: () => number,
  addMeeting: (start: number, end: number) => void,
): Promise<[string, number, number, number, number]> {
  // Five half-hour blocks a day are 150 minutes: over the default 2-hour cap, which would leave a flexible block unplaced.
  await h.deps.repo.updateSettings((stored) => ({ ...stored, calendar: kind, dailyCapMinutes: 180 }));
  const deps: WorkerDeps = {
    ...h.deps,
    store: h.store,
    remotes: { [kind]: { calendar: h.calendar, auth: { connect: async () => {}, disconnect: async () => {} } } },
    offlineProvider: offlineCalendar(async () => kind, h.store, h.clock, new LocalCalendar(() => h.deps.repo.habits())),
  };
  const events = backgroundEvents(Promise.resolve(deps), testShell());
  const count = async (job: () => Promise<unknown>) => {
    const before = log();
    await job();
    return log() - before;
  };
  const create = await count(async () => {
    for (const [i, time] of ['07:30', '09:00', '14:00', '16:30', '21:00'].entries()) {
      const window = FLEXIBLE[time];
      await saveHabit(h.deps, habitInput({ name: `Habit ${i + 1}`, startTime: time, days: [1, 2, 3, 4, 5, 6, 7], ...(window ? { window } : {}) }));
    }
    await h.calendar.drain();
  });
  // The first poll after creating may still place; the one after it is the steady state.
  await syncRemoteCalendar(deps);
  const poll = await count(() => syncRemoteCalendar(deps));
  // A meeting over tomorrow's 14:00 block (the harness's clock is 10:00 New York): the block moves within one poll.
  const tomorrow = Temporal.Instant.fromEpochMilliseconds(h.clock.now()).toZonedDateTimeISO(ZONE).toPlainDate().add({ days: 1 });
  const meeting = tomorrow.toZonedDateTime({ timeZone: ZONE, plainTime: '13:45' }).epochMilliseconds;
  addMeeting(meeting, meeting + 45 * 60_000);
  const moving = await count(() => syncRemoteCalendar(deps));
  await reconcileAlarms(h.deps);
  const hour = await count(async () => {
    for (let i = 0; i < 60 / REFRESH_MINUTES; i++) {
      h.clock.advance(REFRESH_MINUTES * 60_000);
      await events.alarm(REFRESH_ALARM);
    }
  });
  if (poll !== 1) throw new Error(`${kind}: a steady-state poll took ${poll} requests; the target is 1.`);
  if (moving !== 2) throw new Error(`${kind}: the poll that moves one block took ${moving} requests; expected the read and one move.`);
  return [kind, create, poll, moving, hour];
}

it('counts calendar requests', async () => {
  const g = await googleHarness(google);
  const rows = [
    await measure(
      'google',
      { ...g, calendar: g.google },
      () => google.log.length,
      (start, end) => void google.addMeeting({ start, end }),
    ),
  ];
  globalThis.indexedDB = new IDBFactory();
  const o = await outlookHarness(graph);
  rows.push(
    await measure(
      'outlook',
      { ...o, calendar: o.outlook },
      () => graph.log.length,
      (start, end) => void graph.addMeeting({ start, end }),
    ),
  );
  const header = `  ${'calendar'.padEnd(10)}${'create 5 habits'.padStart(17)}${'steady poll (target 1)'.padStart(25)}${'poll moving a block'.padStart(22)}${`hour (every ${REFRESH_MINUTES} min)`.padStart(23)}`;
  const lines = rows.map(
    ([kind, create, poll, moving, hour]) =>
      `  ${kind.padEnd(10)}${String(create).padStart(17)}${String(poll).padStart(25)}${String(moving).padStart(22)}${String(hour).padStart(23)}`,
  );
  console.log(`\nCalendar HTTP requests with 5 habits (2 flexible), counted at the fake servers\n${header}\n${lines.join('\n')}\n`);
});
