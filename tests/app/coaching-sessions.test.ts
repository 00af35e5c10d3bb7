import { describe, expect, it } from 'vitest';
import { checkOff } from '@/src/app/check-off';
import { finishSession, keepSession, openSession, scheduleCheckIns } from '@/src/app/coaching-sessions';
import { saveHabit } from '@/src/app/save-habit';
import { SESSION_PARTS, sessionMarkdown, timerElapsed, toggleTimer } from '@/src/core/coaching-session';
import { FixedClock } from '../fakes/fixed-clock';
import { habitInput } from '../fakes/habits';
import { testDeps } from '../fakes/test-deps';

async function withHabit() {
  const deps = await testDeps(FixedClock.at('2026-03-02T20:00:00Z')); // Monday 15:00 in New York
  const saved = await saveHabit(deps, habitInput({ name: 'Review team code', targetKind: 'count', targetAmount: '1', days: [1, 2, 3, 4, 5, 6, 7] }));
  if (!saved.ok) throw new Error('fixture invalid');
  return { deps, habitId: saved.value.id };
}

describe('the 4-part coaching check-in', () => {
  it('follows the guide: 5, 10, 10 and 5 minutes, with its questions', () => {
    expect(SESSION_PARTS.map((p) => [p.id, p.minutes])).toEqual([
      ['data', 5],
      ['insight', 10],
      ['forward', 10],
      ['commitment', 5],
    ]);
    expect(SESSION_PARTS[0]!.questions).toEqual(['What does the data show us since our last conversation?']);
  });

  it('reviews the data since the last conversation (the last two weeks the first time)', async () => {
    const { deps, habitId } = await withHabit();
    await checkOff(deps, { habitId, source: 'popup' });
    const first = await openSession(deps);
    expect(first.session).toMatchObject({ since: '2026-02-17', until: '2026-03-02' });
    expect(first.review).toEqual([expect.objectContaining({ habitId, doneSince: 1, skippedSince: 0 })]);

    // A check-in needs a commitment; then the next one reviews from where this one stopped.
    expect(await finishSession(deps, first.session, { kind: 'none' })).toMatchObject({ ok: false, field: 'commitment' });
    const done = await finishSession(deps, { ...first.session, commitment: 'Review before lunch' }, { kind: 'none' });
    expect(done).toMatchObject({ ok: true, session: { finishedAt: deps.clock.now() } });
    deps.clock.set('2026-03-09T20:00:00Z');
    const second = await openSession(deps);
    expect(second.session).toMatchObject({ since: '2026-03-02', until: '2026-03-09' });
    expect(second.history.map((s) => s.commitment)).toEqual(['Review before lunch']);
  });

  it('a check-in left half-way comes back as it was', async () => {
    const { deps } = await withHabit();
    const { session } = await openSession(deps);
    await keepSession(deps, { ...session, wentWell: 'Reviews every day' });
    expect((await openSession(deps)).session).toMatchObject({ id: session.id, wentWell: 'Reviews every day' });
  });

  it('the commitment becomes a two-week experiment on the focus behaviour, in one step', async () => {
    const { deps, habitId } = await withHabit();
    const { session } = await openSession(deps);
    const result = await finishSession(
      deps,
      { ...session, focusHabitId: habitId, experimentIdea: 'If I review right after stand-up, fewer bugs reach QA', commitment: 'Review after stand-up' },
      { kind: 'experiment', measureLabel: 'Bugs found in review', measureKind: 'count' },
    );
    if (!result.ok) throw new Error(result.error);
    const [experiment] = await deps.coach.experiments();
    expect(experiment).toMatchObject({ hypothesis: 'If I review right after stand-up, fewer bugs reach QA', habitId, change: 'change', status: 'running' });
    expect(result.session.outcome).toEqual({ kind: 'experiment', experimentId: experiment!.id });
  });

  it('the commitment becomes a change to the focus behaviour: the check-in records which habit to edit', async () => {
    const { deps, habitId } = await withHabit();
    const { session } = await openSession(deps);
    expect(await finishSession(deps, { ...session, commitment: 'Move review to the morning' }, { kind: 'habit' })).toMatchObject({ ok: false, field: 'focus' });
    const done = await finishSession(deps, { ...session, focusHabitId: habitId, commitment: 'Move review to the morning' }, { kind: 'habit' });
    expect(done).toMatchObject({ ok: true, session: { outcome: { kind: 'habit', habitId } } });
    expect(await deps.coach.experiments()).toEqual([]);
  });

  it('schedules the next check-ins as one weekly cue, off the dashboard, that opens the check-in', async () => {
    const { deps } = await withHabit();
    const first = await scheduleCheckIns(deps, { cadence: 'weekly', day: 5, time: '16:00', timeZone: 'America/New_York' });
    const again = await scheduleCheckIns(deps, { cadence: 'weekly', day: 4, time: '09:30', timeZone: 'America/New_York' });
    if (!first.ok || !again.ok) throw new Error('refused');
    expect(again.value.id).toBe(first.value.id);
    const habits = (await deps.repo.habits()).filter((h) => h.kind === 'checkin');
    expect(habits).toEqual([
      expect.objectContaining({ name: 'Coaching check-in', onDashboard: false, schedule: expect.objectContaining({ days: [4], startTime: '09:30' }) }),
    ]);
    expect((await openSession(deps)).checkInHabit?.id).toBe(first.value.id);
  });

  it('schedules every two weeks when the person picks it: a new series, and weekly again clears it', async () => {
    const { deps } = await withHabit();
    const weekly = await scheduleCheckIns(deps, { cadence: 'weekly', day: 5, time: '16:00', timeZone: 'America/New_York' });
    deps.clock.set('2026-03-03T20:00:00Z');
    const biweekly = await scheduleCheckIns(deps, { cadence: 'biweekly', day: 5, time: '16:00', timeZone: 'America/New_York' });
    if (!weekly.ok || !biweekly.ok) throw new Error('refused');
    expect(biweekly.value.id).toBe(weekly.value.id);
    expect(biweekly.value.schedule).toEqual({ days: [5], startTime: '16:00', durationMinutes: 30, timeZone: 'America/New_York', everyWeeks: 2 });
    // A change of cadence is a schedule change: the calendar ends the weekly series and starts this one.
    expect(biweekly.value.scheduleSince).toBe(Date.parse('2026-03-03T20:00:00Z'));
    const cues = await deps.provider.listCues(Date.parse('2026-03-03T00:00:00Z'), Date.parse('2026-04-04T00:00:00Z'));
    expect(cues.filter((c) => c.habitId === biweekly.value.id).map((c) => new Date(c.at).toISOString())).toEqual([
      '2026-03-06T21:00:00.000Z',
      '2026-03-20T20:00:00.000Z',
      '2026-04-03T20:00:00.000Z',
    ]);
    expect((await openSession(deps)).checkInHabit?.schedule.everyWeeks).toBe(2);
    const back = await scheduleCheckIns(deps, { cadence: 'weekly', day: 5, time: '16:00', timeZone: 'America/New_York' });
    if (!back.ok) throw new Error('refused');
    expect(back.value.schedule.everyWeeks).toBeUndefined();
  });

  it('summarises in Markdown, and its timers pause without losing time', () => {
    const md = sessionMarkdown(
      {
        id: 's',
        startedAt: 0,
        since: '2026-02-17',
        until: '2026-03-02',
        wentWell: 'Daily reviews',
        obstacles: '',
        learned: 'Mornings work',
        experimentIdea: '',
        commitment: 'Review after stand-up',
        tracking: 'The popup',
        support: 'A quiet hour',
      },
      { focus: 'Review team code' },
      '2026-03-02',
    );
    expect(md).toContain('# Coaching check-in, 2026-03-02');
    expect(md).toContain('- **Commitment:** Review after stand-up');
    expect(md).not.toContain('Obstacles?');
    let timer = toggleTimer({ elapsedMs: 0 }, 1_000);
    timer = toggleTimer(timer, 61_000);
    expect(timerElapsed(timer, 500_000)).toBe(60_000);
    expect(timerElapsed(toggleTimer(timer, 100_000), 110_000)).toBe(70_000);
  });
});
