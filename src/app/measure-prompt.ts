import { DAY_END_PROMPT_TIME, ratingsToAsk } from '@/src/core/experiment';
import { addDays, instantOf } from '@/src/core/local-time';
import type { CoachingStore } from '@/src/ports/coaching-store';
import type { Deps } from './deps';
import { todayOf } from './today-date';

/** The alarm that asks for the day's ratings; and the prefix of its prompts' ids (`cueboard:measure|<habitId>`). */
export const MEASURE_ALARM = 'cueboard:measure';
export const MEASURE_PROMPT = 'cueboard:measure|';

type PromptDeps = Pick<Deps, 'repo' | 'clock' | 'alarms' | 'notifier'> & { coach: CoachingStore };

/** Which rating experiments still want today's value, and the day. */
async function dueRatings(d: PromptDeps) {
  const [{ today }, experiments] = await Promise.all([todayOf(d), d.coach.experiments()]);
  const running = experiments.filter((e) => e.status === 'running' && e.measure.kind === 'rating');
  const logged = new Set<string>();
  for (const e of running) if ((await d.coach.measures(e.id)).some((m) => m.localDate === today)) logged.add(e.id);
  return { today, running, due: ratingsToAsk(running, logged, today) };
}

/**
 * Keep one alarm at the next day's end (21:00 in the person's zone) while a rating experiment runs; none otherwise.
 * Ratings are asked there, once, where they cost least; counts and minutes are asked on the cue's page.
 */
export async function planMeasurePrompt(d: PromptDeps): Promise<void> {
  const { today, running } = await dueRatings(d);
  if (running.length === 0) return d.alarms.clear(MEASURE_ALARM);
  const now = d.clock.now();
  const tonight = instantOf(today, DAY_END_PROMPT_TIME, d.clock.timeZone());
  const when = tonight > now ? tonight : instantOf(addDays(today, 1), DAY_END_PROMPT_TIME, d.clock.timeZone());
  const held = (await d.alarms.getAll()).find((a) => a.name === MEASURE_ALARM);
  if (held?.scheduledTime !== when) await d.alarms.create(MEASURE_ALARM, when);
}

/** The day's end: one prompt per rating experiment not rated today; a click opens its behaviour's page to rate it. */
export async function promptMeasures(d: PromptDeps): Promise<number> {
  const { due } = await dueRatings(d);
  const habits = await d.repo.habits();
  for (const e of due) {
    const name = habits.find((h) => h.id === e.habitId)?.name ?? 'your experiment';
    await d.notifier.show({
      id: `${MEASURE_PROMPT}${e.habitId}`,
      kind: 'summary',
      title: `How was ${e.measure.label.toLowerCase()} today?`,
      message: `Rate it from 1 to 5 for “${name}”. A day left unrated stays “not logged”, never zero.`,
    });
  }
  return due.length;
}
