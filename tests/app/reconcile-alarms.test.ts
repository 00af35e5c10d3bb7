import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { saveHabit, setHabitArchived } from '@/src/app/save-habit';
import { reconcileAlarms } from '@/src/app/reconcile-alarms';
import { cueAlarmName } from '@/src/core/cue-plan';
import { snoozeCue } from '@/src/app/cue-actions';
import { FixedClock } from '../fakes/fixed-clock';
import { habitInput } from '../fakes/habits';
import { testDeps } from '../fakes/test-deps';

const ms = (iso: string) => Temporal.Instant.from(iso).epochMilliseconds;
const alarmNames = async () => (await fakeBrowser.alarms.getAll()).map((a) => a.name).sort();

describe('reconcileAlarms', () => {
  it('covers the next 48 hours and changes nothing when run twice', async () => {
    // Monday 2026-03-02 10:00 in New York; a weekday 14:00 cue.
    const deps = await testDeps(FixedClock.at('2026-03-02T15:00:00Z'));
    const saved = await saveHabit(deps, habitInput({ days: [1, 2, 3, 4, 5, 6, 7] }));
    if (!saved.ok) throw new Error('fixture invalid');

    const first = await reconcileAlarms(deps);
    expect(first.create.map((a) => a.when)).toEqual([ms('2026-03-02T19:00:00Z'), ms('2026-03-03T19:00:00Z')]);
    const afterFirst = await fakeBrowser.alarms.getAll();
    expect(afterFirst.map((a) => [a.name, a.scheduledTime])).toEqual(first.create.map((a) => [a.name, a.when]));

    const second = await reconcileAlarms(deps);
    expect(second).toEqual({ create: [], clear: [] });
    expect(await fakeBrowser.alarms.getAll()).toEqual(afterFirst);
  });

  it('follows a schedule change and an archive, and leaves foreign alarms alone', async () => {
    const deps = await testDeps(FixedClock.at('2026-03-02T15:00:00Z'));
    await fakeBrowser.alarms.create('cueboard:refresh', { periodInMinutes: 30 });
    const saved = await saveHabit(deps, habitInput({ days: [1, 2, 3, 4, 5, 6, 7] }));
    if (!saved.ok) throw new Error('fixture invalid');
    const id = saved.value.id;
    await reconcileAlarms(deps);

    await saveHabit(deps, habitInput({ days: [1, 2, 3, 4, 5, 6, 7], startTime: '16:30' }), id);
    const moved = await reconcileAlarms(deps);
    expect(moved.clear).toHaveLength(2);
    expect(await alarmNames()).toEqual(['cueboard:refresh', cueAlarmName(id, ms('2026-03-02T21:30:00Z')), cueAlarmName(id, ms('2026-03-03T21:30:00Z'))].sort());

    await setHabitArchived(deps, id, true);
    await reconcileAlarms(deps);
    expect(await alarmNames()).toEqual(['cueboard:refresh']);
  });

  it('keeps the cue at 14:00 local after the clocks change and after travel', async () => {
    // Friday before the 2026 spring-forward in New York.
    const clock = FixedClock.at('2026-03-06T20:00:00Z');
    const deps = await testDeps(clock);
    await saveHabit(deps, habitInput({ days: [1, 2, 3, 4, 5, 6, 7] }));
    await reconcileAlarms(deps);
    clock.set('2026-03-07T20:00:00Z');
    clock.travelTo('Europe/Berlin');
    await reconcileAlarms(deps);
    // The fake browser never fires alarms; the one due on Saturday would have fired and gone in a real browser.
    const pending = (await fakeBrowser.alarms.getAll()).filter((a) => a.scheduledTime > clock.now());
    const times = pending.map((a) => new Date(a.scheduledTime).toISOString()).sort();
    expect(times).toEqual(['2026-03-08T18:00:00.000Z', '2026-03-09T18:00:00.000Z']);
  });

  it('adds the alarm of a pending snooze', async () => {
    const deps = await testDeps(FixedClock.at('2026-03-02T15:00:00Z'));
    const saved = await saveHabit(deps, habitInput({ days: [2] }));
    if (!saved.ok) throw new Error('fixture invalid');
    const until = await snoozeCue(deps, saved.value.id, ms('2026-03-02T14:55:00Z'), 10);
    await reconcileAlarms(deps);
    expect((await fakeBrowser.alarms.getAll()).find((a) => a.name.startsWith('snooze|'))?.scheduledTime).toBe(until);
  });
});
