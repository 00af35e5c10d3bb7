import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { IdbFocusStore } from '@/src/adapters/storage/idb-focus-store';
import { openCueboardDb } from '@/src/adapters/storage/open-db';
import { backgroundEvents } from '@/src/app/background-events';
import { FOCUS_ALARM } from '@/src/app/focus-worker';
import { cueAlarmName } from '@/src/core/cue-plan';
import type { Habit } from '@/src/core/habit';
import type { Badge } from '@/src/ports/badge';
import { testShell } from '../fakes/background-shell';
import { FakeBlocker } from '../fakes/fake-blocker';
import { FixedClock } from '../fakes/fixed-clock';
import { aHabit } from '../fakes/habits';
import { testDeps } from '../fakes/test-deps';

const MIN = 60_000;
/** Wed 2026-06-10 08:30 New York: the keystone's 90 minutes of deep work before email. */
const CUE_AT = Date.parse('2026-06-10T12:30:00Z');
const deep = (overrides: Partial<Habit> = {}): Habit =>
  aHabit({
    id: 'deep',
    name: 'Deep work before email',
    kind: 'focus',
    focus: { minutes: 90, intention: 'the design doc for the billing migration' },
    target: { kind: 'minutes', amount: 90, per: 'day' },
    schedule: { days: [1, 2, 3, 4, 5], startTime: '08:30', durationMinutes: 90, timeZone: 'America/New_York' },
    start: { firstStep: 'Open the design doc', link: 'https://docs.example.test/billing' },
    ...overrides,
  });

async function setUp(at = CUE_AT + 1_000, blocker = new FakeBlocker(new Set(['mail.example.com']))) {
  const deps = await testDeps(new FixedClock(at));
  const focus = new IdbFocusStore(await openCueboardDb());
  const shown: string[] = [];
  const badge: Badge = { show: async (text) => void shown.push(text) };
  await deps.repo.putHabits([deep(), deep({ id: 'deep2', name: 'Afternoon deep work', focus: { minutes: 60, intention: '' } })]);
  await focus.updatePrefs(() => ({ sites: ['mail.example.com', 'chat.example.com'], intentionRequired: false }));
  const opened: string[] = [];
  const announced: string[] = [];
  const all = { ...deps, focus, blocker, badge };
  const events = backgroundEvents(Promise.resolve(all), { ...testShell(opened), announceFocus: () => announced.push('focus') });
  return { deps: all, events, opened, shown, blocker, focus, announced };
}

const focusAlarm = async () => (await fakeBrowser.alarms.getAll()).find((a) => a.name === FOCUS_ALARM);

