// Randomized fault runs with flexible habits (issue 12: "200 randomized fault runs with flexible habits end with no
// duplicate or lost instances"), shared by the Google and the Outlook test: the same steps and the same invariants,
// against either fake server over real HTTP. Each test supplies a FlexServer: how its fake adds meetings, plays the
// person's moves and shows series and instances, and a harness with the real provider and client.
//
// A run: 8 random steps (create flexible and fixed habits, meetings on and off the afternoons, the person moving a
// block by hand, rescheduling, a little time passing, worker polls) while ~30% of requests fail and the person
// sometimes drags a block just as Cueboard's move for it is on its way; then the faults stop and the worker polls
// until quiet. All of it happens on Monday 2 March 2026 before 12:30 New York, and no
// window opens before 13:00, so no block has started yet and every block is still Cueboard's to place.
import { IDBFactory } from 'fake-indexeddb';
import { expect } from 'vitest';
import { LocalCalendar } from '@/src/adapters/calendar/local/local-calendar';
import { offlineCalendar } from '@/src/adapters/calendar/snapshot-calendar';
import type { IdbCalendarStore } from '@/src/adapters/storage/idb-calendar-store';
import type { IdbRepository } from '@/src/adapters/storage/idb-repository';
import type { Deps } from '@/src/app/deps';
import { syncRemoteCalendar } from '@/src/app/poll-calendar';
import { saveHabit } from '@/src/app/save-habit';
import type { RemoteCalendar, WorkerDeps } from '@/src/app/worker-deps';
import type { RemoteKind } from '@/src/core/calendar-sync';
import { cueEventId } from '@/src/core/cue-event';
import { PLACE_AHEAD_MS } from '@/src/core/flex-plan';
import type { Habit } from '@/src/core/habit';
import { habitToInput } from '@/src/core/habit-input';
import { FixedClock } from './fixed-clock';
import { seeded } from './google/google-harness';
import { habitInput } from './habits';

/** A span of time as the server holds it (epoch ms). */
export interface Span {
  start: number;
  end: number;
}

/** One applied change to an instance, by Cueboard ('client') or by the person ('user'), oldest first. */
export interface InstanceChange extends Span {
  by: 'client' | 'user';
  instanceId: string;
  seriesId: string;
  originalStart: number;
}

/** Cueboard's real adapters for one provider, on a fresh database, against the running fake. */
export interface FlexHarness {
  db: { close(): void };
  repo: IdbRepository;
  store: IdbCalendarStore;
  clock: FixedClock;
  deps: Deps;
  calendar: RemoteCalendar;
}

/** What the runs need from a fake calendar server. */
export interface FlexServer {
  kind: RemoteKind;
  /** The fault kinds the provider's existing fault runs inject. */
  faults: readonly string[];
  /** Forget every event, request and instance change of the previous run. */
  reset(): void;
  setFaults(policy: (method: string, path: string) => string | undefined): void;
  /** The series and original start of the single instance an API path names (where a move's PATCH goes), if it does. */
  instanceOfPath(path: string): { seriesId: string; originalStart: number } | undefined;
  /** Requests the server handled (after faults), oldest first. */
  requests(): readonly { method: string; path: string }[];
  /** Another person's busy meeting; returns its id. */
  addMeeting(span: Span): string;
  removeMeeting(id: string): void;
  /** Every series of the habit the server holds (deleted ones included where it keeps them): its schedule start, and whether open-ended. */
  series(habitId: string): { since: number | undefined; open: boolean }[];
  /** The id of the series written for one schedule of a habit, if the server holds it. */
  seriesId(habitId: string, since: number): string | undefined;
  /** One instance where it stands now, or undefined when it is gone or cancelled. */
  instance(seriesId: string, originalStart: number): Span | undefined;
  /** The person drags one instance in their calendar (a new version, so a PATCH on the old one is refused). */
  userMoves(seriesId: string, originalStart: number, start: number): void;
  changes(): InstanceChange[];
  /** `timeoutMs`: the client's per-attempt deadline. */
  harness(clock: FixedClock, random: () => number, timeoutMs: number): Promise<FlexHarness>;
}

