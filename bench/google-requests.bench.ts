// HTTP requests Cueboard sends to Google Calendar, counted at the fake server: creating 5 habits, one steady-state
// poll with 5 habits (target: 1 request), and an hour of background polling (the refresh alarm every 15 minutes).
import { afterAll, beforeAll, it } from 'vitest';
import { REFRESH_ALARM, REFRESH_MINUTES } from '@/src/app/alarm-names';
import { backgroundEvents } from '@/src/app/background-events';
import { reconcileAlarms } from '@/src/app/reconcile-alarms';
import { saveHabit } from '@/src/app/save-habit';
import type { WorkerDeps } from '@/src/app/worker-deps';
import { FakeGoogle } from '../tests/fakes/google/fake-google-server';
import { googleHarness } from '../tests/fakes/google/google-harness';
import { habitInput } from '../tests/fakes/habits';

let fake: FakeGoogle;
beforeAll(async () => {
  fake = await new FakeGoogle().start();
});
afterAll(async () => {
  await fake.stop();
});

it('counts Google Calendar requests', async () => {
  const h = await googleHarness(fake);
  await h.repo.putSettings({ ...(await h.repo.settings()), calendar: 'google' });
  const deps: WorkerDeps = { ...h.deps, store: h.store, remotes: { google: { calendar: h.google, auth: { connect: async () => {}, disconnect: async () => {} } } } };
  const events = backgroundEvents(Promise.resolve(deps), async () => {}, () => 'cue.html');
  const count = async (job: () => Promise<unknown>) => {
    const before = fake.log.length;
    await job();
    return fake.log.length - before;
  };

  const create = await count(async () => {
    for (const [i, time] of ['07:30', '09:00', '14:00', '16:30', '21:00'].entries()) {
      await saveHabit(h.deps, habitInput({ name: `Habit ${i + 1}`, startTime: time, days: [1, 2, 3, 4, 5, 6, 7] }));
    }
    await h.google.drain();
  });
  const poll = await count(() => reconcileAlarms(h.deps));
  const hour = await count(async () => {
    for (let i = 0; i < 60 / REFRESH_MINUTES; i++) {
      h.clock.advance(REFRESH_MINUTES * 60_000);
      await events.alarm(REFRESH_ALARM);
    }
  });
  const rows = [
    ['create 5 habits (series written)', create],
    ['one steady-state poll, 5 habits (target 1)', poll],
    [`an hour of polling (every ${REFRESH_MINUTES} min)`, hour],
  ] as const;
  console.log(`\nGoogle Calendar HTTP requests\n${rows.map(([what, n]) => `  ${what.padEnd(46)} ${n}`).join('\n')}\n`);
  if (poll !== 1) throw new Error(`A steady-state poll took ${poll} requests; the target is 1.`);
});
