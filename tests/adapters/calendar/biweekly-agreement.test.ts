// Every two weeks, three ways: the local expansion, Google (RRULE INTERVAL=2 counted from DTSTART) and Outlook (Graph
// interval 2 counted from range.startDate) give the same instants across both 2026 DST changes in New York.
import { afterEach, describe, expect, it } from 'vitest';
import { LocalCalendar } from '@/src/adapters/calendar/local/local-calendar';
import { saveHabit } from '@/src/app/save-habit';
import type { Deps } from '@/src/app/deps';
import type { CueInstance } from '@/src/core/cue-plan';
import type { Habit } from '@/src/core/habit';
import { FakeGoogle } from '../../fakes/google/fake-google-server';
import { googleHarness } from '../../fakes/google/google-harness';
import { FakeGraph } from '../../fakes/outlook/fake-graph-server';
import { outlookHarness } from '../../fakes/outlook/outlook-harness';
import { FixedClock } from '../../fakes/fixed-clock';
import { habitInput } from '../../fakes/habits';

const ms = (iso: string) => Temporal.Instant.from(iso).epochMilliseconds;
const FROM = ms('2026-02-01T00:00:00Z');
const TO = ms('2026-12-01T00:00:00Z');
const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

/** Two biweekly habits saved on Wednesday 2026-03-04: Mon/Thu/Sun at 02:30 (the spring gap) and at 01:30 (the autumn fold). */
async function habits(deps: Pick<Deps, 'repo' | 'clock' | 'provider' | 'newId'>): Promise<Habit[]> {
  const out: Habit[] = [];
  for (const startTime of ['02:30', '01:30']) {
    const saved = await saveHabit(deps, { ...habitInput({ name: `Biweekly ${startTime}`, days: [1, 4, 7], startTime }), everyWeeks: 2 });
    if (!saved.ok) throw new Error('fixture invalid');
    out.push(saved.value);
  }
  return out;
}

const pairs = (cues: CueInstance[]) => cues.map((c) => ({ habitId: c.habitId, at: c.at })).sort((a, b) => a.habitId.localeCompare(b.habitId) || a.at - b.at);

function checkLocal(expected: CueInstance[]) {
  const local = (iso: string) => Temporal.Instant.from(iso).toZonedDateTimeISO('America/New_York');
  // Only every other week: Sunday 2026-03-08 (gap: 02:30 fires at 03:30 EDT) and Sunday 2026-11-01 (fold: 01:30 once, EDT) are in.
  const times = expected.map((c) => local(new Date(c.at).toISOString()));
  expect(times.map((t) => t.toString({ timeZoneName: 'never', smallestUnit: 'minute' }))).toEqual(
    expect.arrayContaining(['2026-03-08T03:30-04:00', '2026-03-08T01:30-05:00', '2026-11-01T01:30-04:00', '2026-11-01T02:30-05:00']),
  );
  expect(times.some((t) => t.toPlainDate().toString() === '2026-03-15')).toBe(false);
  // 39 weeks from the first cue (Thursday 2026-03-05) to 2026-11-30, every other one: 20 weeks of 3 cues, less Monday the 2nd, per habit.
  expect(expected.length).toBe(2 * (20 * 3 - 1));
}

describe('every two weeks in the calendars', () => {
  it('Google: INTERVAL=2 from DTSTART lists the same instants as the local expansion', async () => {
    const fake = await new FakeGoogle().start();
    stops.push(() => fake.stop());
    const h = await googleHarness(fake, FixedClock.at('2026-03-04T15:00:00Z'));
    const [gap] = await habits(h.deps);
    expect(await h.google.drain()).toMatchObject({ synced: 2, failed: 0 });
    expect(fake.seriesFor(gap!.id)[0]).toMatchObject({
      recurrence: ['RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH,SU'],
      start: { dateTime: '2026-03-05T02:30:00' },
    });
    const expected = await new LocalCalendar(() => h.repo.habits()).listCues(FROM, TO);
    checkLocal(expected);
    expect(pairs(await h.google.listCues(FROM, TO))).toEqual(pairs(expected));
    // Unchanged: no request; back to every week: the series is rewritten (ended, and a new one).
    const before = h.requests.length;
    await h.google.drain();
    expect(h.requests.length).toBe(before);
    h.clock.set('2026-03-11T15:00:00Z');
    await saveHabit(h.deps, habitInput({ name: 'Biweekly 02:30', days: [1, 4, 7], startTime: '02:30' }), gap!.id);
    await h.google.drain();
    expect(fake.seriesFor(gap!.id).map((e) => e.recurrence![0])).toEqual(
      expect.arrayContaining(['RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH,SU;UNTIL=20260311T145959Z', 'RRULE:FREQ=WEEKLY;BYDAY=MO,TH,SU']),
    );
    expect(pairs(await h.google.listCues(FROM, TO))).toEqual(pairs(await new LocalCalendar(() => h.repo.habits()).listCues(FROM, TO)));
  });

  it('Outlook: interval 2 from range.startDate lists the same instants as the local expansion', async () => {
    const fake = await new FakeGraph().start();
    stops.push(() => fake.stop());
    const h = await outlookHarness(fake, FixedClock.at('2026-03-04T15:00:00Z'));
    const [gap] = await habits(h.deps);
    expect(await h.outlook.drain()).toMatchObject({ synced: 2, failed: 0 });
    expect(fake.seriesFor(gap!.id)[0]?.recurrence).toMatchObject({
      pattern: { type: 'weekly', interval: 2, daysOfWeek: ['monday', 'thursday', 'sunday'], firstDayOfWeek: 'monday' },
      range: { type: 'noEnd', startDate: '2026-03-05' },
    });
    const expected = await new LocalCalendar(() => h.repo.habits()).listCues(FROM, TO);
    checkLocal(expected);
    expect(pairs(await h.outlook.listCues(FROM, TO))).toEqual(pairs(expected));
    const before = fake.log.length;
    await h.outlook.drain();
    expect(fake.log.length).toBe(before);
    h.clock.set('2026-03-11T15:00:00Z');
    await saveHabit(h.deps, habitInput({ name: 'Biweekly 02:30', days: [1, 4, 7], startTime: '02:30' }), gap!.id);
    await h.outlook.drain();
    expect(fake.seriesFor(gap!.id).map((e) => e.recurrence)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          pattern: expect.objectContaining({ interval: 2 }),
          range: expect.objectContaining({ type: 'endDate', startDate: '2026-03-05', endDate: '2026-03-08' }),
        }),
        expect.objectContaining({ pattern: expect.objectContaining({ interval: 1 }) }),
      ]),
    );
    expect(pairs(await h.outlook.listCues(FROM, TO))).toEqual(pairs(await new LocalCalendar(() => h.repo.habits()).listCues(FROM, TO)));
  });
});
