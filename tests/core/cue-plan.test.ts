import { describe, expect, it } from 'vitest';
import {
  ALARM_HORIZON_MS,
  cueAlarmName,
  diffAlarms,
  parseAlarmName,
  snoozeAlarmName,
  wantedAlarms,
  type ExistingAlarm,
  type WantedAlarm,
} from '@/src/core/cue-plan';

const NOW = Temporal.Instant.from('2026-03-02T12:00:00Z').epochMilliseconds;
const HOUR = 3_600_000;

/** Apply a diff to a list of alarms the way the browser would. */
function apply(existing: ExistingAlarm[], diff: { create: WantedAlarm[]; clear: string[] }): ExistingAlarm[] {
  const byName = new Map(existing.map((a) => [a.name, a]));
  for (const name of diff.clear) byName.delete(name);
  for (const w of diff.create) byName.set(w.name, { name: w.name, scheduledTime: w.when });
  return [...byName.values()];
}

describe('alarm names', () => {
  it('round-trip cue and snooze names', () => {
    expect(parseAlarmName(cueAlarmName('abc', 123))).toEqual({ kind: 'cue', habitId: 'abc', cueAt: 123 });
    expect(parseAlarmName(snoozeAlarmName('abc', 123))).toEqual({ kind: 'snooze', habitId: 'abc', cueAt: 123 });
  });

  it('refuses names Cueboard does not own', () => {
    for (const name of ['cueboard:refresh', 'cue|abc', 'cue||12', 'cue|a|12x', 'other|a|1', 'cue|a|1|2']) expect(parseAlarmName(name)).toBeUndefined();
  });
});

describe('wantedAlarms', () => {
  it('keeps instances in (now, now + 48 h] and pending snoozes', () => {
    const cues = [
      { habitId: 'a', at: NOW - 1 },
      { habitId: 'a', at: NOW },
      { habitId: 'a', at: NOW + HOUR },
      { habitId: 'b', at: NOW + ALARM_HORIZON_MS },
      { habitId: 'b', at: NOW + ALARM_HORIZON_MS + 1 },
    ];
    const events = [
      { id: 'a|1', habitId: 'a', cueAt: 1, snoozedUntil: NOW + 10 * 60_000 },
      { id: 'a|2', habitId: 'a', cueAt: 2, snoozedUntil: NOW - 1 },
      { id: 'a|3', habitId: 'a', cueAt: 3 },
    ];
    expect(wantedAlarms(cues, events, NOW)).toEqual([
      { name: snoozeAlarmName('a', 1), when: NOW + 10 * 60_000 },
      { name: cueAlarmName('a', NOW + HOUR), when: NOW + HOUR },
      { name: cueAlarmName('b', NOW + ALARM_HORIZON_MS), when: NOW + ALARM_HORIZON_MS },
    ]);
  });

  it('lists an instance once even when the provider repeats it', () => {
    const cue = { habitId: 'a', at: NOW + HOUR };
    expect(wantedAlarms([cue, cue], [], NOW)).toHaveLength(1);
  });
});

describe('diffAlarms', () => {
  const wanted = wantedAlarms(
    [
      { habitId: 'a', at: NOW + HOUR },
      { habitId: 'a', at: NOW + 25 * HOUR },
      { habitId: 'b', at: NOW + 2 * HOUR },
    ],
    [],
    NOW,
  );

  it('creates what is missing and clears what is no longer wanted', () => {
    const existing = [
      { name: cueAlarmName('a', NOW + HOUR), scheduledTime: NOW + HOUR },
      { name: cueAlarmName('gone', NOW + 3 * HOUR), scheduledTime: NOW + 3 * HOUR },
    ];
    const diff = diffAlarms(wanted, existing, NOW);
    expect(diff.create.map((w) => w.name)).toEqual([cueAlarmName('b', NOW + 2 * HOUR), cueAlarmName('a', NOW + 25 * HOUR)]);
    expect(diff.clear).toEqual([cueAlarmName('gone', NOW + 3 * HOUR)]);
  });

  it('is idempotent: applying the diff and diffing again changes nothing', () => {
    let alarms: ExistingAlarm[] = [{ name: cueAlarmName('gone', NOW + HOUR), scheduledTime: NOW + HOUR }];
    const first = diffAlarms(wanted, alarms, NOW);
    expect(first.create.length + first.clear.length).toBeGreaterThan(0);
    alarms = apply(alarms, first);
    expect(diffAlarms(wanted, alarms, NOW)).toEqual({ create: [], clear: [] });
    expect(alarms.map((a) => a.name).sort()).toEqual(wanted.map((w) => w.name).sort());
  });

  it('leaves alarms it does not own alone, and never clears one that is already due', () => {
    const existing = [
      { name: 'cueboard:refresh', scheduledTime: NOW + HOUR, periodInMinutes: 30 },
      { name: cueAlarmName('x', NOW - 5), scheduledTime: NOW - 5 },
    ];
    expect(diffAlarms([], existing, NOW)).toEqual({ create: [], clear: [] });
  });

  it('recreates an alarm whose time drifted', () => {
    const name = cueAlarmName('a', NOW + HOUR);
    const diff = diffAlarms([{ name, when: NOW + HOUR }], [{ name, scheduledTime: NOW + 2 * HOUR }], NOW);
    expect(diff.create).toEqual([{ name, when: NOW + HOUR }]);
  });
});
