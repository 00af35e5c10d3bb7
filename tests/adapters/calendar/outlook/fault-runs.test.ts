// Randomized fault runs for Outlook, as for Google: habits created, renamed, rescheduled, archived and restored while
// the fake Graph server drops answers after committing, refuses tokens, throttles (429 + Retry-After, 503, 504),
// drops connections and hangs. After the faults stop and the outbox drains, every habit has exactly one open series
// in the wanted state and every other series of it is ended. The real Graph client runs throughout.
import { IDBFactory } from 'fake-indexeddb';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { outlookEventBody } from '@/src/adapters/calendar/outlook/event-body';
import { saveHabit, setHabitArchived } from '@/src/app/save-habit';
import type { Habit } from '@/src/core/habit';
import { seeded } from '../../../fakes/google/google-harness';
import { FakeGraph, type GraphFault } from '../../../fakes/outlook/fake-graph-server';
import { outlookHarness, recordRetrySleeps } from '../../../fakes/outlook/outlook-harness';
import { habitInput } from '../../../fakes/habits';

const RUNS = 200;
const FAULTS: GraphFault[] = ['drop', 'drop', '401', '429', '503', '504', 'network', 'timeout'];

let fake: FakeGraph;
beforeAll(async () => {
  fake = await new FakeGraph().start();
  recordRetrySleeps();
});
afterAll(async () => {
  vi.restoreAllMocks();
  await fake.stop();
});

function inputOf(habit: Habit) {
  return habitInput({
    name: habit.name,
    days: habit.schedule.days,
    startTime: habit.schedule.startTime,
    onDashboard: habit.onDashboard,
    targetKind: habit.target.kind,
    targetAmount: String(habit.target.amount),
  });
}

async function run(seed: number): Promise<{ habits: Habit[]; seen: Map<string, Set<number>> }> {
  globalThis.indexedDB = new IDBFactory();
  fake.events.clear();
  const random = seeded(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  fake.faultPolicy = () => (random() < 0.35 ? pick(FAULTS) : undefined);
  const h = await outlookHarness(fake, undefined, random, 60);
  let made = 0;
  // Every schedule start each habit has had: the only series it may ever own.
  const seen = new Map<string, Set<number>>();
  for (let step = 0; step < 8; step++) {
    h.clock.advance(Math.floor(random() * 3 * 3_600_000) + 1000);
    const habits = await h.repo.habits();
    const action = made < 2 ? 'create' : pick(['create', 'rename', 'reschedule', 'archive', 'restore', 'drain', 'drain']);
    const target = habits.length ? pick(habits) : undefined;
    if (action === 'create' && made < 4) {
      if ((await saveHabit(h.deps, habitInput({ name: `Habit ${step}`, onDashboard: false, startTime: pick(['07:30', '14:00', '22:15']) }))).ok) made++;
    } else if (action === 'rename' && target && !target.archived) {
      await saveHabit(h.deps, { ...inputOf(target), name: `${target.name}!` }, target.id);
    } else if (action === 'reschedule' && target && !target.archived) {
      await saveHabit(
        h.deps,
        {
          ...inputOf(target),
          startTime: pick(['06:00', '09:45', '13:00', '18:30']),
          days: pick([
            [1, 3, 5],
            [2, 4],
            [1, 2, 3, 4, 5, 6, 7],
          ]),
        },
        target.id,
      );
    } else if (action === 'archive' && target && !target.archived) {
      await setHabitArchived(h.deps, target.id, true);
    } else if (action === 'restore' && target?.archived) {
      await setHabitArchived(h.deps, target.id, false);
    }
    for (const habit of await h.repo.habits()) seen.set(habit.id, (seen.get(habit.id) ?? new Set()).add(habit.scheduleSince));
    await h.outlook.drain();
  }
  fake.faultPolicy = () => undefined;
  for (let i = 0; i < 10 && (await h.store.outbox('outlook')).length > 0; i++) {
    h.clock.advance(2 * 3_600_000);
    await h.outlook.drain();
  }
  expect(await h.store.outbox('outlook')).toEqual([]);
  const habits = await h.repo.habits();
  h.db.close();
  return { habits, seen };
}

describe(`${RUNS} randomized fault runs against the fake Graph server`, () => {
  it('ends every run with exactly one open series per active habit, in the wanted state', async () => {
    for (let seed = 1; seed <= RUNS; seed++) {
      const { habits, seen } = await run(seed);
      for (const habit of habits) {
        const context = `seed ${seed}, habit ${habit.id}`;
        const all = fake.seriesFor(habit.id);
        const open = all.filter((e) => e.recurrence.range.type === 'noEnd');
        if (habit.archived) {
          expect(open, context).toEqual([]);
        } else {
          expect(
            open.map((e) => e.singleValueExtendedProperties[0].value),
            context,
          ).toEqual([`${habit.id}|${habit.scheduleSince}`]);
          expect(open[0], context).toMatchObject(outlookEventBody(habit));
        }
        // One series per (habit, schedule start), and only for starts the habit really had: no retry made a second.
        const keys = all.map((e) => e.singleValueExtendedProperties[0].value as string);
        expect(new Set(keys).size, context).toBe(keys.length);
        expect(
          keys.filter((k) => !seen.get(habit.id)?.has(Number(k.split('|')[1]))),
          context,
        ).toEqual([]);
      }
    }
  }, 180_000);
});
