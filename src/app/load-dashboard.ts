import { overdueChangesAt, overdueDays } from '@/src/core/data/backups';
import { glanceValidUntil } from '@/src/core/glance-expiry';
import { PROMPT_WINDOW_MS } from '@/src/core/missed-cues';
import { dashboardHabits, type Habit } from '@/src/core/habit';
import { addDays } from '@/src/core/local-time';
import { localDateOf } from '@/src/core/day-boundary';
import { FUNNEL_DAYS, habitMetrics, readFrom, type HabitMetrics } from '@/src/core/metrics/habit-metrics';
import { judgedHabit } from '@/src/core/metrics/logical-days';
import { outcomeTrend, type OutcomeTrend } from '@/src/core/metrics/outcome-trend';
import { dailyValues } from '@/src/core/metrics/daily-values';
import { periodOf } from '@/src/core/period';
import { buildToday, dayWindow, type TodayItem } from '@/src/core/today';
import type { Deps } from './deps';
import { missedFrom, type MissedCue } from './passed-cues';
import { todayOf } from './today-date';

/** The next cue to come, with its two-minute start. */
export interface NextCue {
  habitId: string;
  name: string;
  firstStep: string;
  link?: string;
  at: number;
}

/** Everything the popup and the new tab show. */
export interface DashboardView {
  today: string;
  now: number;
  items: TodayItem[];
  metrics: HabitMetrics[];
  outcomes: OutcomeTrend[];
  nextCue?: NextCue;
  /** The keystone habit's week, Monday first: done, skipped or nothing, per date. */
  keystoneWeek?: { name: string; days: { date: string; state: 'done' | 'skipped' | 'open' | 'future' }[] };
  offDashboard: number;
  /** Cues of the last day that passed unseen or fired late and still wait for the person's word. */
  missed: MissedCue[];
  /** Days since the last weekly backup, when backups are on and one is overdue. */
  backupOverdueDays?: number;
  /** Until when this view stays true with time alone (see glanceValidUntil): how long a snapshot of it may be painted. */
  validUntil: number;
}

const DAY_MS = 86_400_000;

/**
 * Read what the dashboard shows, in reads that do not grow with history: per habit its last 12 weeks of check-ins
 * (or back to its carried-forward stats), four weeks of cue events, and the stats; outcomes' last 12 values.
 * The stats carried forward are written back afterwards, off the rendering path.
 */
