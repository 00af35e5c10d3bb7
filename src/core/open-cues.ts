import type { TodayItem } from './today';

/** Today's cues still open: those of habits neither done, skipped nor already at target today. */
export function openCueCount(items: readonly TodayItem[]): number {
  return items.filter((i) => i.state !== 'done' && i.state !== 'skipped' && !i.progress.met).reduce((sum, i) => sum + i.cues.length, 0);
}
