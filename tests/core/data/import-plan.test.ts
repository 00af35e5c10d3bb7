import { describe, expect, it } from 'vitest';
import type { ExportData } from '@/src/core/data/export-document';
import { planImport, previewLines } from '@/src/core/data/import-plan';
import { DEFAULT_FOCUS_PREFS } from '@/src/core/focus-sites';
import { DEFAULT_SETTINGS } from '@/src/core/settings';
import { everything } from '../../fakes/everything';

const NOW = Date.UTC(2026, 11, 2, 12);
const empty = (): ExportData => ({
  outcomes: [],
  outcomeValues: [],
  habits: [],
  checkIns: [],
  cueEvents: [],
  experiments: [],
  measures: [],
  coachingSessions: [],
  focusSessions: [],
  settings: { ...DEFAULT_SETTINGS, calendar: 'google' },
  focusPrefs: DEFAULT_FOCUS_PREFS,
});

describe('planImport, merge', () => {
  it('into an empty database adds everything, takes the file’s settings but not its calendar, and syncs every habit', async () => {
    const plan = await planImport(everything(), empty(), 'merge', NOW);
    expect(plan.counts.habits).toEqual({ added: 4, updated: 0, kept: 0, same: 0, removed: 0 });
    expect(plan.put.checkIns).toHaveLength(5);
    expect(plan.settings.calendar).toBe('google');
    expect(plan.settings).toEqual({ ...everything().settings, calendar: 'google' });
    expect(plan.focusPrefs).toEqual(everything().focusPrefs);
    expect(plan.habitsToSync.map((h) => h.id)).toEqual(['h1', 'h2', 'h3', 'h4']);
    expect(previewLines(plan)).toEqual([
      'Adds 2 outcomes, 2 outcome values, 4 habits, 5 check-ins, 5 cue records, 2 experiments, 2 experiment measures, 2 coaching check-ins and 1 focus block.',
      'Settings and focus sites come from the file; the calendar you use here stays.',
    ]);
  });

  it('same ids: identical ones are left, the newer one wins, and the ones as new or newer here are kept (and said)', async () => {
    const here = everything();
    const file = everything();
    // Newer in the file: a check-in recorded later, a habit archived since.
    file.checkIns[0] = { ...file.checkIns[0]!, at: file.checkIns[0]!.at + 1, value: 25 };
    file.habits[1] = { ...file.habits[1]!, archived: true, archivedAt: NOW };
    // Newer here: two check-ins edited after the export.
    here.checkIns[1] = { ...here.checkIns[1]!, at: here.checkIns[1]!.at + 10, note: 'changed here' };
    here.checkIns[2] = { ...here.checkIns[2]!, at: here.checkIns[2]!.at + 10 };
    // New in the file.
    file.checkIns.push({ ...file.checkIns[4]!, id: 'c9', localDate: '2026-03-11' });
    const plan = await planImport(file, { ...here, settings: { ...here.settings, calendar: 'outlook' } }, 'merge', NOW);
    expect(plan.counts.checkIns).toEqual({ added: 1, updated: 1, kept: 2, same: 2, removed: 0 });
    expect(plan.counts.habits).toEqual({ added: 0, updated: 1, kept: 0, same: 3, removed: 0 });
    expect(plan.put.checkIns.map((c) => c.id)).toEqual(['c1', 'c9']);
    expect(plan.habitsToSync.map((h) => [h.id, h.archived])).toEqual([['h2', true]]);
    expect(plan.settings.calendar).toBe('outlook');
    expect(plan.settingsChanged).toBe(false);
    expect(previewLines(plan)).toEqual([
      'Adds 1 check-in.',
      'Updates 1 habit and 1 check-in with newer ones from the file.',
      '2 check-ins already here are kept: they are as new or newer here.',
    ]);
  });

  it('one record kept reads in the singular', async () => {
    const here = everything();
    here.outcomeValues[0] = { ...here.outcomeValues[0]!, value: 1 };
    expect(previewLines(await planImport(everything(), here, 'merge', NOW))).toEqual([
      'Adds nothing new.',
      '1 outcome value already here is kept: it is as new or newer here.',
    ]);
  });
});

describe('planImport, replace', () => {
  it('writes the file whole, counts what goes, takes the file’s settings but not its calendar, and ends habits it lacks', async () => {
    const file = everything();
    file.habits = file.habits.filter((h) => h.id !== 'h2');
    file.checkIns = file.checkIns.filter((c) => c.habitId !== 'h2');
    file.cueEvents = file.cueEvents.filter((c) => c.habitId !== 'h2');
    file.experiments = file.experiments.filter((e) => e.habitId !== 'h2');
    const here = { ...everything(), settings: { ...DEFAULT_SETTINGS, calendar: 'google' as const } };
    const plan = await planImport(file, here, 'replace', NOW);
    expect(plan.put.habits.map((h) => h.id)).toEqual(['h1', 'h3', 'h4']);
    expect(plan.counts.habits).toEqual({ added: 0, updated: 0, kept: 0, same: 3, removed: 1 });
    expect(plan.settings).toEqual({ ...file.settings, calendar: 'google' });
    expect(plan.focusPrefs).toEqual(file.focusPrefs);
    expect(plan.habitsToSync.at(-1)).toMatchObject({ id: 'h2', archived: true, archivedAt: NOW });
    expect(previewLines(plan)).toEqual([
      'Replaces everything here with the file’s 2 outcomes, 2 outcome values, 3 habits, 4 check-ins, 3 cue records, 1 experiment, 2 experiment measures, 2 coaching check-ins and 1 focus block.',
      'Removes 1 habit, 1 check-in, 2 cue records and 1 experiment that the file does not have.',
      'Settings and focus sites come from the file; the calendar you use here stays.',
    ]);
  });
});