/** What one run exercised, summed by the tests so they cannot pass vacuously. */
export interface RunStats {
  faults: number;
  /** 404/409/412 injected on an instance's PATCH. */
  refusals: number;
  /** The person dragged an instance while Cueboard's PATCH for it was on its way. */
  races: number;
  polls: number;
  clientMoves: number;
  handMoves: number;
  reschedules: number;
  meetingsOverBlocks: number;
  unplaced: number;
}

const ZONE = 'America/New_York';
const MIN = 60_000;
const MONDAY = '2026-03-02';
const TUESDAY = '2026-03-03';
const FAULT_RATE = 0.3;
const REFUSALS = ['404', '409', '412'];

const wallIn = (date: string, time: string, zone: string) => Temporal.PlainDateTime.from(`${date}T${time}`).toZonedDateTime(zone).epochMilliseconds;
const wall = (date: string, time: string) => wallIn(date, time, ZONE);
const dateIn = (at: number, zone: string) => Temporal.Instant.fromEpochMilliseconds(at).toZonedDateTimeISO(zone).toPlainDate().toString();
const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
const hhmm = (at: number) => Temporal.Instant.fromEpochMilliseconds(at).toZonedDateTimeISO(ZONE).toPlainDateTime().toString({ smallestUnit: 'minute' });

/** Steps stop moving time here; the quiet phase must end before 12:30, well before the first window opens at 13:00. */
const STEPS_UNTIL = wall(MONDAY, '11:45');
const QUIET_UNTIL = wall(MONDAY, '12:30');

/** Windows and ideal times (every ideal block fits its window, whatever the length); all within 13:00–18:00. */
const WINDOWS = [
  { from: '13:00', to: '17:00', ideal: '14:00' },
  { from: '13:30', to: '15:30', ideal: '14:30' },
  { from: '14:00', to: '18:00', ideal: '16:00' },
  { from: '15:00', to: '16:30', ideal: '15:00' },
];
/** Where the person drags a block: outside every window and every meeting, so it can never be one of Cueboard's places. */
const HAND_TIMES = ['08:07', '19:07'];
/** Fixed habits: two compete with the afternoon windows, two do not. */
const FIXED_TIMES = ['07:30', '14:00', '15:30', '22:15'];
const ACTIONS = ['flexible', 'fixed', 'meeting', 'meeting', 'meeting', 'unmeet', 'hand', 'hand', 'reschedule', 'wait', 'poll'] as const;

/** The original starts of a habit's current series in the next 48 hours: what the calendar must hold. */
export function upcoming(habit: Habit, now: number): number[] {
  const { days, startTime, timeZone } = habit.schedule;
  return [MONDAY, TUESDAY, '2026-03-04', '2026-03-05']
    .filter((date) => days.includes(Temporal.PlainDate.from(date).dayOfWeek))
    .map((date) => wallIn(date, startTime, timeZone))
    .filter((at) => at >= habit.scheduleSince && at > now && at < now + PLACE_AHEAD_MS);
}

