import { cueEventFor, cueEventId, markPassedUnseen, type CueEvent } from '@/src/core/cue-event';
import { awaitsLogging, missedSummaryText, nextSeenUntil, passedUnseen, PROMPT_WINDOW_MS, sweepWindow } from '@/src/core/missed-cues';
import type { CheckIn } from '@/src/core/check-in';
import { localDateOf } from '@/src/core/day-boundary';
import type { Habit } from '@/src/core/habit';
import type { Deps } from './deps';

/** The id of the one summary notification for cues that passed while the person was away. */
export const MISSED_NOTIFICATION = 'cueboard:missed';

/** A cue that passed unseen or fired late, still waiting for the person's word. */
export interface MissedCue {
  habitId: string;
  name: string;
  cueAt: number;
  /** Passed with no alarm at all, or fired late. */
  how: 'unseen' | 'late';
  lateMs: number;
}

/**
 * Record each cue instance that passed with nothing watching (the browser closed, the machine asleep, an alarm the
 * browser dropped), once, from where the last sweep stopped. Reads cues without the network. Returns how many
 * instances it recorded now.
 */
export async function sweepPassedCues(
  { repo, clock, alarms, provider }: Pick<Deps, 'repo' | 'clock' | 'alarms' | 'provider'>,
  graceMs?: number,
): Promise<number> {
  const now = clock.now();
  const window = sweepWindow(await repo.cuesSeenUntil(), now, graceMs);
  if (window.to <= window.from) {
    await repo.putCuesSeenUntil(window.to);
    return 0;
  }
  const [cues, held, habits] = await Promise.all([
    provider.listCues(window.from, window.to),
    alarms.getAll().then((all) => new Set(all.map((a) => a.name))),
    repo.habits(),
  ]);
  const active = new Set(habits.filter((h) => !h.archived).map((h) => h.id));
  const mine = cues.filter((c) => active.has(c.habitId));
  const recorded = new Map<string, CueEvent>();
  for (const habitId of new Set(mine.map((c) => c.habitId))) {
    for (const event of await repo.cueEvents(habitId, window.from, window.to)) recorded.set(event.id, event);
  }
  let count = 0;
  for (const cue of passedUnseen(mine, recorded, held)) {
    // Read-modify-write in one transaction: an answer or a firing that lands meanwhile wins.
    const stored = await repo.updateCueEvent(cueEventId(cue.habitId, cue.at), (current) => markPassedUnseen(cueEventFor(current, cue.habitId, cue.at), now));
    if (stored.unseenAt === now) count++;
  }
  await repo.putCuesSeenUntil(nextSeenUntil(window, mine, held));
  return count;
}

/**
 * The cues of active habits that passed unseen or fired late in the last day, still unanswered, on a day the habit
 * has no check-in yet (a day already logged needs no question).
 */
export async function missedCues({ repo, clock }: Pick<Deps, 'repo' | 'clock'>): Promise<MissedCue[]> {
  const now = clock.now();
  const [{ dayBoundary }, habits] = await Promise.all([repo.settings(), repo.habits()]);
  const active = habits.filter((h) => !h.archived);
  const zone = clock.timeZone();
  const from = localDateOf(now - PROMPT_WINDOW_MS, zone, dayBoundary);
  const to = localDateOf(now, zone, dayBoundary);
  const [events, checkIns] = await Promise.all([
    Promise.all(active.map((h) => repo.cueEvents(h.id, now - PROMPT_WINDOW_MS, now + 1))),
    Promise.all(active.map((h) => repo.checkIns(h.id, from, to))),
  ]);
  return missedFrom(active, events.flat(), checkIns.flat(), { now, zone, dayBoundary });
}

/** The missed cues among events and check-ins already read (the dashboard reads them anyway). */
export function missedFrom(
  habits: readonly Habit[],
  events: readonly CueEvent[],
  checkIns: readonly CheckIn[],
  at: { now: number; zone: string; dayBoundary: string },
): MissedCue[] {
  const names = new Map(habits.filter((h) => !h.archived).map((h) => [h.id, h.name]));
  const logged = new Set(checkIns.map((c) => `${c.habitId}|${c.localDate}`));
  return events
    .filter((e) => names.has(e.habitId) && awaitsLogging(e, at.now) && !logged.has(`${e.habitId}|${localDateOf(e.cueAt, at.zone, at.dayBoundary)}`))
    .sort((a, b) => a.cueAt - b.cueAt)
    .map((e) => ({
      habitId: e.habitId,
      name: names.get(e.habitId)!,
      cueAt: e.cueAt,
      how: e.unseenAt !== undefined && e.firedAt === undefined ? 'unseen' : 'late',
      lateMs: e.lateMs ?? 0,
    }));
}

/**
 * The one summary prompt: shown (or replaced) when `fresh` cues were just recorded as missed; withdrawn once none is
 * left to log. Never one prompt per cue.
 */
export async function refreshMissedSummary(d: Pick<Deps, 'repo' | 'clock' | 'notifier'>, fresh: boolean): Promise<void> {
  const missed = await missedCues(d);
  if (missed.length === 0) {
    await d.notifier.clear(MISSED_NOTIFICATION);
    return;
  }
  if (fresh) await d.notifier.show({ id: MISSED_NOTIFICATION, kind: 'summary', ...missedSummaryText(missed, d.clock.timeZone()) });
}
