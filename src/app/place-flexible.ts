import type { CueSnapshot, RemoteKind } from '@/src/core/calendar-sync';
import { cueEventFor, cueEventId } from '@/src/core/cue-event';
import { PLACE_AHEAD_MS, planFlexible } from '@/src/core/flex-plan';
import type { Habit } from '@/src/core/habit';
import { weekStartInstant } from '@/src/core/period';
import type { Repository } from '@/src/ports/repository';
import type { WorkerDeps } from './worker-deps';

/** What one placement pass did, for the log and the tests. */
export interface PlacementReport {
  moved: number;
  unplaced: number;
  /** Instances left where they were because the calendar refused the move (gone, changed meanwhile, or failing). */
  left: number;
}

/**
 * After a poll: put each flexible habit's instances of the next 48 hours where planFlexible says, one PATCH per
 * instance that must move, guarded by its version. The snapshot the alarms read follows at once (the moved time, or
 * no cue at all for an instance with no free time), so the alarm follows within the same poll. A refused or failed
 * move leaves the instance where it is, with the reason logged; the next poll plans again from what the calendar
 * holds. Never throws for a single instance.
 */
export async function placeFlexible(d: Pick<WorkerDeps, 'repo' | 'store' | 'clock' | 'remotes'>, provider: RemoteKind): Promise<PlacementReport> {
  const report: PlacementReport = { moved: 0, unplaced: 0, left: 0 };
  const calendar = d.remotes[provider]?.calendar;
  const snapshot = await d.store.snapshot(provider);
  if (!calendar?.moveInstance || !snapshot?.instances) return report;
  const now = d.clock.now();
  const [habits, settings, ownMoves] = await Promise.all([d.repo.habits(), d.repo.settings(), d.store.ownMoves(provider)]);
  const placementsThisWeek = await placementsSoFar(d.repo, habits, now);
  const actions = planFlexible({ habits, snapshot, ownMoves, capMinutes: settings.dailyCapMinutes, skipWords: settings.skipWords, now, placementsThisWeek });

  let cues = snapshot.cues;
  let instances = snapshot.instances;
  for (const action of actions) {
    const { instance } = action;
    const id = cueEventId(instance.habitId, instance.at);
    if (action.kind === 'keep') {
      // A block that has its place again is no longer "no free time".
      if ((await d.repo.cueEvent(id))?.unplaced)
        await d.repo.updateCueEvent(id, (stored) => withoutUnplaced(cueEventFor(stored, instance.habitId, instance.at)));
      continue;
    }
    if (action.kind === 'unplaced') {
      cues = cues.filter((c) => !(c.habitId === instance.habitId && c.at === instance.at));
      await d.repo.updateCueEvent(id, (stored) => ({
        ...cueEventFor(stored, instance.habitId, instance.at),
        unplaced: { reason: action.reason, why: action.why },
      }));
      report.unplaced += 1;
      continue;
    }
    // Marked as Cueboard's before it is sent: if the calendar applies it and the answer is lost, the next poll must
    // still see Cueboard's own move (and may move it again), not the person's.
    await d.store.recordOwnMove(provider, instance.instanceId, action.start, now - PLACE_AHEAD_MS);
    let result: 'moved' | 'gone' | 'changed';
    try {
      result = await calendar.moveInstance(instance, action.start, action.end);
    } catch (error) {
      console.warn('[cueboard] a flexible block stays where it is until the next poll', error);
      report.left += 1;
      continue;
    }
    if (result !== 'moved') {
      report.left += 1;
      continue;
    }
    cues = cues.map((c) => (c.habitId === instance.habitId && c.at === instance.at ? { ...c, at: action.start } : c));
    instances = instances.map((i) => (i.instanceId === instance.instanceId ? { ...i, at: action.start, end: action.end } : i));
    await d.repo.updateCueEvent(cueEventId(instance.habitId, action.start), (stored) => ({
      ...withoutUnplaced(cueEventFor(stored, instance.habitId, action.start)),
      // Back at its ideal time it was not displaced.
      ...(action.start !== instance.originalAt ? { displacedFrom: instance.originalAt } : {}),
    }));
    report.moved += 1;
  }
  if (report.moved > 0 || report.unplaced > 0) {
    const next: CueSnapshot = { ...snapshot, cues: [...cues].sort((a, b) => a.at - b.at), instances };
    await d.store.putSnapshot(next);
  }
  return report;
}

/**
 * Blocks each flexible habit has had this week before now (its cue instances since Monday that were not "no free
 * time"), so that when two compete for one slot the one that got fewer goes first. One indexed read per flexible habit.
 */
async function placementsSoFar(repo: Repository, habits: readonly Habit[], now: number): Promise<Record<string, number>> {
  const flexible = habits.filter((h) => !h.archived && h.schedule.window);
  const counts = await Promise.all(
    flexible.map(async (h) => (await repo.cueEvents(h.id, weekStartInstant(now, h.schedule.timeZone), now)).filter((e) => !e.unplaced).length),
  );
  return Object.fromEntries(flexible.map((h, i) => [h.id, counts[i]!]));
}

function withoutUnplaced<T extends { unplaced?: unknown }>(event: T): Omit<T, 'unplaced'> {
  const { unplaced: _dropped, ...rest } = event;
  return rest;
}
