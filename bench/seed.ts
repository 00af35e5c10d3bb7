import { MAX_DASHBOARD_HABITS } from '@/src/core/habit';
import type { Browser } from '../tests/e2e/extension';
import { seed } from '../tests/e2e/seed';

// Seeding helpers shared by the dashboard benchmarks: realistic history, written in one transaction.

/** Records for `habits` habits over `years` years up to `today`: a check-in on ~80 % of days, one cue event per day. */
export function seedRecords(habits: number, years: number, today: string, createdAt: number) {
  const start = Temporal.PlainDate.from(today).subtract({ years });
  const habitRecords = Array.from({ length: habits }, (_, i) => ({
    id: `bench-habit-${i}`,
    name: `Habit ${i + 1}`,
    target: i % 2 ? { kind: 'count', amount: 3, per: 'week' } : { kind: 'count', amount: 1, per: 'day' },
    schedule: {
      days: i % 2 ? [1, 3, 5] : [1, 2, 3, 4, 5, 6, 7],
      startTime: `${String(7 + i).padStart(2, '0')}:00`,
      durationMinutes: 30,
      timeZone: 'America/New_York',
    },
    start: { firstStep: 'Open the work' },
    keystone: i === 0,
    onDashboard: i < 5,
    archived: false,
    startsOn: start.toString(),
    createdAt,
    scheduleSince: createdAt,
  }));
  const checkIns: unknown[] = [];
  const cueEvents: unknown[] = [];
  let n = 0;
  for (const habit of habitRecords) {
    for (let d = start; Temporal.PlainDate.compare(d, Temporal.PlainDate.from(today)) <= 0; d = d.add({ days: 1 })) {
      const at = d.toZonedDateTime({ timeZone: 'America/New_York', plainTime: '09:00' }).epochMilliseconds;
      const roll = (n * 2654435761) % 100;
      n++;
      cueEvents.push({ id: `${habit.id}|${at}`, habitId: habit.id, cueAt: at, firedAt: at, ...(roll < 80 ? { doneAt: at + 60_000 } : {}) });
      if (roll < 80)
        checkIns.push({
          id: `bench-${n}`,
          habitId: habit.id,
          localDate: d.toString(),
          at: at + 60_000,
          timeZone: 'America/New_York',
          value: 1,
          status: 'done',
          source: 'popup',
        });
      else if (roll < 83)
        checkIns.push({
          id: `bench-${n}`,
          habitId: habit.id,
          localDate: d.toString(),
          at: at + 60_000,
          timeZone: 'America/New_York',
          value: 0,
          status: 'skipped',
          source: 'popup',
        });
    }
  }
  return { habits: habitRecords, checkIns, cueEvents };
}

/** Seed a launched browser's extension database with `habits` habits × `years` years, ending on its (pinned) today. */
export async function seedBrowser(browser: Browser, habits: number, years: number): Promise<number> {
  // The browser's clock is pinned at launch; history ends on its today, not the machine's.
  const now = await browser.now();
  const today = Temporal.Instant.fromEpochMilliseconds(now).toZonedDateTimeISO('America/New_York').toPlainDate().toString();
  const data = seedRecords(habits, years, today, now - years * 366 * 86_400_000);
  await seed(browser, { habits: data.habits, checkIns: data.checkIns as object[], cueEvents: data.cueEvents as object[] });
  return data.habits.length + data.checkIns.length + data.cueEvents.length;
}

/**
 * Seed `habits` habits, all on the dashboard (so the badge counts them), each with one cue later today and no check-in
 * today, after `years` of history ending yesterday. Browser pinned at 13:00: the cues are at 14:00, 15:00 and on.
 */
export async function seedOpenToday(browser: Browser, habits: number, years: number): Promise<string[]> {
  if (habits > MAX_DASHBOARD_HABITS) throw new Error(`The badge counts the dashboard's ${MAX_DASHBOARD_HABITS} habits at most.`);
  const now = await browser.now();
  const yesterday = Temporal.Instant.fromEpochMilliseconds(now).toZonedDateTimeISO('America/New_York').toPlainDate().subtract({ days: 1 }).toString();
  const data = seedRecords(habits, years, yesterday, now - years * 366 * 86_400_000);
  const open = data.habits.map((h, i) => ({
    ...h,
    target: { kind: 'count', amount: 1, per: 'day' },
    schedule: { ...h.schedule, days: [1, 2, 3, 4, 5, 6, 7], startTime: `${14 + i}:00` },
    onDashboard: true,
  }));
  await seed(browser, { habits: open, checkIns: data.checkIns as object[], cueEvents: data.cueEvents as object[] });
  return open.map((h) => h.id);
}
