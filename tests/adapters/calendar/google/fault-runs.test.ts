// Randomized fault runs: habits are created, edited (renamed or rescheduled), archived and restored while the fake
// Google server drops responses after committing, refuses tokens, rate-limits with Retry-After, fails with 5xx,
// drops connections and times out. After the faults stop and the outbox drains, every habit must have exactly one
// open series in the wanted state, and every other series of it must be ended. Seeds make any failure replayable.
import { IDBFactory } from 'fake-indexeddb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { googleEventBody, googleEventId } from '@/src/adapters/calendar/google/event-body';
import { saveHabit, setHabitArchived } from '@/src/app/save-habit';
import type { Habit } from '@/src/core/habit';
import { FakeGoogle, type Fault } from '../../../fakes/google/fake-google-server';
import { googleHarness, seeded } from '../../../fakes/google/google-harness';
import { habitInput } from '../../../fakes/habits';

const RUNS = 200;
const FAULTS: Fault[] = ['drop', 'drop', '401', '429', '403-rate', '500', 'network', 'timeout'];

let fake: FakeGoogle;
beforeAll(async () => {
  fake = await new FakeGoogle().start();
  fake.retryAfterSeconds = 2;
});
afterAll(async () => {
  await fake.stop();
});

async function run(seed: number): Promise<{ habits: Habit[]; requests: number; seen: Map<string, Set<number>> }> {
  globalThis.indexedDB = new IDBFactory();
  fake.events.clear();
  const random = seeded(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  fake.faultPolicy = () => (random() < 0.35 ? pick(FAULTS) : undefined);
  // A short client timeout keeps injected hangs cheap; a slow answer that trips it is retried like any timeout.
  const h = await googleHarness(fake, undefined, random, 60);
  const ids: string[] = [];
  // Every schedule start each habit has had: the only series it may ever own.
  const seen = new Map<string, Set<number>>();
  const remember = async () => {
    for (const habit of await h.repo.habits()) seen.set(habit.id, (seen.get(habit.id) ?? new Set()).add(habit.scheduleSince));
  };

  for (let step = 0; step < 8; step++) {
    h.clock.advance(Math.floor(random() * 3 * 3_600_000) + 1000);
    const habits = await h.repo.habits();
    const action = ids.length < 2 ? 'create' : pick(['create', 'rename', 'reschedule', 'archive', 'restore', 'drain', 'drain']);
    const target = habits.length ? pick(habits) : undefined;
    if (action === 'create' && ids.length < 4) {
      const saved = await saveHabit(h.deps, habitInput({ name: `Habit ${step}`, onDashboard: false, startTime: pick(['07:30', '14:00', '22:15']) }));
      if (saved.ok) ids.push(saved.value.id);
    } else if (action === 'rename' && target && !target.archived) {
      await saveHabit(h.deps, { ...habitInputOf(target), name: `${target.name}!` }, target.id);
    } else if (action === 'reschedule' && target && !target.archived) {
      await saveHabit(
        h.deps,
        {
          ...habitInputOf(target),
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
    await remember();
    await h.google.drain();
  }

  // The faults stop; time passes beyond every backoff; the outbox drains.
  fake.faultPolicy = () => undefined;
  for (let i = 0; i < 10 && (await h.store.outbox('google')).length > 0; i++) {
    h.clock.advance(2 * 3_600_000);
    await h.google.drain();
  }
  expect(await h.store.outbox('google')).toEqual([]);
  const habits = await h.repo.habits();
  h.db.close();
  return { habits, requests: h.requests.length, seen };
}

function habitInputOf(habit: Habit) {
  return habitInput({
    name: habit.name,
    days: habit.schedule.days,
    startTime: habit.schedule.startTime,
    onDashboard: habit.onDashboard,
    targetKind: habit.target.kind,
    targetAmount: String(habit.target.amount),
  });
}

describe(`${RUNS} randomized fault runs against the fake Google server`, () => {
  it('ends every run with exactly one open series per active habit, in the wanted state, and no stray series', async () => {
    let requests = 0;
    for (let seed = 1; seed <= RUNS; seed++) {
      const { habits, requests: n, seen } = await run(seed);
      requests += n;
      for (const habit of habits) {
        const all = fake.seriesFor(habit.id);
        const open = all.filter((e) => e.status !== 'cancelled' && !(e.recurrence as string[]).some((l) => l.includes('UNTIL=')));
        const context = `seed ${seed}, habit ${habit.id}`;
        if (habit.archived) {
          expect(open, context).toEqual([]);
        } else {
          expect(
            open.map((e) => e.id),
            context,
          ).toEqual([googleEventId(habit.id, habit.scheduleSince)]);
          const { id: _id, ...wanted } = googleEventBody(habit);
          expect(open[0], context).toMatchObject(wanted);
        }
        // No stray series: each one belongs to a schedule start the habit really had (at most one per start).
        const allowed = new Set([...(seen.get(habit.id) ?? [])].map((since) => googleEventId(habit.id, since)));
        expect(
          all.filter((e) => !allowed.has(e.id)),
          context,
        ).toEqual([]);
      }
    }
    expect(requests).toBeGreaterThan(RUNS * 5);
  }, 120_000);
});