describe('focus blocks in the background', () => {
  it('a focus cue prompts Start now / Start in 2 minutes; Start now runs the block, opens the work, holds granted sites back', async () => {
    const { deps, events, opened, shown, blocker } = await setUp();
    const name = cueAlarmName('deep', CUE_AT);
    await events.alarm(name);
    const prompt = (await fakeBrowser.notifications.getAll())[name];
    expect(prompt).toMatchObject({ title: 'Deep work before email — 90 minutes of focus', message: 'the design doc for the billing migration' });

    await events.notificationButton(name, 0);
    expect(opened).toEqual(['https://docs.example.test/billing']);
    expect(await deps.focus.current()).toMatchObject({ state: 'running', habitId: 'deep', cueAt: CUE_AT, startsAt: CUE_AT + 1_000 });
    expect(await deps.repo.cueEvent(`deep|${CUE_AT}`)).toMatchObject({ startedAt: CUE_AT + 1_000 });
    // chat.example.com was listed but its permission never given: it is not held back.
    expect(blocker.rules).toEqual([{ id: 1, site: 'mail.example.com' }]);
    expect(shown.at(-1)).toBe('90m');
    expect((await focusAlarm())?.scheduledTime).toBe(CUE_AT + 1_000 + MIN);
  });

  it('Start in 2 minutes opens the work at once; the timer and the holding start two minutes later', async () => {
    const { deps, events, opened, blocker } = await setUp();
    const name = cueAlarmName('deep', CUE_AT);
    await events.alarm(name);
    await events.notificationButton(name, 1);
    expect(opened).toEqual(['https://docs.example.test/billing']);
    expect(await deps.focus.current()).toMatchObject({ state: 'pending', startsAt: CUE_AT + 1_000 + 2 * MIN });
    expect(blocker.rules).toEqual([]);
    expect((await focusAlarm())?.scheduledTime).toBe(CUE_AT + 1_000 + 2 * MIN);
    deps.clock.advance(2 * MIN);
    await events.alarm(FOCUS_ALARM);
    expect(await deps.focus.current()).toMatchObject({ state: 'running', runningSince: CUE_AT + 1_000 + 2 * MIN });
    expect(blocker.rules.map((r) => r.site)).toEqual(['mail.example.com']);
  });

  it('pause, +15 min and resume steer the block; the end is recorded as a check-in with the minutes focused', async () => {
    const { deps, events, blocker, shown } = await setUp(CUE_AT);
    expect(await events.message({ type: 'focus', action: { do: 'start', habitId: 'deep', cueAt: CUE_AT, delayed: false } })).toEqual({ ok: true });
    deps.clock.advance(30 * MIN);
    await events.message({ type: 'focus', action: { do: 'pause' } });
    expect(blocker.rules).toEqual([]);
    expect(shown.at(-1)).toBe('60m');
    deps.clock.advance(10 * MIN);
    await events.message({ type: 'focus', action: { do: 'extend' } });
    await events.message({ type: 'focus', action: { do: 'resume' } });
    expect(blocker.rules).toHaveLength(1);
    expect(shown.at(-1)).toBe('75m');
    deps.clock.advance(20 * MIN);
    await events.message({ type: 'focus', action: { do: 'end' } });
    const ended = await deps.focus.current();
    expect(ended).toMatchObject({ state: 'ended', end: 'ended-early', checkInId: expect.any(String) as string });
    expect(blocker.rules).toEqual([]);
    expect(await focusAlarm()).toBeUndefined();
    const checkIns = await deps.repo.checkIns('deep', '2026-06-10', '2026-06-10');
    expect(checkIns).toEqual([expect.objectContaining({ status: 'done', value: 50, source: 'focus', cueAt: CUE_AT })]);
    expect(await deps.repo.cueEvent(`deep|${CUE_AT}`)).toMatchObject({ startedAt: CUE_AT, doneAt: CUE_AT + 60 * MIN });
    // The badge goes back to today's open cues.
    expect(shown.at(-1)).not.toMatch(/m$/u);
  });

  it('the rating lands on the check-in and the history, and becomes the day’s measure of a focus experiment', async () => {
    const { deps, events } = await setUp(CUE_AT);
    await deps.coach.putExperiment({
      id: 'e1',
      hypothesis: 'If I start deep work before email, my focus improves.',
      habitId: 'deep',
      change: 'change',
      measure: { kind: 'rating', label: 'Morning focus' },
      length: '14-days',
      startsOn: '2026-06-08',
      endsOn: '2026-06-21',
      status: 'running',
      createdAt: 0,
    });
    await events.message({ type: 'focus', action: { do: 'start', habitId: 'deep', cueAt: CUE_AT, delayed: false } });
    deps.clock.advance(90 * MIN);
    await events.alarm(FOCUS_ALARM);
    expect(await events.message({ type: 'focus', action: { do: 'rate', rating: 9 } })).toEqual({
      ok: false,
      error: 'Choose how focused it felt, from 1 to 5.',
    });
    expect(await events.message({ type: 'focus', action: { do: 'rate', rating: 4, note: ' Drafted the rollout section ' } })).toEqual({ ok: true });
    expect(await deps.focus.current()).toBeUndefined();
    expect(await deps.repo.checkIns('deep', '2026-06-10', '2026-06-10')).toEqual([
      expect.objectContaining({ value: 90, rating: 4, note: 'Drafted the rollout section' }),
    ]);
    expect(await deps.focus.history(5)).toEqual([expect.objectContaining({ end: 'time-up', rating: 4, note: 'Drafted the rollout section' })]);
    expect(await deps.coach.measures('e1')).toEqual([expect.objectContaining({ localDate: '2026-06-10', value: 4 })]);
  });

  it('a rating given the moment the time is up, before the alarm, is for the ended block; no stale timer fields are kept', async () => {
    const { deps, events } = await setUp(CUE_AT);
    await events.message({ type: 'focus', action: { do: 'start', habitId: 'deep', cueAt: CUE_AT, delayed: false } });
    deps.clock.advance(10 * MIN);
    await events.message({ type: 'focus', action: { do: 'pause' } });
    expect(await deps.focus.current()).not.toHaveProperty('runningSince');
    deps.clock.advance(MIN);
    await events.message({ type: 'focus', action: { do: 'resume' } });
    expect(await deps.focus.current()).not.toHaveProperty('pausedAt');
    deps.clock.advance(80 * MIN);
    expect(await events.message({ type: 'focus', action: { do: 'rate', rating: 5 } })).toEqual({ ok: true });
    const [record] = await deps.focus.history(1);
    expect(record).toMatchObject({ end: 'time-up', endedAt: CUE_AT + 91 * MIN, rating: 5 });
    expect(record).not.toHaveProperty('runningSince');
    expect(await deps.repo.checkIns('deep', '2026-06-10', '2026-06-10')).toEqual([expect.objectContaining({ value: 90, rating: 5 })]);
  });

  it('one block at a time: a second focus cue during it is recorded, not prompted; a second start is refused in words', async () => {
    const { deps, events } = await setUp(CUE_AT);
    await events.message({ type: 'focus', action: { do: 'start', habitId: 'deep', cueAt: CUE_AT, delayed: false } });
    const second = Date.parse('2026-06-10T13:00:00Z');
    deps.clock.set('2026-06-10T13:00:01Z');
    // The afternoon habit's schedule says 08:30, but any focus cue alarm of it during the block behaves the same.
    await events.alarm(cueAlarmName('deep2', second));
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
    expect(await deps.repo.cueEvent(`deep2|${second}`)).toMatchObject({ firedAt: deps.clock.now(), quiet: true });
    expect((await deps.focus.current())?.heldCues).toEqual([{ habitId: 'deep2', cueAt: second }]);
    expect(await events.message({ type: 'focus', action: { do: 'start', habitId: 'deep2', delayed: false } })).toEqual({
      ok: false,
      error: 'A focus block is already running. End it first, or let it finish.',
    });
    // The same cue started twice (notification, then its page) is the same block.
    expect(await events.message({ type: 'focus', action: { do: 'start', habitId: 'deep', cueAt: CUE_AT, delayed: false } })).toEqual({ ok: true });
    expect((await deps.focus.current())?.startsAt).toBe(CUE_AT);
  });

  it('a one-minute pass lets its site through, is recorded, and the site is held back again after the minute', async () => {
    const { deps, events, blocker } = await setUp(CUE_AT);
    await events.message({ type: 'focus', action: { do: 'start', habitId: 'deep', cueAt: CUE_AT, delayed: false } });
    deps.clock.advance(10 * MIN + 20_000);
    await events.message({ type: 'focus', action: { do: 'pass', site: 'mail.example.com' } });
    expect(blocker.rules).toEqual([]);
    // The badge's next minute comes first, with the pass still open; then the pass's end.
    expect((await focusAlarm())?.scheduledTime).toBe(CUE_AT + 11 * MIN);
    deps.clock.advance(40_000);
    await events.alarm(FOCUS_ALARM);
    expect(blocker.rules).toEqual([]);
    expect((await focusAlarm())?.scheduledTime).toBe(CUE_AT + 11 * MIN + 20_000);
    deps.clock.advance(20_000);
    await events.alarm(FOCUS_ALARM);
    expect(blocker.rules.map((r) => r.site)).toEqual(['mail.example.com']);
    expect((await deps.focus.current())?.passes).toEqual([{ host: 'mail.example.com', at: CUE_AT + 10 * MIN + 20_000, until: CUE_AT + 11 * MIN + 20_000 }]);
  });

  it('taking a site’s permission back drops its rule at once', async () => {
    const { events, blocker } = await setUp(CUE_AT);
    await events.message({ type: 'focus', action: { do: 'start', habitId: 'deep', cueAt: CUE_AT, delayed: false } });
    expect(blocker.rules).toHaveLength(1);
    blocker.allowed.delete('mail.example.com');
    await events.permissionsChanged();
    expect(blocker.rules).toEqual([]);
  });

  it('a worker that died mid-block picks it up on wake: same state, same rules, alarm set again', async () => {
    const { deps, events, blocker } = await setUp(CUE_AT);
    await events.message({ type: 'focus', action: { do: 'start', habitId: 'deep', cueAt: CUE_AT, delayed: false } });
    deps.clock.advance(20 * MIN);
    await events.message({ type: 'focus', action: { do: 'pause' } });
    const before = await deps.focus.current();
    await fakeBrowser.alarms.clearAll();
    // A new worker: its module state is gone, IndexedDB and the rules are not.
    deps.clock.advance(5 * MIN);
    const woken = backgroundEvents(Promise.resolve(deps), testShell());
    await woken.wake();
    expect(await deps.focus.current()).toEqual(before);
    expect(blocker.rules).toEqual([]);
    expect((await focusAlarm())?.scheduledTime).toBe(CUE_AT + 20 * MIN + 2 * 60 * MIN);
  });

  it('the browser closed mid-block and reopened after its end: rules gone, the block ended at its end time with its minutes', async () => {
    const { deps, events, blocker } = await setUp(CUE_AT);
    await events.message({ type: 'focus', action: { do: 'start', habitId: 'deep', cueAt: CUE_AT, delayed: false } });
    expect(blocker.rules).toHaveLength(1);
    deps.clock.set('2026-06-10T21:00:00Z');
    const reopened = backgroundEvents(Promise.resolve(deps), testShell());
    await reopened.startUp();
    expect(await deps.focus.current()).toMatchObject({ state: 'ended', end: 'time-up', endedAt: CUE_AT + 90 * MIN });
    expect(blocker.rules).toEqual([]);
    expect(await deps.repo.checkIns('deep', '2026-06-10', '2026-06-10')).toEqual([expect.objectContaining({ value: 90, at: CUE_AT + 90 * MIN })]);
  });

  it('refuses to start a habit that is not a focus block, and steering with no block, in words', async () => {
    const { deps, events } = await setUp(CUE_AT);
    await deps.repo.putHabits([aHabit({ id: 'plain' })]);
    expect(await events.message({ type: 'focus', action: { do: 'start', habitId: 'plain', delayed: false } })).toEqual({
      ok: false,
      error: 'That focus block is no longer set up. Check it in Settings.',
    });
    expect(await events.message({ type: 'focus', action: { do: 'pause' } })).toEqual({ ok: false, error: 'No focus block is running now.' });
    expect(await deps.focus.current()).toBeUndefined();
  });
});
