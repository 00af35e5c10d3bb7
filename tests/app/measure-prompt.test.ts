import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { backgroundEvents } from '@/src/app/background-events';
import { logMeasure, startExperiment } from '@/src/app/experiments';
import { MEASURE_ALARM } from '@/src/app/measure-prompt';
import { testShell } from '../fakes/background-shell';
import { FixedClock } from '../fakes/fixed-clock';
import { habitInput } from '../fakes/habits';
import { testDeps } from '../fakes/test-deps';

const hypothesis = 'If I block the 30 minutes after lunch for email, my afternoon focus rises';

/** Monday 2026-03-02, 15:00 in New York, with one experiment measured as `kind`. */
async function running(kind: 'rating' | 'count') {
  const deps = await testDeps(FixedClock.at('2026-03-02T20:00:00Z'));
  const started = await startExperiment(
    deps,
    { hypothesis, measureKind: kind, measureLabel: 'Afternoon focus', length: '14-days' },
    { kind: 'new', habit: habitInput({ name: 'Email after lunch' }) },
  );
  if (!started.ok) throw new Error('fixture invalid');
  const opened: string[] = [];
  return { deps, events: backgroundEvents(Promise.resolve(deps), testShell(opened)), experiment: started.experiment, opened };
}

const measureAlarm = async () => (await fakeBrowser.alarms.getAll()).find((a) => a.name === MEASURE_ALARM);

describe('the day’s-end rating', () => {
  it('is asked once at 21:00 local while a rating experiment runs, and leads to the behaviour’s page', async () => {
    const { deps, events, experiment, opened } = await running('rating');
    await events.reconcile();
    expect((await measureAlarm())?.scheduledTime).toBe(Date.parse('2026-03-02T21:00:00-05:00'));
    deps.clock.set('2026-03-03T02:00:00Z'); // 21:00 in New York
    await events.alarm(MEASURE_ALARM);
    const id = `cueboard:measure|${experiment.habitId}`;
    expect((await fakeBrowser.notifications.getAll())[id]).toMatchObject({ title: 'How was afternoon focus today?' });
    expect((await measureAlarm())?.scheduledTime).toBe(Date.parse('2026-03-03T21:00:00-05:00'));
    await events.notificationClick(id);
    expect(opened).toEqual([`cue.html?habit=${experiment.habitId}`]);
  });

  it('is not asked on a day already rated, nor for counts (those are asked on the cue page)', async () => {
    const rated = await running('rating');
    expect(await logMeasure(rated.deps, rated.experiment.id, '4')).toEqual({ ok: true });
    rated.deps.clock.set('2026-03-03T02:00:00Z');
    await rated.events.alarm(MEASURE_ALARM);
    expect(await fakeBrowser.notifications.getAll()).toEqual({});

    const counted = await running('count');
    await counted.events.reconcile();
    expect(await measureAlarm()).toBeUndefined();
  });
});
