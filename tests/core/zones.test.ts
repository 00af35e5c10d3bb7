import { describe, expect, it } from 'vitest';
import { isTimeZone } from '@/src/core/local-time';
import { availableZones, FALLBACK_ZONES, matchesZone, zoneChoices } from '@/src/core/zones';

const ZONES = ['America/New_York', 'Asia/Kolkata', 'Europe/Berlin', 'America/Los_Angeles', 'Asia/Tokyo', 'UTC'];

describe('availableZones', () => {
  it("lists the runtime's zones, sorted, with UTC present", () => {
    const zones = availableZones({ supportedValuesOf: () => ['Europe/Berlin', 'America/New_York'] });
    expect(zones).toEqual(['America/New_York', 'Europe/Berlin', 'UTC']);
  });

  it('names renamed zones by their current name, whatever the runtime calls them', () => {
    const zones = availableZones({ supportedValuesOf: () => ['Asia/Calcutta', 'Europe/Kiev', 'Asia/Kolkata'] });
    expect(zones).toEqual(['Asia/Kolkata', 'Europe/Kyiv', 'UTC']);
  });

  it('falls back to a short built-in list when the runtime cannot list zones', () => {
    expect(availableZones({})).toEqual([...FALLBACK_ZONES].sort());
    const throwing = {
      supportedValuesOf: () => {
        throw new RangeError('Invalid key : timeZone');
      },
    };
    expect(availableZones(throwing)).toEqual([...FALLBACK_ZONES].sort());
    expect(availableZones({ supportedValuesOf: () => [] })).toEqual([...FALLBACK_ZONES].sort());
  });

  it('offers only zones the runtime accepts (this runtime, current names included)', () => {
    const zones = availableZones();
    expect(zones.length).toBeGreaterThan(300);
    expect(zones).toContain('Asia/Kolkata');
    expect(zones.filter((zone) => !isTimeZone(zone))).toEqual([]);
    expect(FALLBACK_ZONES.filter((zone) => !isTimeZone(zone))).toEqual([]);
  });
});

describe('matchesZone', () => {
  it('matches any part of the name, ignoring case', () => {
    expect(matchesZone('America/New_York', 'york')).toBe(true);
    expect(matchesZone('Asia/Kolkata', 'KOLK')).toBe(true);
    expect(matchesZone('Asia/Kolkata', 'asia/')).toBe(true);
    expect(matchesZone('Asia/Kolkata', 'york')).toBe(false);
  });

  it('reads spaces as underscores', () => {
    expect(matchesZone('America/New_York', 'new york')).toBe(true);
    expect(matchesZone('America/New_York', '  New   York ')).toBe(true);
    expect(matchesZone('America/Los_Angeles', 'los angeles')).toBe(true);
  });

  it('finds a renamed zone by its former name', () => {
    expect(matchesZone('Asia/Kolkata', 'calcutta')).toBe(true);
    expect(matchesZone('Europe/Kyiv', 'kiev')).toBe(true);
  });

  it('matches everything on an empty search', () => {
    expect(matchesZone('UTC', '')).toBe(true);
    expect(matchesZone('UTC', '   ')).toBe(true);
  });
});

describe('zoneChoices', () => {
  it("puts the browser's zone first, then the chosen zone, then the rest alphabetically", () => {
    expect(zoneChoices({ zones: ZONES, browserZone: 'Europe/Berlin', current: 'Asia/Tokyo', query: '' })).toEqual([
      'Europe/Berlin',
      'Asia/Tokyo',
      'America/Los_Angeles',
      'America/New_York',
      'Asia/Kolkata',
      'UTC',
    ]);
  });

  it('lists a chosen zone equal to the browser zone once', () => {
    const choices = zoneChoices({ zones: ZONES, browserZone: 'Europe/Berlin', current: 'Europe/Berlin', query: '' });
    expect(choices[0]).toBe('Europe/Berlin');
    expect(choices.filter((z) => z === 'Europe/Berlin')).toHaveLength(1);
    expect(choices).toHaveLength(ZONES.length);
  });

  it('offers a browser zone or chosen zone missing from the list (an alias, or the fallback list)', () => {
    const choices = zoneChoices({ zones: FALLBACK_ZONES, browserZone: 'Asia/Calcutta', current: 'Europe/Vilnius', query: '' });
    expect(choices.slice(0, 2)).toEqual(['Asia/Calcutta', 'Europe/Vilnius']);
    expect(choices).toHaveLength(FALLBACK_ZONES.length + 2);
  });

  it('narrows to the matches, keeping the chosen zone so the selection never disappears', () => {
    expect(zoneChoices({ zones: ZONES, browserZone: 'Europe/Berlin', current: 'America/New_York', query: 'kolk' })).toEqual([
      'America/New_York',
      'Asia/Kolkata',
    ]);
    expect(zoneChoices({ zones: ZONES, browserZone: 'America/New_York', current: 'America/New_York', query: 'asia' })).toEqual([
      'America/New_York',
      'Asia/Kolkata',
      'Asia/Tokyo',
    ]);
  });

  it("keeps the browser's zone first when it matches the search", () => {
    expect(zoneChoices({ zones: ZONES, browserZone: 'America/New_York', current: 'Asia/Tokyo', query: 'america' })).toEqual([
      'America/New_York',
      'Asia/Tokyo',
      'America/Los_Angeles',
    ]);
  });

  it('leaves out an empty chosen zone', () => {
    expect(zoneChoices({ zones: ZONES, browserZone: 'UTC', current: '', query: 'york' })).toEqual(['America/New_York']);
  });
});
