import { describe, expect, it } from 'vitest';
import { IdbRepository } from '@/src/adapters/storage/idb-repository';
import { openCueboardDb } from '@/src/adapters/storage/open-db';
import type { CheckIn } from '@/src/core/check-in';
import { reopenCue } from '@/src/core/cue-event';
import { aHabit } from '../../fakes/habits';
import { seedCueEvent } from '../../fakes/seed-cue-event';

async function repo() {
  return new IdbRepository(await openCueboardDb());
}

const checkIn = (id: string, habitId: string, localDate: string, extra: Partial<CheckIn> = {}): CheckIn => ({
  id,
  habitId,
  localDate,
  at: 1,
  timeZone: 'UTC',
  value: 1,
  status: 'done',
  source: 'popup',
  ...extra,
});

describe('IdbRepository', () => {
  it('reads check-ins of one habit in a date range through the index', async () => {
    const r = await repo();
    for (const [id, habit, date] of [
      ['a', 'h1', '2026-03-01'],
      ['b', 'h1', '2026-03-02'],
      ['c', 'h1', '2026-03-08'],
      ['d', 'h1', '2026-03-09'],
      ['e', 'h2', '2026-03-03'],
    ] as const) {
      await r.addCheckIn(checkIn(id, habit, date));
    }
    expect((await r.checkIns('h1', '2026-03-02', '2026-03-08')).map((c) => c.id)).toEqual(['b', 'c']);
    expect((await r.checkIns('h2', '2026-03-02', '2026-03-08')).map((c) => c.id)).toEqual(['e']);
  });

  it('writes a check-in and its cue event together, or neither', async () => {
    const r = await repo();
    expect(await r.addCheckIn(checkIn('a', 'h1', '2026-03-02', { cueAt: 5 }), () => ({ id: 'h1|5', habitId: 'h1', cueAt: 5, doneAt: 9 }))).toBe(true);
    expect(await r.cueEvent('h1|5')).toMatchObject({ doneAt: 9 });

    // A second add with the same id fails; the cue event change in the same transaction must not land.
    await expect(r.addCheckIn(checkIn('a', 'h1', '2026-03-02', { cueAt: 6 }), () => ({ id: 'h1|6', habitId: 'h1', cueAt: 6, doneAt: 10 }))).rejects.toThrow();
    expect(await r.cueEvent('h1|6')).toBeUndefined();
  });

  it('lets one answer win when two race for the same cue', async () => {
    const r = await repo();
    const answer = (stored?: { doneAt?: number }) => (stored?.doneAt ? undefined : { id: 'h1|5', habitId: 'h1', cueAt: 5, doneAt: 1 });
    const results = await Promise.all([
      r.addCheckIn(checkIn('a', 'h1', '2026-03-02', { cueAt: 5 }), answer),
      r.addCheckIn(checkIn('b', 'h1', '2026-03-02', { cueAt: 5 }), answer),
    ]);
    expect(results.sort()).toEqual([false, true]);
    expect(await r.checkIns('h1', '2026-03-02', '2026-03-02')).toHaveLength(1);
  });

  it('changes a cue event by reading and writing it in one transaction', async () => {
    const r = await repo();
    await seedCueEvent(r, { id: 'h1|5', habitId: 'h1', cueAt: 5, doneAt: 9 });
    await r.updateCueEvent('h1|5', (stored) => ({ ...stored!, firedAt: 7 }));
    expect(await r.cueEvent('h1|5')).toEqual({ id: 'h1|5', habitId: 'h1', cueAt: 5, doneAt: 9, firedAt: 7 });
  });

  it('removes a check-in and reopens its cue in one step', async () => {
    const r = await repo();
    await r.addCheckIn(checkIn('a', 'h1', '2026-03-02', { cueAt: 5 }), () => ({ id: 'h1|5', habitId: 'h1', cueAt: 5, firedAt: 4, doneAt: 9 }));
    const removed = await r.removeCheckIn('a', reopenCue);
    expect(removed?.id).toBe('a');
    expect(await r.checkIns('h1', '2026-03-02', '2026-03-02')).toEqual([]);
    expect(await r.cueEvent('h1|5')).toEqual({ id: 'h1|5', habitId: 'h1', cueAt: 5, firedAt: 4 });
    expect(await r.removeCheckIn('a', reopenCue)).toBeUndefined();
  });

  it('finds only snoozes still to come back', async () => {
    const r = await repo();
    await seedCueEvent(r, { id: 'x|1', habitId: 'x', cueAt: 1, snoozedUntil: 100 });
    await seedCueEvent(r, { id: 'x|2', habitId: 'x', cueAt: 2, snoozedUntil: 300 });
    await seedCueEvent(r, { id: 'x|3', habitId: 'x', cueAt: 3 });
    expect((await r.pendingSnoozes(100)).map((e) => e.id)).toEqual(['x|2']);
  });

  it('writes several habits in one transaction and keeps settings', async () => {
    const r = await repo();
    await r.putHabits([aHabit({ id: 'a' }), aHabit({ id: 'b' })]);
    expect((await r.habits()).map((h) => h.id)).toEqual(['a', 'b']);
    expect(await r.habit('b')).toEqual(aHabit({ id: 'b' }));
    const settings = { dayBoundary: '03:00', calendar: 'google' as const, newTabDashboard: false, dailyCapMinutes: 90, skipWords: ['Offsite'] };
    expect(await r.updateSettings(() => settings)).toEqual(settings);
    expect(await r.settings()).toEqual(settings);
    // The change is given the stored record, defaults filled in; keeping it as it is writes nothing.
    expect(await r.updateSettings((stored) => ({ ...stored, dailyCapMinutes: 60 }))).toEqual({ ...settings, dailyCapMinutes: 60 });
    const same = await r.updateSettings((stored) => stored);
    expect(same).toEqual({ ...settings, dailyCapMinutes: 60 });
    // A change that throws leaves the settings as they were.
    await expect(
      r.updateSettings(() => {
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await r.settings()).toEqual({ ...settings, dailyCapMinutes: 60 });
  });
});

describe('IdbRepository, dashboard reads', () => {
  const stats = { habitId: 'h1', configHash: 'x', strength: { through: '2026-03-01', score: 0.5 }, streak: { through: '2026-03-01', count: 2 } };

  it('invalidates the carried-forward stats when a check-in on or before their date is added or removed, not for today', async () => {
    const r = await repo();
    expect(await r.putHabitStats(stats, 0)).toBe(true);
    await r.addCheckIn(checkIn('today', 'h1', '2026-03-02'));
    expect(await r.habitStats('h1')).toEqual({ ...stats, stamp: 1 });
    await r.addCheckIn(checkIn('backfill', 'h1', '2026-02-20'));
    expect(await r.habitStats('h1')).toMatchObject({ configHash: '', stamp: 2 });
    expect(await r.putHabitStats(stats, 2)).toBe(true);
    await r.removeCheckIn('backfill');
    expect(await r.habitStats('h1')).toMatchObject({ configHash: '', stamp: 4 });
  });

  it('refuses to write back stats computed before a backfill landed', async () => {
    const r = await repo();
    await r.putHabitStats(stats, 0);
    const read = await r.habitStats('h1');
    await r.addCheckIn(checkIn('backfill', 'h1', '2026-02-20'));
    expect(await r.putHabitStats({ ...stats, strength: { through: '2026-03-02', score: 0.6 } }, read!.stamp!)).toBe(false);
    expect(await r.habitStats('h1')).toMatchObject({ configHash: '' });
  });

  it('reads cue events of one habit in a time range, and an outcome’s latest values newest first', async () => {
    const r = await repo();
    for (const cueAt of [100, 200, 300]) await seedCueEvent(r, { id: `h1|${cueAt}`, habitId: 'h1', cueAt });
    await seedCueEvent(r, { id: 'h2|150', habitId: 'h2', cueAt: 150 });
    expect((await r.cueEvents('h1', 100, 300)).map((e) => e.cueAt)).toEqual([100, 200]);
    for (const [id, date] of [
      ['a', '2026-01-05'],
      ['b', '2026-01-19'],
      ['c', '2026-01-12'],
    ] as const)
      await r.addOutcomeValue({ id, outcomeId: 'o1', localDate: date, value: 1 });
    await r.addOutcomeValue({ id: 'z', outcomeId: 'o2', localDate: '2026-02-01', value: 9 });
    expect((await r.outcomeValues('o1', 2)).map((v) => v.id)).toEqual(['b', 'c']);
    expect((await r.outcomeValues('o1', 5)).map((v) => v.id)).toEqual(['b', 'c', 'a']);
  });
});
