import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { backgroundEvents } from '@/src/app/background-events';
import { checkOff } from '@/src/app/check-off';
import { loadDashboard } from '@/src/app/load-dashboard';
import { MISSED_NOTIFICATION } from '@/src/app/passed-cues';
import { saveHabit } from '@/src/app/save-habit';
import type { RemoteCalendar } from '@/src/app/worker-deps';
import { cueAlarmName } from '@/src/core/cue-plan';
import { testShell } from '../fakes/background-shell';
import { FixedClock } from '../fakes/fixed-clock';
import { habitInput } from '../fakes/habits';
import { testDeps } from '../fakes/test-deps';

const at = (iso: string) => Temporal.Instant.from(iso).epochMilliseconds;
/** Wednesday 2026-06-10, 14:00 / 15:00 / 16:00 in New York. */
const WED = [at('2026-06-10T18:00:00Z'), at('2026-06-10T19:00:00Z'), at('2026-06-10T20:00:00Z')];
const notifications = async () => Object.keys(await fakeBrowser.notifications.getAll());

/** Three daily habits made on Wednesday at 13:00, with the background started (alarms set, the sweep's mark laid). */
async function wednesday() {
  const deps = await testDeps(FixedClock.at('2026-06-10T17:00:00Z'));
  const ids: string[] = [];
  for (const [i, time] of ['14:00', '15:00', '16:00'].entries()) {
    const saved = await saveHabit(
      deps,
      habitInput({ name: `Habit ${i + 1}`, startTime: time, days: [1, 2, 3, 4, 5, 6, 7], targetKind: 'count', targetAmount: '1' }),
    );
    if (!saved.ok) throw new Error('fixture invalid');
    ids.push(saved.value.id);
  }
  const opened: string[] = [];
  const events = backgroundEvents(Promise.resolve(deps), testShell(opened));
  await events.startUp();
  return { deps, ids, events, opened };
}

describe('cues that pass while nothing watches', () => {
  it('the browser was closed and dropped the alarms: on start, one summary, every instance recorded as passed unseen', async () => {
    const { deps, ids, events, opened } = await wednesday();
    await fakeBrowser.alarms.clearAll();
    deps.clock.set('2026-06-11T09:30:00Z'); // Thursday 05:30
    await events.startUp();
    expect(await notifications()).toEqual([MISSED_NOTIFICATION]);
    expect((await fakeBrowser.notifications.getAll())[MISSED_NOTIFICATION]).toMatchObject({ title: '3 cues passed while you were away — log them?' });
    for (const [i, id] of ids.entries()) {
      expect(await deps.repo.cueEvent(`${id}|${WED[i]}`)).toMatchObject({ unseenAt: deps.clock.now(), lateMs: deps.clock.now() - WED[i]! });
    }
    // A second start records nothing new and does not prompt again.
    await fakeBrowser.notifications.clear(MISSED_NOTIFICATION);
    await events.startUp();
    expect(await notifications()).toEqual([]);
    // The summary leads to the list of missed cues.
    await events.notificationClick(MISSED_NOTIFICATION);
    expect(opened).toEqual(['popup.html?missed=1']);
  });

  it('at browser start even a cue 30 s old counts (nothing can be on its way); its alarm, if it still comes, adds no prompt', async () => {
    const { deps, ids, events } = await wednesday();
    await fakeBrowser.alarms.clearAll();
    deps.clock.set('2026-06-10T18:00:30Z'); // 14:00:30: the browser was closed across the 14:00 cue
    await events.startUp();
    expect(await deps.repo.cueEvent(`${ids[0]}|${WED[0]}`)).toMatchObject({ unseenAt: deps.clock.now(), lateMs: 30_000 });
    expect(await notifications()).toEqual([MISSED_NOTIFICATION]);
    await events.alarm(cueAlarmName(ids[0]!, WED[0]!));
    expect(await notifications()).toEqual([MISSED_NOTIFICATION]);
  });

  it('while running, a cue under a minute old is left to its alarm', async () => {
    const { deps, ids, events } = await wednesday();
    await fakeBrowser.alarms.clearAll();
    deps.clock.set('2026-06-10T18:00:30Z');
    await events.reconcile();
    expect(await deps.repo.cueEvent(`${ids[0]}|${WED[0]}`)).toBeUndefined();
    deps.clock.set('2026-06-10T18:01:01Z');
    await events.reconcile();
    expect(await deps.repo.cueEvent(`${ids[0]}|${WED[0]}`)).toMatchObject({ unseenAt: deps.clock.now() });
  });

  it('the browser kept the alarms and fires them late on wake: one summary, never a prompt per cue', async () => {
    const { deps, ids, events } = await wednesday();
    deps.clock.set('2026-06-10T23:00:00Z'); // 19:00, after all three
    for (const [i, id] of ids.entries()) await events.alarm(cueAlarmName(id, WED[i]!));
    await events.reconcile();
    expect(await notifications()).toEqual([MISSED_NOTIFICATION]);
    expect(await deps.repo.cueEvent(`${ids[0]}|${WED[0]}`)).toMatchObject({ firedAt: deps.clock.now(), quiet: true, lateMs: 5 * 3_600_000 });
    expect((await deps.repo.cueEvent(`${ids[0]}|${WED[0]}`))?.unseenAt).toBeUndefined();
  });

  it('logging a missed cue counts it for its own day; when none is left the summary is withdrawn', async () => {
    const { deps, ids, events } = await wednesday();
    await fakeBrowser.alarms.clearAll();
    deps.clock.set('2026-06-11T09:30:00Z');
    await events.startUp();
    const view = await loadDashboard(deps);
    expect(view.missed.map((m) => [m.habitId, m.cueAt, m.how])).toEqual(ids.map((id, i) => [id, WED[i], 'unseen']));
    for (const [i, id] of ids.entries()) {
      const c = await checkOff(deps, { habitId: id, cueAt: WED[i]!, source: 'popup', status: i === 2 ? 'skipped' : 'done' });
      expect(c.localDate).toBe('2026-06-10');
    }
    expect((await loadDashboard(deps)).missed).toEqual([]);
    await events.message({ type: 'badge' });
    expect(await notifications()).toEqual([]);
  });

  it('a cue more than a day old is recorded, but not asked about', async () => {
    const { deps, ids, events } = await wednesday();
    await fakeBrowser.alarms.clearAll();
    deps.clock.set('2026-06-12T21:00:00Z'); // Friday 17:00: Wednesday's cues are over a day old, Thursday's are not
    await events.startUp();
    expect(await deps.repo.cueEvent(`${ids[0]}|${WED[0]}`)).toMatchObject({ unseenAt: deps.clock.now() });
    expect((await fakeBrowser.notifications.getAll())[MISSED_NOTIFICATION]).toMatchObject({ title: '3 cues passed while you were away — log them?' });
    expect((await loadDashboard(deps)).missed.every((m) => m.cueAt > WED[2]!)).toBe(true);
  });
});

