import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { REFRESH_ALARM } from '@/src/app/alarm-names';
import { backgroundEvents, type BackgroundShell } from '@/src/app/background-events';
import { saveHabit } from '@/src/app/save-habit';
import { cueAlarmName } from '@/src/core/cue-plan';
import { FixedClock } from '../fakes/fixed-clock';
import { habitInput } from '../fakes/habits';
import { testDeps } from '../fakes/test-deps';
import { testShell } from '../fakes/background-shell';

const CUE_AT = Temporal.Instant.from('2026-03-02T19:00:00Z').epochMilliseconds;

async function setUp(link = 'https://example.test/reviews', glance: Pick<BackgroundShell, 'glanceChanged' | 'glanceSettled'> = {}) {
  const deps = await testDeps(FixedClock.at('2026-03-02T19:00:02Z'));
  const saved = await saveHabit(deps, habitInput({ link, targetKind: 'count', targetAmount: '1' }));
  if (!saved.ok) throw new Error('fixture invalid');
  const opened: string[] = [];
  const events = backgroundEvents(Promise.resolve(deps), { ...testShell(opened), ...glance });
  return { deps, events, opened, id: saved.value.id, name: cueAlarmName(saved.value.id, CUE_AT) };
}

/** Whether `promise` settled within a few turns of the event loop. */
async function isSettled(promise: Promise<unknown>): Promise<boolean> {
  let settled = false;
  void promise.then(() => (settled = true));
  await new Promise((resolve) => setTimeout(resolve, 20));
  return settled;
}

describe('background events', () => {
  it('on start-up creates the refresh alarm once and reconciles cues', async () => {
    const { events } = await setUp();
    await events.startUp();
    await events.startUp();
    const alarms = await fakeBrowser.alarms.getAll();
    expect(alarms.filter((a) => a.name === REFRESH_ALARM)).toEqual([expect.objectContaining({ periodInMinutes: 15 })]);
    expect(alarms.filter((a) => a.name.startsWith('cue|'))).toHaveLength(2);
  });

  it('Done on the notification records one check-in and closes the prompt', async () => {
    const { deps, events, id, name } = await setUp();
    await events.alarm(name);
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toEqual([name]);
    await events.notificationButton(name, 1);
    await events.notificationButton(name, 1);
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
    const checkIns = await deps.repo.checkIns(id, '2026-03-02', '2026-03-02');
    expect(checkIns).toEqual([expect.objectContaining({ source: 'notification', status: 'done', cueAt: CUE_AT })]);
    expect(await deps.repo.cueEvent(`${id}|${CUE_AT}`)).toMatchObject({ firedAt: deps.clock.now(), doneAt: deps.clock.now() });
  });

  it('Start opens the habit link and records the start', async () => {
    const { deps, events, id, name, opened } = await setUp();
    await events.alarm(name);
    await events.notificationButton(name, 0);
    expect(opened).toEqual(['https://example.test/reviews']);
    expect(await deps.repo.cueEvent(`${id}|${CUE_AT}`)).toMatchObject({ startedAt: deps.clock.now() });
  });

  it('Start without a link, or a click on the notification, opens the cue page', async () => {
    const { events, id, name, opened } = await setUp('');
    await events.alarm(name);
    await events.notificationButton(name, 0);
    await events.notificationClick(name);
    expect(opened).toEqual([`cue.html?habit=${id}&at=${CUE_AT}`, `cue.html?habit=${id}&at=${CUE_AT}`]);
  });

  describe('the glance snapshot (the popup’s and new tab’s first paint)', () => {
    it('is dropped when a reconcile moved cues, and not when it changed nothing', async () => {
      let changed = 0;
      const { events } = await setUp(undefined, { glanceChanged: () => void changed++ });
      await events.reconcile();
      expect(changed).toBe(1);
      await events.reconcile();
      expect(changed).toBe(1);

      await fakeBrowser.alarms.clearAll();
      await events.reconcile();
      expect(changed).toBe(2);
    });

    it('a notification’s Done ends only once the glance drop has landed, asked for after the check-in was written', async () => {
      let landed = Promise.resolve();
      let asked = () => undefined as void;
      const checkInsWhenAsked: number[] = [];
      let countCheckIns = async () => 0;
      const { deps, events, id, name } = await setUp(undefined, {
        glanceSettled: async () => {
          checkInsWhenAsked.push(await countCheckIns());
          asked();
          await landed;
        },
      });
      countCheckIns = async () => (await deps.repo.checkIns(id, '2026-03-02', '2026-03-02')).length;
      await events.alarm(name);
      expect(checkInsWhenAsked).toEqual([0]);

      checkInsWhenAsked.length = 0;
      let land = () => undefined as void;
      landed = new Promise((resolve) => (land = resolve));
      const wasAsked = new Promise<void>((resolve) => (asked = resolve));
      const done = events.notificationButton(name, 1);
      await wasAsked;
      expect(checkInsWhenAsked).toEqual([1]);
      // The popup opened now would still find the old snapshot: the job is not over.
      expect(await isSettled(done)).toBe(false);
      land();
      expect(await isSettled(done)).toBe(true);
    });
  });
});
