import { describe, expect, it, vi } from 'vitest';
import { checkOff } from '@/src/app/check-off';
import { loadDashboard } from '@/src/app/load-dashboard';
import { saveHabit } from '@/src/app/save-habit';
import { saveOutcome } from '@/src/app/save-outcome';
import { logOutcomeValue } from '@/src/app/log-outcome';
import { FixedClock } from '../fakes/fixed-clock';
import { aHabit, habitInput } from '../fakes/habits';
import { seedCueEvent } from '../fakes/seed-cue-event';
import { testDeps } from '../fakes/test-deps';

describe('loadDashboard', () => {
  it('files a check-off just after midnight under the day before, in progress, streak and the keystone week', async () => {
    const deps = await testDeps(FixedClock.at('2026-03-02T15:00:00Z'));
    const saved = await saveHabit(deps, habitInput({ targetKind: 'count', targetAmount: '1', days: [1, 2, 3, 4, 5, 6, 7], keystone: true }));
    if (!saved.ok) throw new Error('fixture invalid');
    deps.clock.set('2026-03-03T05:30:00Z'); // 00:30 on Tuesday in New York: still Monday under the 04:00 boundary.
    await checkOff(deps, { habitId: saved.value.id, source: 'popup' });
    const view = await loadDashboard(deps);
    expect(view.today).toBe('2026-03-02');
    expect(view.metrics[0]).toMatchObject({ streak: 1, progress: { done: 1, met: true } });
    expect(view.keystoneWeek?.days[0]).toEqual({ date: '2026-03-02', state: 'done' });
    deps.clock.set('2026-03-03T15:00:00Z');
    const tuesday = await loadDashboard(deps);
    expect(tuesday.metrics[0]).toMatchObject({ streak: 1, progress: { done: 0 } });
    expect(tuesday.keystoneWeek?.days.slice(0, 3).map((d) => d.state)).toEqual(['done', 'open', 'future']);
  });

  it('carries strength and streak forward, so the next load reads only the recent window', async () => {
    const deps = await testDeps(FixedClock.at('2024-01-01T15:00:00Z'));
    const saved = await saveHabit(deps, habitInput({ targetKind: 'count', targetAmount: '1', days: [1, 2, 3, 4, 5, 6, 7] }));
    if (!saved.ok) throw new Error('fixture invalid');
    for (let day = 0; day < 700; day += 1) {
      deps.clock.set(new Date(Date.parse('2024-01-01T15:00:00Z') + day * 86_400_000).toISOString());
      if (day % 3 !== 2) await checkOff(deps, { habitId: saved.value.id, source: 'backfill' });
    }
    const readsFrom = vi.spyOn(deps.repo, 'checkIns');
    const first = await loadDashboard(deps);
    expect(readsFrom.mock.calls[0]?.[1]).toBe('2023-12-26');
    await vi.waitFor(async () => expect(await deps.repo.habitStats(saved.value.id)).toBeDefined());
    readsFrom.mockClear();
    const second = await loadDashboard(deps);
    // Twelve weeks back from today, not two years.
    expect(readsFrom.mock.calls[0]?.[1]).toBe('2025-09-08'); // today 2025-11-30 minus 83 days
    expect(second.metrics[0]!.strength).toBeCloseTo(first.metrics[0]!.strength, 12);
    expect(second.metrics[0]!.streak).toBe(first.metrics[0]!.streak);
  });

  it('shows the linked outcome’s logged values beside the behaviours, and refuses a bad value', async () => {
    const deps = await testDeps();
    const outcome = await saveOutcome(deps, {
      name: 'Bugs per sprint',
      unit: 'bugs',
      baseline: '40',
      target: '32',
      targetDate: '2027-03-31',
      direction: 'down',
    });
    if (!outcome.ok) throw new Error('fixture invalid');
    await saveHabit(deps, habitInput({ outcomeId: outcome.value.id }));
    expect(await logOutcomeValue(deps, outcome.value.id, { value: 'many', localDate: '2026-03-02' })).toEqual({
      ok: false,
      error: 'Enter the value as a number.',
    });
    expect(await logOutcomeValue(deps, outcome.value.id, { value: '38', localDate: '2026-03-09' })).toMatchObject({ ok: false });
    expect(await logOutcomeValue(deps, outcome.value.id, { value: '38', localDate: '2026-02-23' })).toEqual({ ok: true });
    expect(await logOutcomeValue(deps, outcome.value.id, { value: '36', localDate: '2026-03-02' })).toEqual({ ok: true });
    const view = await loadDashboard(deps);
    expect(view.outcomes).toEqual([expect.objectContaining({ name: 'Bugs per sprint', series: [38, 36], progress: 0.5 })]);
  });

  it('counts in the funnel the instances the calendar really held: a moved one once, a cancelled one not, an unseen one as not fired', async () => {
    const deps = await testDeps(FixedClock.at('2026-03-01T15:00:00Z'));
    const saved = await saveHabit(deps, habitInput({ targetKind: 'count', targetAmount: '1', days: [1, 2, 3, 4, 5, 6, 7] }));
    if (!saved.ok) throw new Error('fixture invalid');
    const id = saved.value.id;
    const at = (iso: string) => Temporal.Instant.from(iso).epochMilliseconds;
    // Monday's 14:00 was moved to 16:15 in the calendar and fired there; Tuesday's was cancelled; Wednesday's passed
    // while the browser was closed; Thursday's fired on time.
    await seedCueEvent(deps.repo, {
      id: `${id}|${at('2026-03-02T21:15:00Z')}`,
      habitId: id,
      cueAt: at('2026-03-02T21:15:00Z'),
      firedAt: at('2026-03-02T21:15:00Z'),
      doneAt: at('2026-03-02T21:20:00Z'),
    });
    await seedCueEvent(deps.repo, {
      id: `${id}|${at('2026-03-04T19:00:00Z')}`,
      habitId: id,
      cueAt: at('2026-03-04T19:00:00Z'),
      unseenAt: at('2026-03-05T12:00:00Z'),
      lateMs: 17 * 3_600_000,
    });
    await seedCueEvent(deps.repo, {
      id: `${id}|${at('2026-03-05T19:00:00Z')}`,
      habitId: id,
      cueAt: at('2026-03-05T19:00:00Z'),
      firedAt: at('2026-03-05T19:00:00Z'),
    });
    deps.clock.set('2026-03-05T22:00:00Z');
    const [metrics] = (await loadDashboard(deps)).metrics;
    expect(metrics!.funnel).toMatchObject({ scheduled: 3, fired: 2, done: 1 });
  });

  it('shows a focus habit’s minutes and average rating this week, from the check-ins it reads anyway', async () => {
    // Wednesday 2026-06-10 in New York; the week runs from Monday 06-08.
    const deps = await testDeps(FixedClock.at('2026-06-10T17:00:00Z'));
    const habit = aHabit({
      id: 'deep',
      kind: 'focus',
      focus: { minutes: 90, intention: 'The design doc for the billing migration' },
      target: { kind: 'minutes', amount: 90, per: 'day' },
      startsOn: '2026-05-04',
    });
    await deps.repo.putHabits([habit, aHabit({ id: 'plain', createdAt: 1 })]);
    const block = (localDate: string, value: number, rating?: number) =>
      deps.repo.addCheckIn({
        id: `focus|${localDate}`,
        habitId: 'deep',
        localDate,
        at: 0,
        timeZone: 'America/New_York',
        value,
        status: 'done',
        source: 'focus',
        ...(rating ? { rating } : {}),
      });
    await block('2026-06-05', 90, 1); // the Friday before: last week
    await block('2026-06-08', 90, 4);
    await block('2026-06-09', 45, 3);
    await block('2026-06-10', 30);
    const reads = vi.spyOn(deps.repo, 'checkIns');
    const view = await loadDashboard(deps);
    expect(view.metrics.find((m) => m.habitId === 'deep')?.focus).toEqual({ minutes: 165, averageRating: 3.5 });
    expect(view.metrics.find((m) => m.habitId === 'plain')).not.toHaveProperty('focus');
    // One read per habit, as before: the metrics' window already reaches back past Monday.
    expect(reads).toHaveBeenCalledTimes(2);
    expect(reads.mock.calls.every(([, from]) => from <= '2026-06-08')).toBe(true);
  });
});
