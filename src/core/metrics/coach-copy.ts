/** What the dashboard may say about a habit: curious when off track, plain when on it; never a failure banner. */
export function coachLine(input: { per: 'day' | 'week'; streak: number; lastPeriodMet?: boolean; rate4?: number; ageDays: number }): string {
  const unit = input.per === 'day' ? (input.streak === 1 ? 'day' : 'days') : input.streak === 1 ? 'week' : 'weeks';
  if (input.streak > 0) return `${input.streak} ${unit} in a row.`;
  if (input.ageDays < 7) return 'Early days: every start counts.';
  if (input.lastPeriodMet === false) return `That's interesting — what got in the way ${input.per === 'day' ? 'yesterday' : 'last week'}?`;
  if (input.rate4 !== undefined && input.rate4 < 0.5) return 'What would make the first two minutes easier?';
  return 'Keep the cue; the habit follows.';
}
