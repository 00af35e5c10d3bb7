import { describe, expect, it } from 'vitest';
import { canonicalJson, exportDocument, type ExportDocument } from '@/src/core/data/export-document';
import { validateDocument } from '@/src/core/data/validate-document';
import { everything } from '../../fakes/everything';

const SCHEMA = 7;
const NOW = Date.UTC(2026, 11, 2, 12);
const doc = (): ExportDocument => exportDocument(everything(), NOW, SCHEMA);
/** The document as a file holds it: plain JSON, so a test can break it anywhere. */
const json = (): any => JSON.parse(JSON.stringify(doc()));

async function errorsOf(file: unknown): Promise<string[]> {
  const result = await validateDocument(file, SCHEMA);
  if (result.ok) throw new Error('expected a refusal');
  return result.errors;
}

describe('validateDocument', () => {
  it('accepts a whole export and gives back exactly its records', async () => {
    const result = await validateDocument(json(), SCHEMA);
    expect(result.ok).toBe(true);
    if (result.ok) expect(canonicalJson(result.value)).toBe(canonicalJson(doc()));
  });

  it('refuses what is not an export, and an export from a newer Cueboard', async () => {
    expect(await errorsOf([1, 2])).toEqual(['This file is not a Cueboard export: it has no "format": "cueboard-export".']);
    expect(await errorsOf({ ...json(), format: 'loop' })).toHaveLength(1);
    const newer = 'This export was made by a newer version of Cueboard. Update Cueboard, then import the file again.';
    expect(await errorsOf({ ...json(), formatVersion: 2 })).toEqual([newer]);
    expect(await errorsOf({ ...json(), schemaVersion: 8 })).toEqual([newer]);
    expect(await errorsOf({ ...json(), formatVersion: '1' })).toEqual(['formatVersion: must be a whole number from 1.']);
    expect(await errorsOf({ ...json(), exportedAt: 'yesterday' })).toEqual(['exportedAt: must be a date and time.']);
    expect(await errorsOf({ ...json(), data: [] })).toEqual(['data: must be an object holding the records.']);
    expect(await errorsOf({ ...json(), data: { ...json().data, habits: {} } })).toEqual(['habits: must be a list of records.']);
  });

  it('names the record and the field of each bad value', async () => {
    const file = json();
    file.data.habits[2].schedule.timeZone = 'Mars/Phobos';
    file.data.checkIns[1].localDate = '2026-02-30';
    file.data.habits[0].start.link = 'javascript:alert(1)';
    file.data.habits[1].name = 'x'.repeat(100_000);
    file.data.cueEvents[0].cueAt = 'soon';
    file.data.outcomes[0].direction = 'sideways';
    file.data.settings.dayBoundary = '09:00';
    file.data.focusPrefs.sites = 'all';
    expect(await errorsOf(file)).toEqual([
      'outcomes[0].direction: must be "up" or "down"',
      'habits[0].start.link: must be an http:// or https:// link',
      'habits[1].name: must be 120 characters or fewer',
      'habits[2].schedule.timeZone: unknown time zone',
      'checkIns[1].localDate: must be a real date "YYYY-MM-DD"',
      'cueEvents[0].cueAt: must be a number',
      'settings.dayBoundary: must be between 00:00 and 06:00',
      'focusPrefs.sites: must be a list',
    ]);
  });

  it('refuses duplicate ids and references to records the file does not have', async () => {
    const file = json();
    file.data.checkIns.push({ ...file.data.checkIns[0] });
    file.data.checkIns[2].habitId = 'gone';
    file.data.measures[0].experimentId = 'e9';
    file.data.coachingSessions[0].outcome = { kind: 'habit', habitId: 'h9' };
    expect(await errorsOf(file)).toEqual([
      'checkIns[5].id: "c1" is also the id of checkIns[0].',
      'checkIns[2].habitId: no habit "gone" in this file.',
      'measures[0].experimentId: no experiment "e9" in this file.',
      'coachingSessions[0].outcome.habitId: no habit "h9" in this file.',
    ]);
  });

  it('stops at twenty problems', async () => {
    const file = json();
    file.data.checkIns = Array.from({ length: 50 }, (_, i) => ({ ...file.data.checkIns[0], id: `c${i}`, value: -1 }));
    const errors = await errorsOf(file);
    expect(errors).toHaveLength(20);
    expect(errors[19]).toBe('checkIns[19].value: must not be negative');
  });

  it('upgrades an export written under an older schema: stores it lacked are empty, habits gain scheduleSince', async () => {
    const old = {
      format: 'cueboard-export',
      formatVersion: 1,
      schemaVersion: 2,
      exportedAt: '2025-06-01T10:00:00.000Z',
      data: {
        outcomes: [],
        habits: [
          {
            id: 'h1',
            name: 'Walk',
            target: { kind: 'count', amount: 1, per: 'day' },
            schedule: { days: [1, 2, 3], startTime: '07:00', durationMinutes: 20, timeZone: 'Europe/Paris' },
            start: { firstStep: 'Shoes on' },
            keystone: false,
            onDashboard: true,
            archived: false,
            startsOn: '2025-05-01',
            createdAt: 1746000000000,
          },
        ],
        checkIns: [
          { id: 'c1', habitId: 'h1', localDate: '2025-05-02', at: 1746165600000, timeZone: 'Europe/Paris', value: 1, status: 'done', source: 'popup' },
        ],
        settings: { dayBoundary: '04:00', calendar: 'local' },
      },
    };
    const result = await validateDocument(old, SCHEMA);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.schemaVersion).toBe(SCHEMA);
    expect(result.value.data.habits[0]!.scheduleSince).toBe(1746000000000);
    expect(result.value.data.experiments).toEqual([]);
    expect(result.value.data.settings).toMatchObject({ dayBoundary: '04:00', calendar: 'local', dailyCapMinutes: 120 });
  });

  it('pauses between slices of records, so a page stays responsive', async () => {
    const file = json();
    file.data.checkIns = Array.from({ length: 1_600 }, (_, i) => ({ ...file.data.checkIns[0], id: `c${i}` }));
    let pauses = 0;
    const result = await validateDocument(file, SCHEMA, async () => void pauses++);
    expect(result.ok).toBe(true);
    expect(pauses).toBe(3);
  });
});
