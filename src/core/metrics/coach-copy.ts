/** What the dashboard may say about a habit: curious when off track, plain when on it; never a failure banner. */
export function coachLine(input: { per: 'day' | 'week'; streak: number; lastPeriodMet?: boolean; rate4?: number; ageDays: number }): string {
  if (input.streak > 0) return `${periodsText(input.streak, input.per)} in a row.`;
  if (input.ageDays < 7) return 'Early days: every start counts.';
  if (input.lastPeriodMet === false) return `That's interesting — what got in the way ${input.per === 'day' ? 'yesterday' : 'last week'}?`;
  if (input.rate4 !== undefined && input.rate4 < 0.5) return 'What would make the first two minutes easier?';
  return 'Keep the cue; the habit follows.';
}

/** "1 day", "3 days", "1 week", "8 weeks". */
export function periodsText(count: number, per: 'day' | 'week'): string {
  return `${count} ${per}${count === 1 ? '' : 's'}`;
}
