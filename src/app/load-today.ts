import { dashboardHabits } from '@/src/core/habit';
import { periodOf } from '@/src/core/period';
import { buildToday, dayWindow, type TodayItem } from '@/src/core/today';
import type { Deps } from './deps';
import { todayOf } from './today-date';

/** Today's habits with their progress and cues: what the toolbar badge counts. */
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
  const [checkIns, cues] = await Promise.all([
    Promise.all(
      shown.map((h) => {
        const period = periodOf(today, h.target.per);
        return repo.checkIns(h.id, period.start, period.end);
      }),
    ).then((lists) => lists.flat()),
    provider.listCues(window.from, window.to),
  ]);
  return {
    today,
    now,
    items: buildToday(shown, checkIns, cues, today),
    offDashboard: habits.filter((h) => !h.archived && !h.onDashboard).length,
  };
}