/** One run from its seed; asserts every invariant at its end (each message names the seed) and says what it did. */
export async function flexibleFaultRun(server: FlexServer, seed: number): Promise<RunStats> {
  globalThis.indexedDB = new IDBFactory();
  server.reset();
  // Two streams: the steps, and the network (faults, retry jitter). A slow answer that trips a client deadline on a
  // busy machine shifts only the second, so a seed always replays the same steps.
  const random = seeded(seed);
  const network = seeded(seed + 0x9e3779b9);
  const pick = <T>(items: readonly T[], from = random) => items[Math.floor(from() * items.length)]!;
  const stats: RunStats = { faults: 0, refusals: 0, races: 0, polls: 0, clientMoves: 0, handMoves: 0, reschedules: 0, meetingsOverBlocks: 0, unplaced: 0 };
  server.setFaults((method, path) => {
    const target = method === 'PATCH' ? server.instanceOfPath(path) : undefined;
    if (target && network() < 0.15) {
      // The person drags the block while Cueboard's move is on its way: the version it carries is stale now.
      server.userMoves(target.seriesId, target.originalStart, wall(dateIn(target.originalStart, ZONE), pick(HAND_TIMES, network)));
      stats.races++;
    }
    if (network() >= FAULT_RATE) return undefined;
    stats.faults++;
    // A move refused outright: the instance vanished (404) or changed meanwhile (409/412) as far as Cueboard can tell.
    if (target && network() < 0.3) return (stats.refusals++, pick(REFUSALS, network));
    return pick(server.faults, network);
  });

  // A short client timeout keeps injected hangs cheap; a slow answer that trips it is retried like any timeout.
  let h = await server.harness(FixedClock.at('2026-03-02T15:00:00Z'), network, 60);
  await h.repo.updateSettings((s) => ({ ...s, calendar: server.kind }));
  let worker = workerOf(server.kind, h);
  // The worker's poll; it never throws by contract, so a throw fails the run.
  const poll = async () => {
    stats.polls++;
    await syncRemoteCalendar(worker);
  };
  const meetings = new Map<string, Span>();
  // Every schedule each habit has had, and which server series was written for it: a client move is judged by
  // the window of the schedule its series belongs to. Recorded after every step, while old series still exist.
  const sinces = new Map<string, Set<number>>();
  const versionOfSeries = new Map<string, Habit>();
  const remember = async () => {
    for (const habit of await h.repo.habits()) {
      sinces.set(habit.id, (sinces.get(habit.id) ?? new Set()).add(habit.scheduleSince));
      const id = server.seriesId(habit.id, habit.scheduleSince);
      if (id) versionOfSeries.set(id, habit);
    }
  };
  const flexFields = () => {
    const w = pick(WINDOWS);
    return { startTime: w.ideal, durationMinutes: pick(['30', '45', '60']), window: { from: w.from, to: w.to, buffer: pick(['0', '5', '15']) } };
  };

  for (let step = 0; step < 8; step++) {
    const habits = await h.repo.habits();
    const flexible = habits.filter((x) => x.schedule.window);
    // Two habits first, so there is something to place and something to compete with.
    const action = step === 0 || flexible.length === 0 ? 'flexible' : step === 1 ? pick(['flexible', 'fixed']) : pick(ACTIONS);
    const day = pick([MONDAY, TUESDAY]);
    if (action === 'flexible' && habits.length < 5) {
      const days = pick([
        [1, 2, 3, 4, 5, 6, 7],
        [1, 2, 3, 4, 5],
      ]);
      await saveHabit(h.deps, habitInput({ name: `Flex ${step}`, onDashboard: false, days, keystone: random() < 0.3, ...flexFields() }));
    } else if (action === 'fixed' && habits.length < 5) {
      await saveHabit(h.deps, habitInput({ name: `Fixed ${step}`, onDashboard: false, startTime: pick(FIXED_TIMES) }));
    } else if (action === 'meeting') {
      const kind = pick(['block', 'block', 'part', 'part', 'whole']);
      let span: Span;
      if (kind === 'block') {
        // Over a flexible habit's ideal block, give or take half an hour.
        const target = pick(flexible);
        const ideal = wall(day, target.schedule.startTime);
        span = { start: ideal - Math.floor(random() * 3) * 15 * MIN, end: ideal + (target.schedule.durationMinutes + Math.floor(random() * 3) * 15) * MIN };
        stats.meetingsOverBlocks++;
      } else if (kind === 'part') {
        const start = wall(day, '12:30') + Math.floor(random() * 19) * 15 * MIN;
        span = { start, end: Math.min(start + (1 + Math.floor(random() * 6)) * 15 * MIN, wall(day, '18:30')) };
      } else {
        // The whole afternoon: no window has room left that day.
        span = { start: wall(day, '12:45'), end: wall(day, '18:15') };
      }
      meetings.set(server.addMeeting(span), span);
    } else if (action === 'unmeet' && meetings.size > 0) {
      const id = pick([...meetings.keys()]);
      server.removeMeeting(id);
      meetings.delete(id);
    } else if (action === 'hand') {
      const target = pick(flexible);
      const seriesId = server.seriesId(target.id, target.scheduleSince);
      const originals = upcoming(target, h.clock.now()).filter((at) => seriesId && server.instance(seriesId, at));
      if (seriesId && originals.length > 0) {
        const original = pick(originals);
        server.userMoves(seriesId, original, wall(dateIn(original, ZONE), pick(HAND_TIMES)));
      }
    } else if (action === 'reschedule') {
      const target = pick(flexible);
      const saved = await saveHabit(h.deps, { ...habitToInput(target), ...flexFields() }, target.id);
      if (saved.ok && saved.value.scheduleSince !== target.scheduleSince) stats.reschedules++;
    } else if (action === 'wait') {
      h.clock.advance(Math.min(Math.floor(1 + random() * 10) * MIN, Math.max(0, STEPS_UNTIL - h.clock.now())));
    }
    // The worker polls every minute or two: mostly between two steps, sometimes only after a few.
    if (action === 'poll' || random() < 0.6) {
      h.clock.advance(Math.min(Math.floor(30_000 + random() * 90_000), Math.max(0, STEPS_UNTIL - h.clock.now())));
      await poll();
    }
    await remember();
  }

  // The faults stop. The worker polls until quiet: each time the outbox alarm is due, or a minute later. Its client
  // now waits as long as a healthy network needs: a 60 ms deadline, tripped by a busy test machine, is no quiet.
  server.setFaults(() => undefined);
  h.db.close();
  h = await server.harness(h.clock, network, 5000);
  worker = workerOf(server.kind, h);
  for (let i = 0; i < 15; i++) {
    const due = Math.min(...(await h.store.outbox(server.kind)).map((e) => e.nextAttemptAt));
    h.clock.advance(Number.isFinite(due) && due > h.clock.now() ? due - h.clock.now() : MIN);
    const before = server.requests().length;
    await poll();
    const moved = server
      .requests()
      .slice(before)
      .some((r) => r.method === 'PATCH');
    if (!moved && (await h.store.outbox(server.kind)).length === 0) break;
  }
  await remember();
  const ctx = `seed ${seed}`;
  const now = h.clock.now();
  expect(now, `${ctx}: quiet only at ${hhmm(now)}, when blocks may have started`).toBeLessThan(QUIET_UNTIL);
  expect(await h.store.outbox(server.kind), ctx).toEqual([]);

  // 5a. Converged: one more poll is one read and nothing else.
  const before = server.requests().length;
  await poll();
  const quiet = server.requests().slice(before);
  expect(quiet.length === 1 && quiet[0]!.method === 'GET', `${ctx}: a quiet poll sent ${quiet.map((r) => `${r.method} ${r.path}`).join(', ')}`).toBe(true);

  const habits = await h.repo.habits();
  const changes = server.changes();
  stats.clientMoves = changes.filter((c) => c.by === 'client').length;

  // 1. Exactly one open series per habit, the current one; every other one belongs to a schedule it really had, once.
  for (const habit of habits) {
    const all = server.series(habit.id);
    expect(
      all.filter((s) => s.open).map((s) => s.since),
      `${ctx}, habit ${habit.id}: open series`,
    ).toEqual([habit.scheduleSince]);
    const known = sinces.get(habit.id)!;
    expect(
      all.filter((s) => s.since === undefined || !known.has(s.since)),
      `${ctx}, habit ${habit.id}: stray series`,
    ).toEqual([]);
    expect(new Set(all.map((s) => s.since)).size, `${ctx}, habit ${habit.id}: two series for one schedule`).toBe(all.length);
  }

  // 3. The person's move is final: Cueboard never moves an instance after the person did.
  const userMoved = new Set<string>();
  for (const change of changes) {
    if (change.by === 'user') userMoved.add(change.instanceId);
    else expect(userMoved.has(change.instanceId), `${ctx}: Cueboard moved ${change.instanceId} after the person had`).toBe(false);
  }

  // 4. Every move of Cueboard's keeps the block on its own local date, inside the window of its series' schedule.
  for (const change of changes.filter((c) => c.by === 'client')) {
    const habit = versionOfSeries.get(change.seriesId);
    expect(habit, `${ctx}: a move on series ${change.seriesId}, written for no known schedule`).toBeDefined();
    const { window, timeZone, durationMinutes } = habit!.schedule;
    const date = dateIn(change.originalStart, timeZone);
    const where = `${ctx}: ${change.instanceId} moved to ${hhmm(change.start)}–${hhmm(change.end)}`;
    expect(window, where).toBeDefined();
    expect(dateIn(change.start, timeZone), where).toBe(date);
    expect(
      change.start >= wallIn(date, window!.from, timeZone) && change.end <= wallIn(date, window!.to, timeZone),
      `${where}, outside ${window!.from}–${window!.to}`,
    ).toBe(true);
    expect(change.end - change.start, where).toBe(durationMinutes * MIN);
  }

  // 2, 3 and 5b on the current series of every habit, over the next 48 hours.
  const fixedBlocks: Span[] = [];
  const placed: (Span & { habitId: string; unplaced: boolean })[] = [];
  for (const habit of habits) {
    const seriesId = server.seriesId(habit.id, habit.scheduleSince)!;
    for (const original of upcoming(habit, now)) {
      const where = `${ctx}, habit ${habit.id}: the instance of ${hhmm(original)}`;
      const instance = server.instance(seriesId, original);
      // 2. No lost instance.
      expect(instance, `${where} is gone`).toBeDefined();
      if (!habit.schedule.window) {
        fixedBlocks.push(instance!);
        continue;
      }
      const mine = changes.filter((c) => c.seriesId === seriesId && c.originalStart === original);
      const byHand = mine.filter((c) => c.by === 'user').at(-1);
      if (byHand) {
        // 3. Where the person last put it.
        expect(instance, `${where}, moved by hand`).toEqual({ start: byHand.start, end: byHand.end });
        fixedBlocks.push(instance!);
        continue;
      }
      const event = await h.repo.cueEvent(cueEventId(habit.id, instance!.start));
      placed.push({ ...instance!, habitId: habit.id, unplaced: event?.unplaced !== undefined });
    }
  }
  // 5b. A block of Cueboard's is in free time, or honestly marked "no free time" (then it has no cue).
  for (const block of placed) {
    stats.unplaced += block.unplaced ? 1 : 0;
    if (block.unplaced) continue;
    const where = `${ctx}, habit ${block.habitId}: the block at ${hhmm(block.start)}–${hhmm(block.end)}`;
    expect(
      [...meetings.values()].filter((m) => overlaps(m, block)).map((m) => `${hhmm(m.start)}–${hhmm(m.end)}`),
      `${where} overlaps a meeting`,
    ).toEqual([]);
    const others = [...fixedBlocks, ...placed.filter((p) => p !== block && !p.unplaced)];
    expect(
      others.filter((o) => overlaps(o, block)).map((o) => `${hhmm(o.start)}–${hhmm(o.end)}`),
      `${where} overlaps another block`,
    ).toEqual([]);
  }
  stats.handMoves = changes.filter((c) => c.by === 'user').length;
  h.db.close();
  return stats;
}

