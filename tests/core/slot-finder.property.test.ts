import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planDay, type Busy, type DayPlanInput, type FlexRequest, type PlacedBlock } from '@/src/core/slot-finder';

// Random days in zones with a fixed offset, so the expected window instants come from Date.parse with that offset and
// never from Temporal or the code under test. Every time is a whole minute (as calendars give them), so checking each
// minute of the window finds the true nearest slot to compare with.

const MINUTE = 60_000;
const DATE = '2026-06-16';
const ZONES = [
  { zone: 'UTC', offset: '+00:00' },
  { zone: 'Asia/Kolkata', offset: '+05:30' },
  { zone: 'America/Phoenix', offset: '-07:00' },
] as const;

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

interface Case {
  input: DayPlanInput;
  /** Each request's window and ideal as instants, worked out here. */
  bounds: Map<string, { from: number; to: number; ideal: number; buffer: number; duration: number }>;
}

const requestArb = fc
  .record({
    keystone: fc.boolean(),
    placementsThisWeek: fc.integer({ min: 0, max: 6 }),
    from: fc.integer({ min: 0, max: 1380 }),
    length: fc.integer({ min: 5, max: 600 }),
    durationShare: fc.double({ min: 0, max: 1, noNaN: true }),
    idealShare: fc.double({ min: 0, max: 1, noNaN: true }),
    buffer: fc.integer({ min: 0, max: 60 }),
  })
  .map((r) => {
    const to = Math.min(r.from + r.length, 1439);
    const duration = Math.max(1, Math.floor((to - r.from) * r.durationShare));
    const ideal = r.from + Math.floor((to - r.from - duration) * r.idealShare);
    return { ...r, to, duration, ideal };
  });

// Spans in minutes from the day's local midnight; a length of zero or less makes a malformed span the finder must ignore.
const spanArb = fc.record({ start: fc.integer({ min: -120, max: 1560 }), length: fc.integer({ min: -10, max: 240 }) });

const caseArb = fc
  .record({
    zone: fc.constantFrom(...ZONES),
    requests: fc.array(requestArb, { minLength: 1, maxLength: 4 }),
    busy: fc.array(spanArb, { maxLength: 40 }),
    fixed: fc.array(spanArb, { maxLength: 3 }),
    cap: fc.integer({ min: 5, max: 1440 }),
    now: fc.option(fc.integer({ min: -60 * 60, max: 1500 * 60 }), { nil: undefined }),
  })
  .map(({ zone, requests, busy, fixed, cap, now }): Case => {
    const midnight = Date.parse(`${DATE}T00:00:00${zone.offset}`);
    const local = (minutes: number) => Date.parse(`${DATE}T${hhmm(minutes)}:00${zone.offset}`);
    const toBusy = (s: { start: number; length: number }): Busy => ({ start: midnight + s.start * MINUTE, end: midnight + (s.start + s.length) * MINUTE });
    const bounds: Case['bounds'] = new Map();
    const flex: FlexRequest[] = requests.map((r, i) => {
      const habitId = `h${i}`;
      bounds.set(habitId, { from: local(r.from), to: local(r.to), ideal: local(r.ideal), buffer: r.buffer * MINUTE, duration: r.duration * MINUTE });
      return {
        habitId,
        keystone: r.keystone,
        placementsThisWeek: r.placementsThisWeek,
        window: { from: hhmm(r.from), to: hhmm(r.to), bufferMinutes: r.buffer },
        ideal: hhmm(r.ideal),
        durationMinutes: r.duration,
        timeZone: zone.zone,
      };
    });
    return {
      input: {
        date: DATE,
        requests: flex,
        busy: busy.map(toBusy),
        fixedBlocks: fixed.map(toBusy),
        allDay: [],
        skipWords: ['OOO'],
        capMinutes: cap,
        // A moment inside a minute, so the round-up to the next minute is exercised too.
        ...(now !== undefined ? { now: midnight + now * 1000 + 123 } : {}),
      },
      bounds,
    };
  });

const valid = (spans: readonly Busy[]) => spans.filter((b) => b.end > b.start);
const overlaps = (a: Busy, b: Busy) => a.start < b.end && b.start < a.end;

/** The nearest allowed whole-minute start to the ideal (the earlier on a tie), found by trying every minute. */
function bruteNearest(input: DayPlanInput, b: { from: number; to: number; ideal: number; buffer: number; duration: number }): number | undefined {
  const earliest = input.now === undefined ? -Infinity : Math.ceil(input.now / MINUTE) * MINUTE;
  let best: number | undefined;
  for (let s = b.from; s + b.duration <= b.to; s += MINUTE) {
    if (s < earliest) continue;
    const slot = { start: s, end: s + b.duration };
    if (valid(input.busy).some((m) => overlaps(slot, m) || (m.end <= s && s - m.end < b.buffer))) continue;
    if (valid(input.fixedBlocks).some((m) => overlaps(slot, m))) continue;
    if (best === undefined || Math.abs(s - b.ideal) < Math.abs(best - b.ideal)) best = s;
  }
  return best;
}

describe('planDay on random days', () => {
  it('places every block inside its window, clear of busy time, fixed and other blocks, after the gap, within the cap', () => {
    fc.assert(
      fc.property(caseArb, ({ input, bounds }) => {
        const placements = planDay(input);
        expect(placements.map((p) => p.habitId).sort()).toEqual(input.requests.map((r) => r.habitId).sort());
        const placed = placements.filter((p): p is PlacedBlock => 'start' in p);
        const earliest = input.now === undefined ? -Infinity : input.now;
        for (const p of placed) {
          const b = bounds.get(p.habitId)!;
          expect(p.start).toBeGreaterThanOrEqual(b.from);
          expect(p.end).toBeLessThanOrEqual(b.to);
          expect(p.end - p.start).toBe(b.duration);
          expect(p.start).toBeGreaterThanOrEqual(earliest);
          expect(p.moved).toBe(p.start !== b.ideal);
          for (const m of valid(input.busy)) {
            expect(overlaps(p, m)).toBe(false);
            if (m.end <= p.start) expect(p.start - m.end).toBeGreaterThanOrEqual(b.buffer);
          }
          for (const f of valid(input.fixedBlocks)) expect(overlaps(p, f)).toBe(false);
          for (const q of placed) if (q !== p) expect(overlaps(p, q)).toBe(false);
        }
        const minutes = [...valid(input.fixedBlocks), ...placed].reduce((sum, s) => sum + (s.end - s.start) / MINUTE, 0);
        if (placed.length > 0) expect(minutes).toBeLessThanOrEqual(input.capMinutes);
      }),
      { numRuns: 400 },
    );
  });

  it('gives the first habit considered the exact nearest free slot, or says why not', () => {
    fc.assert(
      fc.property(caseArb, ({ input, bounds }) => {
        const first = planDay(input)[0]!;
        const b = bounds.get(first.habitId)!;
        const best = bruteNearest(input, b);
        if ('start' in first) expect(first.start).toBe(best);
        else if (first.kind === 'no-free-time') expect(best).toBeUndefined();
        else if (first.kind === 'passed') expect(Math.ceil(input.now! / MINUTE) * MINUTE).toBeGreaterThan(b.to - b.duration);
        else expect(first.kind).toBe('cap');
      }),
      { numRuns: 400 },
    );
  });
});
