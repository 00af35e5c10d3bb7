import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { checkOff } from '@/src/app/check-off';
import { snoozeCue } from '@/src/app/cue-actions';
import { fireCue } from '@/src/app/fire-cue';
import { setHabitArchived, saveHabit } from '@/src/app/save-habit';
import { cueAlarmName, snoozeAlarmName } from '@/src/core/cue-plan';
import { FixedClock } from '../fakes/fixed-clock';
import { habitInput } from '../fakes/habits';
import { testDeps } from '../fakes/test-deps';

const CUE_AT = Temporal.Instant.from('2026-03-02T19:00:00Z').epochMilliseconds;

async function setUp() {
  const deps = await testDeps(FixedClock.at('2026-03-02T19:00:01Z'));
  const saved = await saveHabit(deps, habitInput({ targetKind: 'count', targetAmount: '1' }));
  if (!saved.ok) throw new Error('fixture invalid');
  return { deps, id: saved.value.id, alarm: cueAlarmName(saved.value.id, CUE_AT) };
}

describe('fireCue', () => {
  it('prompts the two-minute start with Start and Done, and records that the cue fired', async () => {
    const { deps, id, alarm } = await setUp();
    expect(await fireCue(deps, alarm)).toBe('prompted');
    const shown = await fakeBrowser.notifications.getAll();
    expect(shown[alarm]).toMatchObject({
      title: 'Review team code — two-minute start',
      message: 'Open the review queue',
      buttons: [{ title: 'Start (2 min)' }, { title: 'Done' }],
    });
    expect(await deps.repo.cueEvent(`${id}|${CUE_AT}`)).toMatchObject({ firedAt: deps.clock.now() });
  });

  it('stays quiet when today is already done, and records the quiet firing', async () => {
    const { deps, id, alarm } = await setUp();
    await checkOff(deps, { habitId: id, source: 'popup' });
    expect(await fireCue(deps, alarm)).toBe('quiet');
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
    expect(await deps.repo.cueEvent(`${id}|${CUE_AT}`)).toMatchObject({ quiet: true });
  });

  it('still prompts a cue whose alarm comes up to two minutes late (a busy machine)', async () => {
    const { deps, alarm } = await setUp();
    deps.clock.set('2026-03-02T19:02:00Z');
    expect(await fireCue(deps, alarm)).toBe('prompted');
  });

  it('records a cue that fires later than that (a wake from sleep) as fired late, for the summary, with no prompt of its own', async () => {
    const { deps, id, alarm } = await setUp();
    deps.clock.set('2026-03-02T19:02:01Z');
    expect(await fireCue(deps, alarm)).toBe('late');
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
    expect(await deps.repo.cueEvent(`${id}|${CUE_AT}`)).toMatchObject({ firedAt: deps.clock.now(), quiet: true, lateMs: 121_000 });
  });

  it('a late alarm for a cue already answered stays quiet and keeps the answer', async () => {
    const { deps, id, alarm } = await setUp();
    await checkOff(deps, { habitId: id, source: 'popup', cueAt: CUE_AT });
    deps.clock.set('2026-03-02T21:00:00Z');
    expect(await fireCue(deps, alarm)).toBe('quiet');
    expect(await deps.repo.cueEvent(`${id}|${CUE_AT}`)).toMatchObject({ doneAt: expect.any(Number), firedAt: deps.clock.now() });
  });

  it('ignores archived habits and alarms it does not own', async () => {
    const { deps, id, alarm } = await setUp();
    expect(await fireCue(deps, 'cueboard:refresh')).toBe('ignored');
    await setHabitArchived(deps, id, true);
    expect(await fireCue(deps, alarm)).toBe('ignored');
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
  });

  it('brings a snoozed cue back and clears the snooze', async () => {
    const { deps, id } = await setUp();
    await snoozeCue(deps, id, CUE_AT, 10);
    deps.clock.advance(10 * 60_000);
    expect(await fireCue(deps, snoozeAlarmName(id, CUE_AT))).toBe('prompted');
    const event = await deps.repo.cueEvent(`${id}|${CUE_AT}`);
    expect(event?.snoozedUntil).toBeUndefined();
    expect(event?.snoozeCount).toBe(1);
  });
});

describe('fireCue delivered twice', () => {
  it('prompts once for the same cue instance', async () => {
    const deps = await testDeps(FixedClock.at('2026-03-02T19:00:01Z'));
    const saved = await saveHabit(deps, habitInput({ targetKind: 'count', targetAmount: '1' }));
    if (!saved.ok) throw new Error('fixture invalid');
    const alarm = cueAlarmName(saved.value.id, CUE_AT);
    expect(await fireCue(deps, alarm)).toBe('prompted');
    await fakeBrowser.notifications.clear(alarm);
    expect(await fireCue(deps, alarm)).toBe('quiet');
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
  });
});