/** The worker's dependencies around one harness: the remote calendar in use, the offline provider beside it. */
function workerOf(kind: RemoteKind, h: FlexHarness): WorkerDeps {
  const local = new LocalCalendar(() => h.repo.habits());
  return {
    ...h.deps,
    store: h.store,
    remotes: { [kind]: { calendar: h.calendar, auth: { connect: async () => undefined, disconnect: async () => undefined } } },
    offlineProvider: offlineCalendar(async () => (await h.repo.settings()).calendar, h.store, h.clock, local),
  };
}

/** The runs' counts summed. */
export function total(all: readonly RunStats[]): RunStats {
  const sum = { faults: 0, refusals: 0, races: 0, polls: 0, clientMoves: 0, handMoves: 0, reschedules: 0, meetingsOverBlocks: 0, unplaced: 0 };
  for (const s of all) for (const key of Object.keys(sum) as (keyof RunStats)[]) sum[key] += s[key];
  return sum;
}

/** Run `runs` seeds and check they really did what they are about (faults, races, moves of both kinds, no free time). */
export async function flexibleFaultRuns(server: FlexServer, runs: number, label: string): Promise<RunStats> {
  const stats: RunStats[] = [];
  for (let seed = 1; seed <= runs; seed++) stats.push(await flexibleFaultRun(server, seed));
  const sum = total(stats);
  console.info(`[flexible fault runs, ${label}] ${JSON.stringify(sum)}`);
  expect(sum.faults).toBeGreaterThan(runs * 2);
  expect(sum.refusals).toBeGreaterThan(10);
  expect(sum.races).toBeGreaterThan(10);
  expect(sum.clientMoves).toBeGreaterThan(runs / 2);
  expect(sum.handMoves).toBeGreaterThan(runs / 2);
  expect(sum.reschedules).toBeGreaterThan(runs / 4);
  expect(sum.meetingsOverBlocks).toBeGreaterThan(runs / 4);
  expect(sum.unplaced).toBeGreaterThan(runs / 2);
  return sum;
}
