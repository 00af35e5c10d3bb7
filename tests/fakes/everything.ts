import type { ExportData } from '@/src/core/data/export-document';
import { DEFAULT_SETTINGS } from '@/src/core/settings';

const ZONE = 'America/New_York';
const T = Date.UTC(2026, 2, 2, 15); // Monday 2 March 2026, 10:00 in New York

/**
 * One of everything a person can own, with the optional fields filled: two outcomes and their log, a fixed, a
 * flexible, a focus and an archived habit, check-ins of each status and source, cue events through the funnel, an
 * experiment with its measures, a coaching check-in and a rated focus block. Literal data, so a test of export and
 * import compares against something written by hand.
 */
export function everything(): ExportData {
  return {
    outcomes: [
      { id: 'o1', name: 'Bugs reported per sprint', unit: 'bugs', baseline: 40, target: 32, targetDate: '2027-03-31', direction: 'down', archived: false, createdAt: T },
      { id: 'o2', name: 'Deals closed', unit: 'deals', baseline: 2, target: 5, targetDate: '2026-12-31', direction: 'up', archived: true, createdAt: T + 1 },
    ],
    outcomeValues: [
      { id: 'v1', outcomeId: 'o1', localDate: '2026-03-01', value: 39 },
      { id: 'v2', outcomeId: 'o1', localDate: '2026-03-15', value: 36.5, note: 'After the review habit, "finally", a dip' },
    ],
    habits: [
      {
        id: 'h1', name: 'Review team code', outcomeId: 'o1', target: { kind: 'minutes', amount: 30, per: 'day' },
        schedule: { days: [1, 2, 3, 4, 5], startTime: '14:00', durationMinutes: 30, timeZone: ZONE },
        start: { firstStep: 'Open the review queue', link: 'https://example.test/reviews?mine=1' }, reward: 'Coffee with the team',
        keystone: true, onDashboard: true, archived: false, startsOn: '2026-03-02', createdAt: T, scheduleSince: T,
      },
      {
        id: 'h2', name: 'Stretch', target: { kind: 'count', amount: 1, per: 'day' },
        schedule: { days: [1, 2, 3, 4, 5], startTime: '15:00', durationMinutes: 15, timeZone: ZONE, window: { from: '13:00', to: '17:00', bufferMinutes: 5 } },
        start: { firstStep: 'Stand up' }, keystone: false, onDashboard: true, archived: false, startsOn: '2026-03-02', createdAt: T + 2, scheduleSince: T + 3_600_000,
      },
      {
        id: 'h3', name: 'Deep work', target: { kind: 'minutes', amount: 90, per: 'day' },
        schedule: { days: [2, 4], startTime: '09:00', durationMinutes: 90, timeZone: 'Europe/Berlin', everyWeeks: 2 },
        start: { firstStep: 'Open the design doc' }, keystone: false, onDashboard: true, archived: false, startsOn: '2026-03-03', createdAt: T + 4, scheduleSince: T + 4,
        kind: 'focus', focus: { minutes: 90, intention: 'The billing migration, part 2' },
      },
      {
        id: 'h4', name: '1-on-1s', target: { kind: 'count', amount: 1, per: 'week' },
        schedule: { days: [3], startTime: '11:00', durationMinutes: 30, timeZone: ZONE },
        start: { firstStep: 'Open the notes' }, people: ['Ana', 'Bo'], keystone: false, onDashboard: false, archived: true, archivedAt: T + 86_400_000,
        startsOn: '2026-03-02', createdAt: T + 5, scheduleSince: T + 5,
      },
    ],
    checkIns: [
      { id: 'c1', habitId: 'h1', localDate: '2026-03-02', at: T + 4 * 3_600_000, timeZone: ZONE, value: 30, status: 'done', source: 'notification', cueAt: T + 4 * 3_600_000 },
      { id: 'c2', habitId: 'h1', localDate: '2026-03-03', at: T + 28 * 3_600_000, timeZone: 'Europe/London', value: 0, status: 'skipped', source: 'popup', note: 'Travel, day 1' },
      { id: 'c3', habitId: 'h2', localDate: '2026-03-02', at: T + 5 * 3_600_000, timeZone: ZONE, value: 0, status: 'missed', source: 'backfill' },
      { id: 'c4', habitId: 'h3', localDate: '2026-03-03', at: T + 25 * 3_600_000, timeZone: 'Europe/Berlin', value: 85, status: 'done', source: 'focus', rating: 4, note: 'Shipped the plan' },
      { id: 'c5', habitId: 'h4', localDate: '2026-03-04', at: T + 50 * 3_600_000, timeZone: ZONE, value: 1, status: 'done', source: 'newtab', person: 'Ana' },
    ],
    cueEvents: [
      { id: `h1|${T + 4 * 3_600_000}`, habitId: 'h1', cueAt: T + 4 * 3_600_000, firedAt: T + 4 * 3_600_000 + 500, startedAt: T + 4 * 3_600_000 + 60_000, doneAt: T + 4 * 3_600_000 + 120_000 },
      { id: `h1|${T + 28 * 3_600_000}`, habitId: 'h1', cueAt: T + 28 * 3_600_000, firedAt: T + 28 * 3_600_000, snoozeCount: 1, skippedAt: T + 28 * 3_600_000 + 900_000, lateMs: 700_000 },
      { id: `h2|${T + 5 * 3_600_000}`, habitId: 'h2', cueAt: T + 5 * 3_600_000, displacedFrom: T + 4 * 3_600_000, unseenAt: T + 6 * 3_600_000 },
      { id: `h2|${T + 29 * 3_600_000}`, habitId: 'h2', cueAt: T + 29 * 3_600_000, unplaced: { reason: 'No free 15 minutes between 13:00 and 17:00 today.', why: 'no-free-time' } },
      { id: `h4|${T + 50 * 3_600_000}`, habitId: 'h4', cueAt: T + 50 * 3_600_000, firedAt: T + 50 * 3_600_000, quiet: true, snoozedUntil: T + 50 * 3_600_000 + 600_000 },
    ],
    experiments: [
      {
        id: 'e1', hypothesis: 'If I review at 14:00, bugs drop', habitId: 'h1', change: 'change',
        before: { target: { kind: 'minutes', amount: 20, per: 'day' }, schedule: { days: [1, 3, 5], startTime: '16:00', durationMinutes: 20, timeZone: ZONE }, start: { firstStep: 'Open the queue' } },
        measure: { kind: 'rating', label: 'Focus after lunch' }, length: '10-workdays', startsOn: '2026-03-02', endsOn: '2026-03-13', status: 'adapt',
        retrospective: { noticed: 'Mornings worked better', lesson: 'Move it earlier', decidedAt: T + 12 * 86_400_000 }, createdAt: T,
      },
      { id: 'e2', hypothesis: 'Stretching keeps me fresh', habitId: 'h2', change: 'new', measure: { kind: 'count', label: 'Breaks' }, length: '14-days', startsOn: '2026-03-16', endsOn: '2026-03-29', status: 'running', createdAt: T + 14 * 86_400_000 },
    ],
    measures: [
      { id: 'e1|2026-03-02', experimentId: 'e1', localDate: '2026-03-02', value: 3, at: T + 8 * 3_600_000 },
      { id: 'e1|2026-03-03', experimentId: 'e1', localDate: '2026-03-03', value: 4, at: T + 32 * 3_600_000 },
    ],
    coachingSessions: [
      {
        id: 's1', startedAt: T + 7 * 86_400_000, finishedAt: T + 7 * 86_400_000 + 1_800_000, since: '2026-02-23', until: '2026-03-09',
        wentWell: 'Reviews every day', obstacles: 'Meetings at 14:00', learned: 'Protect the slot', focusHabitId: 'h1',
        experimentIdea: 'Review at 14:00 for two weeks', commitment: 'Ten workdays', tracking: 'Cueboard', support: 'Ask the team', outcome: { kind: 'experiment', experimentId: 'e1' },
      },
      { id: 's2', startedAt: T + 14 * 86_400_000, since: '2026-03-09', until: '2026-03-16', wentWell: '', obstacles: '', learned: '', experimentIdea: '', commitment: '', tracking: '', support: '' },
    ],
    focusSessions: [
      {
        id: 'f1', habitId: 'h3', cueAt: T + 23 * 3_600_000, intention: 'The billing migration, part 2', budgetMs: 105 * 60_000, createdAt: T + 23 * 3_600_000,
        state: 'ended', startsAt: T + 23 * 3_600_000 + 120_000, runMs: 85 * 60_000, pausedMs: 10 * 60_000,
        passes: [{ host: 'mail.example.com', at: T + 24 * 3_600_000, until: T + 24 * 3_600_000 + 60_000 }], heldCues: [{ habitId: 'h1', cueAt: T + 24 * 3_600_000 }],
        endedAt: T + 25 * 3_600_000, end: 'time-up', checkInId: 'c4', rating: 4, note: 'Shipped the plan',
      },
    ],
    settings: { ...DEFAULT_SETTINGS, dayBoundary: '03:30', dailyCapMinutes: 150, skipWords: ['OOO', 'Urlaub'], newTabDashboard: false },
    focusPrefs: { sites: ['news.example.com', 'video.example'], intentionRequired: true },
  };
}