describe('every answer belongs to its cue', () => {
  it('a popup check-off answers today’s open cue and withdraws its prompt; the prompt’s Done then changes nothing', async () => {
    const { deps, ids, events } = await wednesday();
    deps.clock.set('2026-06-10T18:00:01Z');
    const name = cueAlarmName(ids[0]!, WED[0]!);
    await events.alarm(name);
    expect(await notifications()).toEqual([name]);
    const fromPopup = await checkOff(deps, { habitId: ids[0]!, source: 'popup' });
    expect(fromPopup).toMatchObject({ cueAt: WED[0], localDate: '2026-06-10' });
    expect(await notifications()).toEqual([]);
    await events.notificationButton(name, 1);
    expect(await deps.repo.checkIns(ids[0]!, '2026-06-01', '2026-06-30')).toEqual([fromPopup]);
    expect(await deps.repo.cueEvent(`${ids[0]}|${WED[0]}`)).toMatchObject({ firedAt: expect.any(Number), doneAt: deps.clock.now() });
  });

  it('before its time, a check-off answers the next cue of the day, which then fires quietly', async () => {
    const { deps, ids, events } = await wednesday();
    const early = await checkOff(deps, { habitId: ids[1]!, source: 'newtab' });
    expect(early.cueAt).toBe(WED[1]);
    deps.clock.set('2026-06-10T19:00:01Z');
    await events.alarm(cueAlarmName(ids[1]!, WED[1]!));
    expect(await notifications()).toEqual([]);
  });

  it('an answer given after the day boundary counts for the cue’s own day', async () => {
    const { deps, ids } = await wednesday();
    deps.clock.set('2026-06-11T13:00:00Z'); // Thursday 09:00
    const late = await checkOff(deps, { habitId: ids[2]!, source: 'cue-page', cueAt: WED[2]! });
    expect(late.localDate).toBe('2026-06-10');
  });
});

describe('cues first, network after', () => {
  it('a cue alarm prompts while a calendar drain hangs, and a page’s reconcile answers without waiting for it', async () => {
    const { deps, ids } = await wednesday();
    let release!: () => void;
    const hung = new Promise<void>((r) => (release = r));
    const calendar: RemoteCalendar = {
      syncHabit: async () => {},
      listCues: async () => [],
      drain: async () => {
        await hung;
        return { synced: 0, failed: 0, reconnectNeeded: false };
      },
      repair: async () => {},
    };
    await deps.repo.updateSettings((s) => ({ ...s, calendar: 'google' }));
    const events = backgroundEvents(
      Promise.resolve({ ...deps, remotes: { google: { calendar, auth: { connect: async () => {}, disconnect: async () => {} } } } }),
      testShell(),
    );
    const stuck = events.syncNetwork();
    expect(await events.message({ type: 'reconcile' })).toMatchObject({ created: expect.any(Number) });
    deps.clock.set('2026-06-10T18:00:01Z');
    const name = cueAlarmName(ids[0]!, WED[0]!);
    await events.alarm(name);
    expect(await notifications()).toEqual([name]);
    release();
    await stuck;
  });
});
