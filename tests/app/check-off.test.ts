import { describe, expect, it } from 'vitest';
import { checkOff, undoCheckIn } from '@/src/app/check-off';
import { loadToday } from '@/src/app/load-today';
import { saveHabit } from '@/src/app/save-habit';
import { FixedClock } from '../fakes/fixed-clock';
import { habitInput } from '../fakes/habits';
import { testDeps } from '../fakes/test-deps';

/** The habit's 14:00 New York cue on Monday 2026-03-02. */
const CUE = Temporal.Instant.from('2026-03-02T19:00:00Z').epochMilliseconds;

describe('checkOff', () => {
  it('files a check-in at 00:30 under the previous day (04:00 boundary)', async () => {
    // 00:30 on Tuesday 2026-03-03 in New York.
    const deps = await testDeps(FixedClock.at('2026-03-03T05:30:00Z'));
    const saved = await saveHabit(deps, habitInput());
    if (!saved.ok) throw new Error('fixture invalid');
    const c = await checkOff(deps, { habitId: saved.value.id, source: 'popup' });
    expect(c).toMatchObject({ localDate: '2026-03-02', status: 'done', value: 30, source: 'popup', timeZone: 'America/New_York' });
    expect(await deps.repo.checkIns(saved.value.id, '2026-03-02', '2026-03-02')).toEqual([c]);
  });

  it('answers one cue once, however many times Done is pressed', async () => {
    const deps = await testDeps();
    const saved = await saveHabit(deps, habitInput());
    if (!saved.ok) throw new Error('fixture invalid');
    const a = await checkOff(deps, { habitId: saved.value.id, source: 'notification', cueAt: CUE });
    const b = await checkOff(deps, { habitId: saved.value.id, source: 'cue-page', cueAt: CUE });
    expect(b).toEqual(a);
    expect(await deps.repo.checkIns(saved.value.id, '2026-01-01', '2026-12-31')).toHaveLength(1);
  });

  it('undoes a check-off, and the popup shows the progress move both ways', async () => {
    const deps = await testDeps();
    const saved = await saveHabit(deps, habitInput({ targetKind: 'count', targetAmount: '3', targetPer: 'week' }));
    if (!saved.ok) throw new Error('fixture invalid');
    const before = await loadToday(deps);
    expect(before.items[0]).toMatchObject({ state: 'not-logged', progress: { done: 0, target: 3 } });
    const c = await checkOff(deps, { habitId: saved.value.id, source: 'popup' });
    expect((await loadToday(deps)).items[0]).toMatchObject({ state: 'done', undoId: c.id, progress: { done: 1 } });
    await undoCheckIn(deps, c.id);
    expect((await loadToday(deps)).items[0]).toMatchObject({ state: 'not-logged', progress: { done: 0 } });
  });

  it('records a skip apart from a miss and from nothing', async () => {
    const deps = await testDeps();
    const saved = await saveHabit(deps, habitInput());
    if (!saved.ok) throw new Error('fixture invalid');
    await checkOff(deps, { habitId: saved.value.id, source: 'cue-page', status: 'skipped', note: ' travelling ' });
    const today = await loadToday(deps);
    expect(today.items[0]).toMatchObject({ state: 'skipped', progress: { done: 0 } });
  });

  it('refuses a habit that does not exist and stores nothing', async () => {
    const deps = await testDeps();
    await expect(checkOff(deps, { habitId: 'nope', source: 'popup' })).rejects.toThrow(/no longer exists/);
  });
});

describe('checkOff races and late answers', () => {
  it('counts one check-in when the notification and the cue page answer the same cue at once', async () => {
    const deps = await testDeps();
    const saved = await saveHabit(deps, habitInput());
    if (!saved.ok) throw new Error('fixture invalid');
    const [a, b] = await Promise.all([
      checkOff(deps, { habitId: saved.value.id, source: 'notification', cueAt: CUE }),
      checkOff(deps, { habitId: saved.value.id, source: 'cue-page', cueAt: CUE }),
    ]);
    expect(a.id).toBe(b.id);
    expect(await deps.repo.checkIns(saved.value.id, '2026-01-01', '2026-12-31')).toHaveLength(1);
  });

  it('does not count a cue twice when Done is pressed again after the day boundary', async () => {
    const deps = await testDeps(FixedClock.at('2026-03-02T23:00:00Z'));
    const saved = await saveHabit(deps, habitInput());
    if (!saved.ok) throw new Error('fixture invalid');
    const first = await checkOff(deps, { habitId: saved.value.id, source: 'cue-page', cueAt: CUE });
    deps.clock.set('2026-03-03T15:00:00Z');
    const again = await checkOff(deps, { habitId: saved.value.id, source: 'notification', cueAt: CUE });
    expect(again).toEqual(first);
    expect(await deps.repo.checkIns(saved.value.id, '2026-01-01', '2026-12-31')).toHaveLength(1);
  });
});
