import { describe, expect, it } from 'vitest';
import { validateHabit, type HabitContext } from '@/src/core/habit-input';
import { entriesFor, habitDraft, LIBRARY, LIBRARY_VERSION, OUTCOME_STARTERS, type Role } from '@/src/core/library';
import { validateOutcome } from '@/src/core/outcome';

const BASE = { id: 'new', createdAt: 10, archived: false, startsOn: '2026-03-02', scheduleSince: 10 };
const EMPTY: HabitContext = { habits: [], outcomeIds: [] };

describe('the library', () => {
  it('has a positive integer version', () => {
    expect(Number.isInteger(LIBRARY_VERSION) && LIBRARY_VERSION > 0).toBe(true);
  });

  it.each(LIBRARY.map((entry) => [entry.id, entry] as const))('%s turns into a valid habit draft', (_id, entry) => {
    for (const zone of ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata']) {
      const draft = habitDraft(entry, zone);
      expect(draft).toMatchObject({ outcomeId: '', link: '', keystone: false, onDashboard: true, timeZone: zone });
      const result = validateHabit(draft, BASE, EMPTY);
      expect(result.ok ? [] : result.errors).toEqual([]);
      if (!result.ok) continue;
      expect(result.value).toMatchObject({
        name: entry.name,
        target: entry.target,
        schedule: { ...entry.schedule, days: [...entry.schedule.days], timeZone: zone },
        start: { firstStep: entry.firstStep },
        reward: entry.reward,
      });
    }
  });

  it('has every field filled, and a target the cues can reach', () => {
    for (const entry of LIBRARY) {
      for (const text of [entry.name, entry.why, entry.firstStep, entry.reward, entry.linkHint]) expect(text.trim()).not.toBe('');
      expect(entry.serves.length).toBeGreaterThan(0);
      const perCheckOff = entry.target.kind === 'minutes' ? entry.schedule.durationMinutes : 1;
      const cues = entry.target.per === 'week' ? entry.schedule.days.length : 1;
      // A count target may ask for more than one Done per cue (ten calls over five cues); a minutes one never.
      if (entry.target.kind === 'minutes') expect(perCheckOff * cues, entry.id).toBe(entry.target.amount);
    }
  });

  it('lets all of its entries live side by side as active habits (no two share a name)', () => {
    const names = LIBRARY.map((entry) => entry.name.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
  });

  it('has unique ids and at least five entries per role', () => {
    const ids = LIBRARY.map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const role of ['ic', 'manager'] as const) expect(LIBRARY.filter((entry) => entry.role === role).length).toBeGreaterThanOrEqual(5);
  });

  it('is a draft per call: editing one leaves the library as it was', () => {
    const entry = LIBRARY[0]!;
    const draft = habitDraft(entry, 'Europe/Berlin');
    draft.days.push(7);
    expect(entry.schedule.days).not.toContain(7);
  });
});

describe('entriesFor', () => {
  const ids = (roles: readonly Role[], kind?: Parameters<typeof entriesFor>[1]) => entriesFor(roles, kind).map((entry) => entry.id);

  it('filters by role, in library order', () => {
    expect(ids(['ic'])).toEqual(LIBRARY.filter((entry) => entry.role === 'ic').map((entry) => entry.id));
    expect(ids(['manager'])).toEqual(LIBRARY.filter((entry) => entry.role === 'manager').map((entry) => entry.id));
    expect(ids(['ic', 'manager'])).toEqual(LIBRARY.map((entry) => entry.id));
    expect(ids([])).toEqual([]);
  });

  it('puts the entries serving the outcome kind first, keeping order within each group', () => {
    const ic = ids(['ic'], 'quality');
    expect(ic.slice(0, 2)).toEqual(['ic-code-review', 'ic-cross-functional-sync']);
    expect(ic.slice(2)).toEqual(ids(['ic']).filter((id) => !['ic-code-review', 'ic-cross-functional-sync'].includes(id)));
    expect(ids(['manager'], 'engagement').slice(0, 2)).toEqual(['mgr-one-on-ones', 'mgr-feedback']);
    expect(ids(['ic', 'manager'], 'sales')[0]).toBe('ic-outreach-calls');
    expect(ids(['ic', 'manager'], 'engagement')).toHaveLength(LIBRARY.length);
  });

  it('offers each guide example for its outcome', () => {
    expect(ids(['ic'], 'sales')[0]).toBe('ic-outreach-calls');
    expect(ids(['ic'], 'quality')[0]).toBe('ic-code-review');
    expect(ids(['manager'], 'engagement')[0]).toBe('mgr-one-on-ones');
  });
});

describe('OUTCOME_STARTERS', () => {
  const TODAYS = ['2026-01-01', '2026-03-31', '2026-04-01', '2026-06-30', '2026-08-31', '2026-11-30', '2026-12-31', '2028-02-29'];

  it('offers the guide’s three examples, one per kind, with unique ids', () => {
    expect(OUTCOME_STARTERS.map((s) => [s.kind, s.label])).toEqual([
      ['sales', 'Increase sales by 15% this quarter'],
      ['quality', 'Reduce software bugs by 20%'],
      ['engagement', 'Improve team engagement score'],
    ]);
    expect(new Set(OUTCOME_STARTERS.map((s) => s.id)).size).toBe(OUTCOME_STARTERS.length);
  });

  it.each(TODAYS)('each starter is a valid outcome when today is %s, due on or after today', (today) => {
    for (const starter of OUTCOME_STARTERS) {
      const draft = starter.draft(today);
      const result = validateOutcome(draft, { id: 'o', createdAt: 0, archived: false });
      expect(result.ok ? {} : result.errors, starter.id).toEqual({});
      expect(draft.targetDate >= today, starter.id).toBe(true);
    }
  });

  it('dates the sales starter at the end of the current quarter', () => {
    const sales = OUTCOME_STARTERS.find((s) => s.kind === 'sales')!;
    expect(sales.draft('2026-01-01').targetDate).toBe('2026-03-31');
    expect(sales.draft('2026-03-31').targetDate).toBe('2026-03-31');
    expect(sales.draft('2026-04-01').targetDate).toBe('2026-06-30');
    expect(sales.draft('2026-08-31').targetDate).toBe('2026-09-30');
    expect(sales.draft('2026-12-31').targetDate).toBe('2026-12-31');
    expect(sales.draft('2026-12-31')).toMatchObject({ baseline: '0', target: '15', direction: 'up' });
  });

  it('dates the bugs starter three months out and the engagement one six', () => {
    const [, bugs, engagement] = OUTCOME_STARTERS;
    expect(bugs!.draft('2026-11-30')).toMatchObject({ targetDate: '2027-02-28', baseline: '40', target: '32', direction: 'down' });
    expect(engagement!.draft('2026-08-31')).toMatchObject({ targetDate: '2027-02-28', baseline: '3.6', target: '4.2', direction: 'up' });
  });
});
