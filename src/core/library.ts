import type { HabitTarget } from './habit';
import type { HabitInput } from './habit-input';
import type { OutcomeInput } from './outcome';

/** Who a library entry is for: an individual contributor (personal effectiveness) or a manager (force multiplier). */
export type Role = 'ic' | 'manager';

/** The kinds of lagging outcome the guide's examples move; entries say which they serve. */
export type OutcomeKind = 'sales' | 'quality' | 'engagement' | 'delivery' | 'growth';

/** One leading behaviour from the coaching guide, with a suggested habit loop; every field becomes editable input. */
export interface LibraryEntry {
  /** Stable across versions, e.g. 'ic-code-review': drafts and the guided start refer to entries by it. */
  id: string;
  role: Role;
  /** The outcome kinds it moves; the first is the main one. */
  serves: readonly OutcomeKind[];
  /** The behaviour, e.g. 'Peer code review'. */
  name: string;
  /** One line in the guide's voice: why this behaviour moves the outcome. */
  why: string;
  target: HabitTarget;
  /** The cue: ISO weekdays (1 = Monday), local "HH:MM" and minutes; the zone is the person's. */
  schedule: { days: readonly number[]; startTime: string; durationMinutes: number };
  /** The two-minute start. */
  firstStep: string;
  /** What the person does or feels after (the guide's "make it satisfying"). */
  reward: string;
  /** Placeholder for the link slot, e.g. 'Your review queue URL'. */
  linkHint: string;
}

/** Bumped when entries change in a way a saved guided-start draft should notice (ids removed or renamed). */
export const LIBRARY_VERSION = 1;

const WORKDAYS = [1, 2, 3, 4, 5] as const;

/**
 * The starter library, drawn from the coaching guide's text and tables (shared/reference/coaching-guide.txt).
 *
 * To add an entry, append an object here: a new stable `id` (role prefix, kebab-case), the outcome kinds it
 * `serves` (main one first), a `why` line taken from the guide, and a target and schedule that pass validateHabit
 * (tests/core/library.test.ts turns every entry into a habit and checks it). The guided start lists entries from
 * this array, so no UI change is needed. Never reuse or rename an id: bump LIBRARY_VERSION if one must go.
 * A target should be reachable from the cues: one check-off counts once, or the cue's minutes for a minutes target.
 */
