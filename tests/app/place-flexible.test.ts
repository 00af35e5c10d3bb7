import { describe, expect, it } from 'vitest';
import { loadDashboard } from '@/src/app/load-dashboard';
import { placeFlexible } from '@/src/app/place-flexible';
import type { RemoteCalendar } from '@/src/app/worker-deps';
import type { CalendarInstance } from '@/src/core/calendar-sync';
import type { CueEvent } from '@/src/core/cue-event';
import { FixedClock } from '../fakes/fixed-clock';
import { aHabit } from '../fakes/habits';
import { seedCueEvent } from '../fakes/seed-cue-event';
import { testDeps } from '../fakes/test-deps';

const ZONE = 'America/New_York';
const at = (wall: string) => Temporal.PlainDateTime.from(wall).toZonedDateTime(ZONE).epochMilliseconds;
const MIN = 60_000;
const review = aHabit({
  id: 'review',
  schedule: { days: [1, 2, 3, 4, 5], startTime: '14:00', durationMinutes: 30, timeZone: ZONE, window: { from: '13:00', to: '17:00', bufferMinutes: 5 } },
});
const ideal = at('2026-06-10T14:00');
const instance: CalendarInstance = {
  habitId: 'review',
  at: ideal,
  end: ideal + 30 * MIN,
  originalAt: ideal,
  instanceId: 'series_20260610T180000Z',
  version: '"1"',
};

/** A remote calendar that only moves instances, answering as told. */
function remote(answer: () => Promise<'moved' | 'gone' | 'changed'>) {
  const moves: { instanceId: string; start: number }[] = [];
  const calendar = {
    moveInstance: async (i: CalendarInstance, start: number) => {
      const result = await answer();
      if (result === 'moved') moves.push({ instanceId: i.instanceId, start });
      return result;
    },
  } as unknown as RemoteCalendar;
  return { calendar, moves };
}

async function setUp(
  answer: () => Promise<'moved' | 'gone' | 'changed'> = async () => 'moved',
  busy = [{ start: at('2026-06-10T13:45'), end: at('2026-06-10T14:30') }],
) {
  const deps = await testDeps(FixedClock.at('2026-06-10T13:00:00Z'));
  await deps.repo.putHabits([review]);
  await deps.repo.updateSettings((s) => ({ ...s, calendar: 'google' }));
  const { calendar, moves } = remote(answer);
  const d = { ...deps, remotes: { google: { calendar, auth: { connect: async () => undefined, disconnect: async () => undefined } } } };
  await deps.store.putSnapshot({
    provider: 'google',
    from: 0,
    to: ideal + 48 * 60 * MIN,
    fetchedAt: 0,
    cues: [{ habitId: 'review', at: ideal }],
    busy,
    allDay: [],
    instances: [instance],
  });
  return { d, moves };
}

