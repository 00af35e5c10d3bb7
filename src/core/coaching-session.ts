/**
 * The guide's 4-part coaching conversation, 30 minutes: data review (5), insight (10), forward action (10),
 * commitment and support (5). Solo, or with a coach beside the person on one screen. Kept as a history.
 */

export type SessionPart = 'data' | 'insight' | 'forward' | 'commitment';

export interface PartGuide {
  id: SessionPart;
  title: string;
  minutes: number;
  /** The guide's questions, as asked. */
  questions: readonly string[];
}

export const SESSION_PARTS: readonly PartGuide[] = [
  { id: 'data', title: 'Data review', minutes: 5, questions: ['What does the data show us since our last conversation?'] },
  { id: 'insight', title: 'Insight', minutes: 10, questions: ['What went well?', 'What obstacles did you encounter?', 'What did you learn?'] },
  {
    id: 'forward',
    title: 'Forward action',
    minutes: 10,
    questions: ['What is the single most important behaviour to focus on before our next session?', 'What micro-experiment could we run?'],
  },
  {
    id: 'commitment',
    title: 'Commitment and support',
    minutes: 5,
    questions: ['What’s your commitment?', 'How will you track it?', 'What support do you need?'],
  },
];

/** How often the check-in comes back. */
export type Cadence = 'weekly' | 'biweekly';
export const CADENCE_DAYS: Record<Cadence, number> = { weekly: 7, biweekly: 14 };

/** One check-in, as kept in the history. */
export interface CoachingSession {
  id: string;
  startedAt: number;
  finishedAt?: number;
  /** The local dates the data review looked at: since the last check-in (or the last two weeks). */
  since: string;
  until: string;
  wentWell: string;
  obstacles: string;
  learned: string;
  /** The one behaviour to focus on, and the experiment idea. */
  focusHabitId?: string;
  experimentIdea: string;
  commitment: string;
  tracking: string;
  support: string;
  /** What the commitment became, in one click: an experiment started, or a habit changed. */
  outcome?: { kind: 'experiment'; experimentId: string } | { kind: 'habit'; habitId: string };
}

/** A fresh session for today, reviewing since the last finished one (or two weeks back). */
export function newSession(id: string, now: number, today: string, lastUntil?: string): CoachingSession {
  const since = lastUntil ?? Temporal.PlainDate.from(today).subtract({ days: 13 }).toString();
  return { id, startedAt: now, since, until: today, wentWell: '', obstacles: '', learned: '', experimentIdea: '', commitment: '', tracking: '', support: '' };
}

/** What finishing needs: a commitment (the guide ends every check-in in one). */
export function sessionProblem(session: CoachingSession): string | undefined {
  return session.commitment.trim() === '' ? 'What’s your commitment? A check-in ends with one, however small.' : undefined;
}

/** A part's timer: elapsed seconds (paused or running) against its minutes. Never enforced. */
export interface PartTimer {
  elapsedMs: number;
  /** When it was last started, while running. */
  runningSince?: number;
}

export function timerElapsed(timer: PartTimer, now: number): number {
  return timer.elapsedMs + (timer.runningSince !== undefined ? now - timer.runningSince : 0);
}

export function toggleTimer(timer: PartTimer, now: number): PartTimer {
  return timer.runningSince !== undefined ? { elapsedMs: timerElapsed(timer, now) } : { elapsedMs: timer.elapsedMs, runningSince: now };
}

/** The session as a Markdown summary, for the clipboard or a file the person chooses to save. */
export function sessionMarkdown(session: CoachingSession, names: { focus?: string; outcomeText?: string }, date: string): string {
  const line = (label: string, text: string) => (text.trim() ? `- **${label}** ${text.trim()}\n` : '');
  return (
    `# Coaching check-in, ${date}\n\n` +
    `Data reviewed: ${session.since} to ${session.until}.\n\n` +
    `## Insight\n${line('What went well?', session.wentWell)}${line('Obstacles?', session.obstacles)}${line('What did you learn?', session.learned)}\n` +
    `## Forward action\n${line('Focus:', names.focus ?? '')}${line('Micro-experiment:', session.experimentIdea)}\n` +
    `## Commitment and support\n${line('Commitment:', session.commitment)}${line('Tracked by:', session.tracking)}${line('Support needed:', session.support)}` +
    (names.outcomeText ? `\n${names.outcomeText}\n` : '')
  );
}

/** The set-and-forget watch: when the next check-in is due (the cadence after the last), or undefined if never held. */
export function nextCheckInDue(lastFinishedAt: number | undefined, cadence: Cadence): number | undefined {
  return lastFinishedAt === undefined ? undefined : lastFinishedAt + CADENCE_DAYS[cadence] * 86_400_000;
}