export const LIBRARY: readonly LibraryEntry[] = [
  {
    id: 'ic-outreach-calls',
    role: 'ic',
    serves: ['sales'],
    name: 'New client outreach calls',
    why: 'Quarterly sales figures lag and are hard to move directly; the outreach calls you make this week are the input you control.',
    target: { kind: 'count', amount: 10, per: 'week' },
    schedule: { days: WORKDAYS, startTime: '10:30', durationMinutes: 30 },
    firstStep: 'Open your prospect list and pick the first name',
    reward: 'Log the call and watch the week’s tally grow',
    linkHint: 'Your CRM or prospect list URL',
  },
  {
    id: 'ic-code-review',
    role: 'ic',
    serves: ['quality'],
    name: 'Peer code review',
    why: 'Fewer bugs is the result you want; thirty minutes of peer code review a day is the behaviour that drives it.',
    target: { kind: 'minutes', amount: 30, per: 'day' },
    schedule: { days: WORKDAYS, startTime: '14:00', durationMinutes: 30 },
    firstStep: 'Open the code repository',
    reward: 'Move the review to Done: a small win on the board',
    linkHint: 'Your review queue URL',
  },
  {
    id: 'ic-deep-work',
    role: 'ic',
    serves: ['delivery', 'growth'],
    name: 'Deep work before email',
    why: 'The first 90 minutes on your most important project, before opening email, protect your most productive hours and speed up key deliverables.',
    target: { kind: 'minutes', amount: 90, per: 'day' },
    schedule: { days: WORKDAYS, startTime: '08:30', durationMinutes: 90 },
    firstStep: 'Close email and open your most important project',
    reward: 'Coffee, then email, with the big work already moving',
    linkHint: 'Your main project’s document or board URL',
  },
  {
    id: 'ic-top-three',
    role: 'ic',
    serves: ['delivery'],
    name: 'Plan the top three priorities',
    why: 'The guide’s keystone habit: planning your top three priorities each morning brings better focus, less time lost to reactive tasks and a sense of accomplishment.',
    target: { kind: 'count', amount: 1, per: 'day' },
    schedule: { days: WORKDAYS, startTime: '08:15', durationMinutes: 10 },
    firstStep: 'Write “Top 3” at the top of today’s page',
    reward: 'A clear head: you know what matters today',
    linkHint: 'Your task list or planner URL',
  },
  {
    id: 'ic-skill-building',
    role: 'ic',
    serves: ['growth'],
    name: 'Skill-building time',
    why: 'Coaching an individual contributor centres on mastering the craft: regular time on one new skill is how skills get certified and careers move.',
    target: { kind: 'minutes', amount: 60, per: 'week' },
    schedule: { days: [2, 4], startTime: '16:00', durationMinutes: 30 },
    firstStep: 'Open the course or book where you left off',
    reward: 'Write down one thing you can now do',
    linkHint: 'Your course or learning platform URL',
  },
  {
    id: 'ic-cross-functional-sync',
    role: 'ic',
    serves: ['delivery', 'quality'],
    name: 'Cross-functional sync',
    why: 'Cross-functional collaboration finds blockers and misunderstandings early, before they turn into late deliveries or bugs.',
    target: { kind: 'count', amount: 1, per: 'week' },
    schedule: { days: [3], startTime: '11:00', durationMinutes: 30 },
    firstStep: 'Open the partner team’s channel and ask what is coming their way',
    reward: 'Note one thing you learned about their plans',
    linkHint: 'The partner team’s channel or shared doc URL',
  },
  {
    id: 'mgr-one-on-ones',
    role: 'manager',
    serves: ['engagement'],
    name: 'Meaningful 1-on-1 with each direct report',
    why: 'Team engagement is the lagging score; one meaningful 1-on-1 with each direct report every week is the behaviour that moves it.',
    // One a workday suits five direct reports; set the target to the number of people who report to you.
    target: { kind: 'count', amount: 5, per: 'week' },
    schedule: { days: WORKDAYS, startTime: '15:00', durationMinutes: 30 },
    firstStep: 'Open your 1-on-1 notes and write: “What was your biggest win last week?”',
    reward: 'Note their biggest win and how the conversation felt',
    linkHint: 'Your 1-on-1 notes URL',
  },
  {
    id: 'mgr-dashboard-review',
    role: 'manager',
    serves: ['delivery'],
    name: 'Team dashboard and roadblocks review',
    why: 'The guide’s manager keystone: 15 minutes each morning on the team’s dashboard and roadblocks prevents fires, improves team autonomy and makes your day more strategic.',
    target: { kind: 'minutes', amount: 15, per: 'day' },
    schedule: { days: WORKDAYS, startTime: '08:45', durationMinutes: 15 },
    firstStep: 'Open the team dashboard',
    reward: 'Go into the day knowing which roadblock to clear first',
    linkHint: 'Your team dashboard URL',
  },
  {
    id: 'mgr-delegate',
    role: 'manager',
    serves: ['growth', 'delivery'],
    name: 'Delegate one task with a clear outcome',
    why: 'A manager’s goal is to be a force multiplier: delegating with a clear outcome moves you from doing the work to leading it, and grows the person who takes it on.',
    target: { kind: 'count', amount: 1, per: 'week' },
    schedule: { days: [1], startTime: '10:00', durationMinutes: 15 },
    firstStep: 'Write the outcome you want from one task in a sentence',
    reward: 'Cross it off your own list and take the time back for leading',
    linkHint: 'Your team’s task board URL',
  },
  {
    id: 'mgr-feedback',
    role: 'manager',
    serves: ['engagement'],
    name: 'Give one piece of constructive feedback',
    why: 'Feedback framed as a tool for learning, not a judgment, builds the trust and growth mindset that engagement rests on.',
    target: { kind: 'count', amount: 1, per: 'week' },
    schedule: { days: [4], startTime: '16:30', durationMinutes: 15 },
    firstStep: 'Write down one specific thing you saw, and its effect',
    reward: 'Note how it landed and what you learned',
    linkHint: 'Your feedback notes URL',
  },
  {
    id: 'mgr-meeting-agenda',
    role: 'manager',
    serves: ['delivery'],
    name: 'Send an agenda before each meeting',
    why: 'Running efficient meetings is a manager’s lever on the team’s time: an agenda sent before each one keeps the meeting on what matters.',
    target: { kind: 'count', amount: 1, per: 'day' },
    schedule: { days: WORKDAYS, startTime: '09:00', durationMinutes: 10 },
    firstStep: 'Open today’s calendar and pick the first meeting you run',
    reward: 'A meeting that ends on time, or early',
    linkHint: 'Your calendar URL',
  },
];