describe('placing flexible blocks after a poll', () => {
  it('moves the instance a meeting landed on; the snapshot (and so the alarm) follows; the move is Cueboard’s own; the funnel knows it was displaced', async () => {
    const { d, moves } = await setUp();
    expect(await placeFlexible(d, 'google')).toEqual({ moved: 1, unplaced: 0, left: 0 });
    const start = at('2026-06-10T14:35');
    expect(moves).toEqual([{ instanceId: instance.instanceId, start }]);
    expect((await d.store.snapshot('google'))?.cues).toEqual([{ habitId: 'review', at: start }]);
    expect(await d.store.ownMoves('google')).toEqual({ [instance.instanceId]: [start] });
    expect(await d.repo.cueEvent(`review|${start}`)).toMatchObject({ displacedFrom: ideal });
    // Run again on the updated snapshot: nothing more to do.
    expect(await placeFlexible(d, 'google')).toEqual({ moved: 0, unplaced: 0, left: 0 });
  });

  it('no free time: the cue leaves the snapshot (no alarm, no prompt) and the reason is kept for the popup', async () => {
    const { d, moves } = await setUp(undefined, [{ start: at('2026-06-10T12:00'), end: at('2026-06-10T18:00') }]);
    expect(await placeFlexible(d, 'google')).toEqual({ moved: 0, unplaced: 1, left: 0 });
    expect(moves).toEqual([]);
    expect((await d.store.snapshot('google'))?.cues).toEqual([]);
    expect(await d.repo.cueEvent(`review|${ideal}`)).toMatchObject({
      unplaced: { why: 'no-free-time', reason: 'No free 30 minutes between 13:00 and 17:00 today.' },
    });
    // The popup says why there is no cue today.
    const view = await loadDashboard({ ...d, provider: d.offlineProvider });
    expect(view.items).toEqual([expect.objectContaining({ habitId: 'review', cues: [], unplaced: 'No free 30 minutes between 13:00 and 17:00 today.' })]);
  });

  it('a move the calendar refuses (changed meanwhile, gone) or fails leaves the instance where it is', async () => {
    for (const answer of [async () => 'changed' as const, async () => 'gone' as const, async () => Promise.reject(new Error('503'))]) {
      const { d } = await setUp(answer);
      expect(await placeFlexible(d, 'google')).toEqual({ moved: 0, unplaced: 0, left: 1 });
      expect((await d.store.snapshot('google'))?.cues).toEqual([{ habitId: 'review', at: ideal }]);
      // The intended position stays marked as Cueboard's: had the calendar applied it, it is not the person's move.
      expect(await d.store.ownMoves('google')).toEqual({ [instance.instanceId]: [at('2026-06-10T14:35')] });
    }
  });

  it('a move whose answer was lost is still Cueboard’s at the next poll, so it can move again', async () => {
    const { d } = await setUp(async () => Promise.reject(new Error('connection reset')));
    await placeFlexible(d, 'google');
    // The calendar did apply it: the next poll finds it at 14:35, and a new meeting there.
    const applied = { ...instance, at: at('2026-06-10T14:35'), end: at('2026-06-10T15:05') };
    const busy = [{ start: at('2026-06-10T13:45'), end: at('2026-06-10T15:00') }];
    await d.store.putSnapshot({
      provider: 'google',
      from: 0,
      to: ideal + 48 * 60 * MIN,
      fetchedAt: 1,
      cues: [{ habitId: 'review', at: applied.at }],
      busy,
      allDay: [],
      instances: [applied],
    });
    const moves: number[] = [];
    const calendar = { moveInstance: async (_i: CalendarInstance, start: number) => (moves.push(start), 'moved' as const) } as unknown as RemoteCalendar;
    expect(await placeFlexible({ ...d, remotes: { google: { calendar, auth: d.remotes.google.auth } } }, 'google')).toEqual({ moved: 1, unplaced: 0, left: 0 });
    // 13:15–13:45 is nearer the ideal than 15:05.
    expect(moves).toEqual([at('2026-06-10T13:15')]);
  });

  it('two habits competing for one slot: the one with fewer blocks this week gets it, whatever their ids', async () => {
    // 2026-06-10 is a Wednesday; the week began Monday 8 June at 00:00 New York.
    const hour = { days: [1, 2, 3, 4, 5], startTime: '13:00', durationMinutes: 60, timeZone: ZONE, window: { from: '13:00', to: '14:00', bufferMinutes: 5 } };
    const a = aHabit({ id: 'a', schedule: hour });
    const b = aHabit({ id: 'b', schedule: hour });
    const start = at('2026-06-10T13:00');
    const block = (id: string): CalendarInstance => ({
      habitId: id,
      at: start,
      end: start + 60 * MIN,
      originalAt: start,
      instanceId: `${id}_20260610T170000Z`,
      version: '"1"',
    });
    const setUpRace = async (history: Record<string, number[]>, unplacedThisWeek: CueEvent[] = []) => {
      const deps = await testDeps(FixedClock.at('2026-06-10T13:00:00Z'));
      await deps.repo.putHabits([a, b]);
      for (const [id, times] of Object.entries(history))
        for (const t of times) await seedCueEvent(deps.repo, { id: `${id}|${t}`, habitId: id, cueAt: t, firedAt: t });
      for (const event of unplacedThisWeek) await seedCueEvent(deps.repo, event);
      const { calendar } = remote(async () => 'moved');
      const d = { ...deps, remotes: { google: { calendar, auth: { connect: async () => undefined, disconnect: async () => undefined } } } };
      await deps.store.putSnapshot({
        provider: 'google',
        from: 0,
        to: start + 48 * 60 * MIN,
        fetchedAt: 0,
        cues: [
          { habitId: 'a', at: start },
          { habitId: 'b', at: start },
        ],
        busy: [],
        allDay: [],
        instances: [block('a'), block('b')],
      });
      await placeFlexible(d, 'google');
      return { a: await d.repo.cueEvent(`a|${start}`), b: await d.repo.cueEvent(`b|${start}`) };
    };
    // Even: the id decides, so "a" keeps the hour.
    const even = await setUpRace({});
    expect(even.a?.unplaced).toBeUndefined();
    expect(even.b?.unplaced?.why).toBe('no-free-time');
    // "a" had Monday's and Tuesday's blocks; "b" had none (two days with no free time, one block last Sunday): "b" first.
    const lastSunday = at('2026-06-07T13:00');
    const monday = at('2026-06-08T13:00');
    const noRoom: CueEvent[] = [0, 1].map((day) => ({
      id: `b|${monday + day * 24 * 60 * MIN}`,
      habitId: 'b',
      cueAt: monday + day * 24 * 60 * MIN,
      unplaced: { why: 'no-free-time', reason: 'No free hour.' },
    }));
    const fairer = await setUpRace({ a: [monday, at('2026-06-09T13:00')], b: [lastSunday] }, noRoom);
    expect(fairer.b?.unplaced).toBeUndefined();
    expect(fairer.a?.unplaced?.why).toBe('no-free-time');
  });

  it('does nothing for a calendar that cannot move instances or a poll without instances', async () => {
    const { d } = await setUp();
    expect(await placeFlexible({ ...d, remotes: {} }, 'google')).toEqual({ moved: 0, unplaced: 0, left: 0 });
    await d.store.putSnapshot({ provider: 'google', from: 0, to: 1, fetchedAt: 0, cues: [] });
    expect(await placeFlexible(d, 'google')).toEqual({ moved: 0, unplaced: 0, left: 0 });
  });
});