export async function loadDashboard({ repo, clock, provider }: Pick<Deps, 'repo' | 'clock' | 'provider'>): Promise<DashboardView> {
  const [{ today, dayBoundary, now, settings }, habits, outcomes] = await Promise.all([todayOf({ repo, clock }), repo.habits(), repo.outcomes()]);
  // Read only while backups are on.
  const backups = settings.weeklyBackupSince === undefined ? undefined : await repo.backups();
  const backupDays = overdueDays(settings.weeklyBackupSince, backups, now);
  const shown = dashboardHabits(habits);
  const zone = clock.timeZone();
  const window = dayWindow(today, zone, dayBoundary);
  const [perHabit, cues] = await Promise.all([
    Promise.all(shown.map((habit) => habitData(repo, habit, today, now, zone, dayBoundary, window))),
    provider.listCues(window.from, now + 2 * DAY_MS),
  ]);
  const checkIns = perHabit.flatMap((p) => p.checkIns);
  const results = perHabit.map((p) => p.result);
  // Written back off the rendering path, and only where nothing changed since the read (see HabitStats.stamp).
  const advanced = perHabit.filter((p) => p.result.stats.strength.through !== p.stats?.strength.through || p.result.stats.configHash !== p.stats?.configHash);
  void Promise.all(advanced.map((p) => repo.putHabitStats(p.result.stats, p.stats?.stamp ?? 0))).catch(() => undefined);

  const linked = outcomes.filter((o) => !o.archived && shown.some((h) => h.outcomeId === o.id));
  const trends = await Promise.all(linked.map(async (o) => outcomeTrend(o, await repo.outcomeValues(o.id, 12))));
  const todaysCues = cues.filter((c) => c.at < window.to);
  const next = cues.filter((c) => c.at > now).sort((a, b) => a.at - b.at)[0];
  const nextHabit = next && shown.find((h) => h.id === next.habitId);
  const keystone = shown.find((h) => h.keystone);
  const missed = missedFrom(
    shown,
    perHabit.flatMap((p) => p.events),
    checkIns,
    { now, zone, dayBoundary },
  );
  return {
    today,
    now,
    items: buildToday(shown, checkIns, todaysCues, today, new Map(perHabit.flatMap((p, i) => (p.unplaced ? [[shown[i]!.id, p.unplaced]] : [])))),
    metrics: results.map((r) => r.metrics),
    outcomes: trends,
    ...(next && nextHabit
      ? {
          nextCue: {
            habitId: nextHabit.id,
            name: nextHabit.name,
            firstStep: nextHabit.start.firstStep,
            ...(nextHabit.start.link ? { link: nextHabit.start.link } : {}),
            at: next.at,
          },
        }
      : {}),
    ...(keystone ? { keystoneWeek: keystoneWeek(keystone, checkIns, today) } : {}),
    offDashboard: habits.filter((h) => !h.archived && !h.onDashboard).length,
    missed,
    ...(backupDays !== undefined ? { backupOverdueDays: backupDays } : {}),
    // A cue passing (today's list, the next cue), a missed cue leaving the list, the backup line, the day's end.
    validUntil: glanceValidUntil(now, window.to, [
      ...cues.map((c) => c.at),
      ...missed.map((m) => m.cueAt + PROMPT_WINDOW_MS + 1),
      overdueChangesAt(settings.weeklyBackupSince, backups, now),
    ]),
  };
}

async function habitData(repo: Deps['repo'], habit: Habit, today: string, now: number, zone: string, dayBoundary: string, day: { from: number; to: number }) {
  const stats = await repo.habitStats(habit.id);
  const from = readFrom(judgedHabit(habit, dayBoundary), stats, today);
  const funnelFrom = now - FUNNEL_DAYS * DAY_MS;
  // The same read runs on to the day's end, for a flexible block that found no place today (its line in the popup);
  // the metrics count only what has passed.
  const [checkIns, read] = await Promise.all([repo.checkIns(habit.id, from, today), repo.cueEvents(habit.id, funnelFrom, Math.max(now, day.to))]);
  const events = read.filter((e) => e.cueAt < now);
  const unplaced = read.find((e) => e.unplaced && e.cueAt >= day.from)?.unplaced?.reason;
  // The instances the calendar really held are the ones with a record: each fired, fired late, or was noticed as
  // passed unseen (a moved instance has one record, at its new time; a cancelled one has none). Each counts for the
  // person's local date under the day boundary, like the check-ins that answer it.
  const scheduled = events.filter((e) => e.cueAt <= now).map((e) => ({ at: e.cueAt, localDate: localDateOf(e.cueAt, zone, dayBoundary) }));
  return { stats, checkIns, events, unplaced, result: habitMetrics({ habit, ...(stats ? { stats } : {}), checkIns, events, scheduled, today, dayBoundary }) };
}

function keystoneWeek(habit: Habit, checkIns: Parameters<typeof dailyValues>[0], today: string): NonNullable<DashboardView['keystoneWeek']> {
  const days = dailyValues(checkIns.filter((c) => c.habitId === habit.id));
  const week = periodOf(today, 'week');
  return {
    name: habit.name,
    days: Array.from({ length: 7 }, (_, i) => {
      const date = addDays(week.start, i);
      const day = days.get(date);
      return { date, state: date > today ? 'future' : day?.done ? 'done' : day?.skipped ? 'skipped' : 'open' };
    }),
  };
}