/** Entries for the chosen roles; those serving `kind` first, then the rest; stable order otherwise. */
export function entriesFor(roles: readonly Role[], kind?: OutcomeKind): LibraryEntry[] {
  const mine = LIBRARY.filter((entry) => roles.includes(entry.role));
  if (!kind) return mine;
  return [...mine.filter((entry) => entry.serves.includes(kind)), ...mine.filter((entry) => !entry.serves.includes(kind))];
}

/** The habit form input an entry suggests (all editable), in the person's zone; outcomeId empty, keystone false, onDashboard true. */
export function habitDraft(entry: LibraryEntry, timeZone: string): HabitInput {
  return {
    name: entry.name,
    outcomeId: '',
    targetKind: entry.target.kind,
    targetAmount: String(entry.target.amount),
    targetPer: entry.target.per,
    days: [...entry.schedule.days],
    startTime: entry.schedule.startTime,
    durationMinutes: String(entry.schedule.durationMinutes),
    timeZone,
    firstStep: entry.firstStep,
    link: '',
    reward: entry.reward,
    keystone: false,
    onDashboard: true,
  };
}

/** One of the guide's example outcomes, offered as a one-click start for the outcome step. */
export interface OutcomeStarter {
  id: string;
  label: string;
  kind: OutcomeKind;
  /** A ready outcome form input, dated from `today` ("YYYY-MM-DD"). */
  draft(today: string): OutcomeInput;
}

/** The last day of the calendar quarter that holds `today`. */
function endOfQuarter(today: string): string {
  const date = Temporal.PlainDate.from(today);
  const lastMonth = Math.ceil(date.month / 3) * 3;
  return date.with({ month: lastMonth, day: 1 }).add({ months: 1 }).subtract({ days: 1 }).toString();
}

/** `months` calendar months after `today` (the 31st becomes the month's last day). */
function monthsAfter(today: string, months: number): string {
  return Temporal.PlainDate.from(today).add({ months }).toString();
}

/** The guide's three example outcomes (its table of lagging indicators), with numbers to start from and edit. */
export const OUTCOME_STARTERS: readonly OutcomeStarter[] = [
  {
    id: 'sales-15',
    label: 'Increase sales by 15% this quarter',
    kind: 'sales',
    draft: (today) => ({
      name: 'Increase sales by 15% this quarter',
      unit: '% vs last quarter',
      baseline: '0',
      target: '15',
      targetDate: endOfQuarter(today),
      direction: 'up',
    }),
  },
  {
    id: 'bugs-20',
    label: 'Reduce software bugs by 20%',
    kind: 'quality',
    draft: (today) => ({
      name: 'Reduce software bugs by 20%',
      unit: 'bugs per sprint',
      baseline: '40',
      target: '32',
      targetDate: monthsAfter(today, 3),
      direction: 'down',
    }),
  },
  {
    id: 'engagement-score',
    label: 'Improve team engagement score',
    kind: 'engagement',
    draft: (today) => ({
      name: 'Improve team engagement score',
      unit: 'score out of 5',
      baseline: '3.6',
      target: '4.2',
      targetDate: monthsAfter(today, 6),
      direction: 'up',
    }),
  },
];
