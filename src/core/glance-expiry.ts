/**
 * Until when a glance (the popup's or the new tab's view) computed at `now` stays true with time alone: the earliest
 * of the moments still to come at which it would read otherwise (a cue passes, a missed cue leaves the list, a backup
 * becomes overdue), and the end of the person's day at the latest. A snapshot of the glance is painted only before
 * then; changes to the data itself drop the snapshot where they are made.
 */
export function glanceValidUntil(now: number, dayEnd: number, moments: Iterable<number | undefined>): number {
  let until = dayEnd;
  for (const at of moments) if (at !== undefined && at > now && at < until) until = at;
  return until;
}
