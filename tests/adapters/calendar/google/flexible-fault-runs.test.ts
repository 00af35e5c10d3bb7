// Issue 12's randomized fault runs with flexible habits, against the fake Google server over real HTTP: meetings
// land on and leave the afternoons, the person drags blocks by hand, habits are rescheduled, and the worker polls
// while requests fail (lost answers after commit, refused tokens, rate limits, 5xx, dropped connections, hangs, and
// moves refused with 404/409/412). When the faults stop, no instance is duplicated or lost, the person's moves
// stand, Cueboard's stay in their windows, and the calendar is quiet. The steps and checks: ../../../fakes/flexible-runs.ts.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { base32hex, googleEventId } from '@/src/adapters/calendar/google/event-body';
import { saveHabit } from '@/src/app/save-habit';
import { habitToInput } from '@/src/core/habit-input';
import { FakeGoogle, type Fault } from '../../../fakes/google/fake-google-server';
import { googleHarness } from '../../../fakes/google/google-harness';
import { flexibleFaultRuns, type FlexServer } from '../../../fakes/flexible-runs';
import { habitInput } from '../../../fakes/habits';

const RUNS = 200;

let fake: FakeGoogle;
beforeAll(async () => {
  fake = await new FakeGoogle().start();
  fake.retryAfterSeconds = 2;
  // Each failed poll says so on the console; thousands of those lines would bury a real failure.
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterAll(async () => {
  vi.restoreAllMocks();
  await fake.stop();
});

/** The schedule start a series id was derived from (googleEventId), if it is this habit's. */
function sinceOf(habitId: string, id: string): number | undefined {
  const prefix = `cb${base32hex(habitId)}v`;
  const since = id.startsWith(prefix) ? parseInt(id.slice(prefix.length), 32) : NaN;
  return Number.isFinite(since) && googleEventId(habitId, since) === id ? since : undefined;
}

const server: FlexServer = {
  kind: 'google',
  faults: ['drop', 'drop', '401', '429', '403-rate', '500', 'network', 'timeout'] satisfies Fault[],
  reset() {
    fake.events.clear();
    fake.log.length = 0;
    fake.instancePatches.length = 0;
  },
  setFaults: (policy) => void (fake.faultPolicy = policy as (method: string, path: string) => Fault | undefined),
  instanceOfPath(path) {
    const m = /\/events\/(.+)_(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/.exec(path);
    return m ? { seriesId: m[1]!, originalStart: Date.UTC(+m[2]!, +m[3]! - 1, +m[4]!, +m[5]!, +m[6]!, +m[7]!) } : undefined;
  },
  requests: () => fake.log,
  addMeeting: ({ start, end }) => fake.addMeeting({ start, end }),
  removeMeeting: (id) => fake.removeEvent(id),
  series: (habitId) =>
    fake.seriesFor(habitId).map((e) => ({
      since: sinceOf(habitId, e.id),
      open: e.status !== 'cancelled' && !(e.recurrence as string[]).some((line) => line.includes('UNTIL=')),
    })),
  seriesId: (habitId, since) => (fake.events.has(googleEventId(habitId, since)) ? googleEventId(habitId, since) : undefined),
  instance(seriesId, original) {
    const view = fake.instance(seriesId, original);
    return view && view.status !== 'cancelled' ? { start: Date.parse(view.start.dateTime), end: Date.parse(view.end.dateTime) } : undefined;
  },
  userMoves: (seriesId, original, start) => void fake.userMovesInstance(seriesId, original, start),
  changes: () =>
    fake.instancePatches.map((p) => ({
      by: p.by,
      instanceId: p.instanceId,
      seriesId: p.seriesId,
      originalStart: p.originalStart,
      start: Date.parse(p.start),
      end: Date.parse(p.end),
    })),
  async harness(clock, random, timeoutMs) {
    const h = await googleHarness(fake, clock, random, timeoutMs);
    return { ...h, calendar: h.google };
  },
};

describe(`${RUNS} randomized fault runs with flexible habits against the fake Google server`, () => {
  it('end with one series per habit, no lost instance, the person’s moves standing, Cueboard’s in their windows, and a quiet calendar', async () => {
    await flexibleFaultRuns(server, RUNS, 'Google');
  }, 120_000);
});

describe('what the runs found, replayed on purpose', () => {
  it('a series whose create landed but whose answer was lost is still ended when the schedule changes before the retry', async () => {
    server.reset();
    const h = await googleHarness(fake, undefined, () => 0.5, 60);
    const saved = await saveHabit(h.deps, habitInput({ name: 'Stretch', window: { from: '13:00', to: '17:00', buffer: '5' } }));
    if (!saved.ok) throw new Error('fixture invalid');
    // The POST is applied and its answer lost; every retry fails before reaching the server.
    let first = true;
    fake.faultPolicy = () => (first ? ((first = false), 'drop') : 'network');
    await h.google.drain();
    fake.faultPolicy = () => undefined;
    expect(fake.seriesFor(saved.value.id)).toHaveLength(1);
    h.clock.advance(60_000);
    const moved = await saveHabit(h.deps, { ...habitToInput(saved.value), startTime: '15:00' }, saved.value.id);
    if (!moved.ok) throw new Error('fixture invalid');
    h.clock.advance(3_600_000);
    await h.google.drain();
    const open = fake.seriesFor(saved.value.id).filter((e) => e.status !== 'cancelled' && !(e.recurrence as string[]).some((l) => l.includes('UNTIL=')));
    expect(open.map((e) => e.id)).toEqual([googleEventId(saved.value.id, moved.value.scheduleSince)]);
    expect(await h.store.outbox('google')).toEqual([]);
  });
});
