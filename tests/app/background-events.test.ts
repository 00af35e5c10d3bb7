import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { REFRESH_ALARM } from '@/src/app/alarm-names';
import { backgroundEvents } from '@/src/app/background-events';
import { saveHabit } from '@/src/app/save-habit';
import { cueAlarmName } from '@/src/core/cue-plan';
import { FixedClock } from '../fakes/fixed-clock';
import { habitInput } from '../fakes/habits';
import { testDeps } from '../fakes/test-deps';
import { testShell } from '../fakes/background-shell';

const CUE_AT = Temporal.Instant.from('2026-03-02T19:00:00Z').epochMilliseconds;

async function setUp(link = 'https://example.test/reviews') {
  const deps = await testDeps(FixedClock.at('2026-03-02T19:00:02Z'));
  const saved = await saveHabit(deps, habitInput({ link, targetKind: 'count', targetAmount: '1' }));
  if (!saved.ok) throw new Error('fixture invalid');
  const opened: string[] = [];
  const events = backgroundEvents(Promise.resolve(deps), testShell(opened));
  return { deps, events, opened, id: saved.value.id, name: cueAlarmName(saved.value.id, CUE_AT) };
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
});
