import { dashboardHabits } from '@/src/core/habit';
import { periodOf } from '@/src/core/period';
import { buildToday, dayWindow, type TodayItem } from '@/src/core/today';
import type { Deps } from './deps';
import { todayOf } from './today-date';

/** What the popup shows. */
export interface TodayView {
  today: string;
  now: number;
  items: TodayItem[];
  /** Active habits that are not on the dashboard, for the footer count. */
  offDashboard: number;
}

/** Read just what today's view needs: dashboard habits, their current period's check-ins, today's cues. */
export async function loadToday({ repo, clock, provider }: Pick<Deps, 'repo' | 'clock' | 'provider'>): Promise<TodayView> {
  const [{ today, dayBoundary, now }, habits] = await Promise.all([todayOf({ repo, clock }), repo.habits()]);
  const shown = dashboardHabits(habits);
  const window = dayWindow(today, clock.timeZone(), dayBoundary);
  const flexible = shown.filter((h) => h.schedule.window);
  const [checkIns, cues, unplaced] = await Promise.all([
    Promise.all(shown.map((h) => {
      const period = periodOf(today, h.target.per);
      return repo.checkIns(h.id, period.start, period.end);
    })).then((lists) => lists.flat()),
    provider.listCues(window.from, window.to),
    // Only flexible habits can find no free time: one small read each, none for the others.
    Promise.all(flexible.map(async (h) => [h.id, (await repo.cueEvents(h.id, window.from, window.to)).find((e) => e.unplaced)?.unplaced?.reason] as const)),
  ]);
  const reasons = new Map(unplaced.filter(([, reason]) => reason !== undefined));
  return {
    today,
    now,
    items: buildToday(shown, checkIns, cues, today).map((item) => (reasons.has(item.habitId) ? { ...item, unplaced: reasons.get(item.habitId)! } : item)),
    offDashboard: habits.filter((h) => !h.archived && !h.onDashboard).length,
  };
}
