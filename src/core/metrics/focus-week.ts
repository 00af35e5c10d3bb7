import type { CheckIn } from '../check-in';
import { periodOf } from '../period';

/** A focus habit's week so far: the minutes focused and how focused the rated blocks felt. */
export interface FocusWeek {
  /** Minutes of the week's done check-ins (a block records the minutes actually focused). */
  minutes: number;
  /** The mean of the week's ratings (1–5), to one decimal; absent until a block of the week is rated. */
  averageRating?: number;
}

/** Sum a focus habit's done check-ins in the ISO week (Monday to Sunday) holding `today`, and average their ratings. */
export function focusWeek(checkIns: readonly CheckIn[], today: string): FocusWeek {
  const week = periodOf(today, 'week');
  const done = checkIns.filter((c) => c.status === 'done' && c.localDate >= week.start && c.localDate <= week.end);
  const ratings = done.flatMap((c) => (c.rating === undefined ? [] : [c.rating]));
  return {
    minutes: done.reduce((sum, c) => sum + c.value, 0),
    ...(ratings.length > 0 ? { averageRating: Math.round((ratings.reduce((a, b) => a + b, 0) / ratings.length) * 10) / 10 } : {}),
  };
}

/** "1 min", "59 min", "1 h", "2 h 15 min", for whole minutes (a block records the whole minutes it ran). */
export function durationText(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** The focus line of a habit's card: "Focus this week: 2 h 15 min · average focus 3.8 of 5". */
export function focusWeekText({ minutes, averageRating }: FocusWeek): string {
  if (minutes === 0) return 'No focus block yet this week';
  return `Focus this week: ${durationText(minutes)}${averageRating === undefined ? '' : ` · average focus ${averageRating} of 5`}`;
}
