// Issue 12's randomized fault runs with flexible habits, against the fake Graph server over real HTTP, as for
// Google: meetings land on and leave the afternoons, the person drags occurrences by hand, habits are rescheduled,
// and the worker polls while requests fail (lost answers after commit, refused tokens, throttling with Retry-After,
// 5xx, dropped connections, hangs, and moves refused with 404/409/412). When the faults stop, no occurrence is
// duplicated or lost, the person's moves stand, Cueboard's stay in their windows, and the calendar is quiet. The
// steps and checks: ../../../fakes/flexible-runs.ts.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { saveHabit } from '@/src/app/save-habit';
import { habitToInput } from '@/src/core/habit-input';
import { FakeGraph, type GraphFault } from '../../../fakes/outlook/fake-graph-server';
import { outlookHarness, recordRetrySleeps } from '../../../fakes/outlook/outlook-harness';
import { flexibleFaultRuns, type FlexServer } from '../../../fakes/flexible-runs';
import { habitInput } from '../../../fakes/habits';

const RUNS = 200;

let fake: FakeGraph;
beforeAll(async () => {
  fake = await new FakeGraph().start();
  recordRetrySleeps();
  // Each failed poll says so on the console; thousands of those lines would bury a real failure.
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterAll(async () => {
  vi.restoreAllMocks();
  await fake.stop();
});

/** Graph's UTC form without an offset ("2026-03-02T19:00:00.0000000") → epoch ms. */
const utc = (dateTime: string) => Date.parse(`${dateTime.slice(0, 23)}Z`);
/** The `${habitId}|${scheduleSince}` Cueboard stamps on each series it writes. */
const keyOf = (e: { singleValueExtendedProperties: { value: string }[] }) => e.singleValueExtendedProperties[0]!.value;

const server: FlexServer = {
  kind: 'outlook',
  faults: ['drop', 'drop', '401', '429', '503', '504', 'network', 'timeout'] satisfies GraphFault[],
  reset() {
    fake.events.clear();
    fake.log.length = 0;
    fake.instancePatches.length = 0;
  },
  setFaults: (policy) => void (fake.faultPolicy = policy as (method: string, path: string) => GraphFault | undefined),
  instanceOfPath(path) {
    const m = /\/events\/(.+)_OCC_(\d+)$/.exec(path);
    return m ? { seriesId: m[1]!, originalStart: Number(m[2]) } : undefined;
  },
  requests: () => fake.log,
  addMeeting: ({ start, end }) => fake.addMeeting({ start, end }),
  removeMeeting: (id) => fake.removeEvent(id),
  series: (habitId) => fake.seriesFor(habitId).map((e) => ({ since: Number(keyOf(e as never).split('|')[1]), open: e.recurrence.range.type === 'noEnd' })),
  seriesId: (habitId, since) => fake.seriesFor(habitId).find((e) => keyOf(e as never) === `${habitId}|${since}`)?.id,
  instance(seriesId, original) {
    const view = fake.instance(seriesId, original);
    return view && !view.isCancelled ? { start: utc(view.start.dateTime), end: utc(view.end.dateTime) } : undefined;
  },
  userMoves: (seriesId, original, start) => void fake.userMovesInstance(seriesId, original, start),
  changes: () =>
    fake.instancePatches.map((p) => ({
      by: p.by,
      instanceId: p.occurrenceId,
      seriesId: p.seriesId,
      originalStart: p.originalStart,
      start: utc(p.start),
      end: utc(p.end),
    })),
  async harness(clock, random, timeoutMs) {
    const h = await outlookHarness(fake, clock, random, timeoutMs);
    return { ...h, calendar: h.outlook };
  },
};

describe(`${RUNS} randomized fault runs with flexible habits against the fake Graph server`, () => {
  it('end with one series per habit, no lost occurrence, the person’s moves standing, Cueboard’s in their windows, and a quiet calendar', async () => {
    await flexibleFaultRuns(server, RUNS, 'Outlook');
  }, 120_000);
});

describe('what the runs found, replayed on purpose', () => {
  // Graph drops a series' exceptions when its pattern is written again; an edit that keeps the schedule keeps the series.
  for (const edit of ['a new name', 'a new window'] as const) {
    it(`an occurrence the person moved stays where they put it when the habit gets ${edit}`, async () => {
      server.reset();
      const h = await outlookHarness(fake);
      const saved = await saveHabit(h.deps, habitInput({ name: 'Stretch', window: { from: '13:00', to: '17:00', buffer: '5' } }));
      if (!saved.ok) throw new Error('fixture invalid');
      await h.outlook.drain();
      const seriesId = server.seriesId(saved.value.id, saved.value.scheduleSince)!;
      const original = Date.parse('2026-03-03T19:00:00Z');
      const byHand = Date.parse('2026-03-04T00:07:00Z');
      fake.userMovesInstance(seriesId, original, byHand);
      const input = habitToInput(saved.value);
      const edited = await saveHabit(
        h.deps,
        edit === 'a new name' ? { ...input, name: 'Stretch more' } : { ...input, window: { from: '13:30', to: '17:00', buffer: '5' } },
        saved.value.id,
      );
      if (!edited.ok) throw new Error('fixture invalid');
      await h.outlook.drain();
      expect(fake.events.get(seriesId)!.event.subject).toBe(edited.value.name);
      expect(server.instance(seriesId, original)).toEqual({ start: byHand, end: byHand + 30 * 60_000 });
    });
  }
});
