/** Time-zone choices for the zone picker: which IANA zones to offer, in what order, and which match a search. */

/**
 * Current IANA names of zones that older ICU data still lists under a former name (Chromium and Node list
 * "Asia/Calcutta", Firefox lists "Asia/Kolkata"). The runtime accepts both spellings; people look for the current one.
 */
const RENAMED: Readonly<Record<string, string>> = {
  'Africa/Asmera': 'Africa/Asmara',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Catamarca': 'America/Argentina/Catamarca',
  'America/Coral_Harbour': 'America/Atikokan',
  'America/Cordoba': 'America/Argentina/Cordoba',
  'America/Godthab': 'America/Nuuk',
  'America/Indianapolis': 'America/Indiana/Indianapolis',
  'America/Jujuy': 'America/Argentina/Jujuy',
  'America/Louisville': 'America/Kentucky/Louisville',
  'America/Mendoza': 'America/Argentina/Mendoza',
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Europe/Kiev': 'Europe/Kyiv',
  'Pacific/Enderbury': 'Pacific/Kanton',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Truk': 'Pacific/Chuuk',
};

/** The former name of each renamed zone, so a search for "calcutta" or "kiev" still finds it. */
const FORMER: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(RENAMED).map(([former, current]) => [current, former]));

/** Common zones offered when the runtime cannot list its own (no `Intl.supportedValuesOf`). */
export const FALLBACK_ZONES: readonly string[] = [
  'UTC',
  'America/Anchorage',
  'America/Chicago',
  'America/Denver',
  'America/Los_Angeles',
  'America/Mexico_City',
  'America/New_York',
  'America/Sao_Paulo',
  'America/Toronto',
  'Africa/Cairo',
  'Africa/Johannesburg',
  'Africa/Lagos',
  'Asia/Dubai',
  'Asia/Hong_Kong',
  'Asia/Jakarta',
  'Asia/Kolkata',
  'Asia/Seoul',
  'Asia/Shanghai',
  'Asia/Singapore',
  'Asia/Tokyo',
  'Australia/Sydney',
  'Europe/Berlin',
  'Europe/Istanbul',
  'Europe/London',
  'Europe/Madrid',
  'Europe/Moscow',
  'Europe/Paris',
  'Pacific/Auckland',
  'Pacific/Honolulu',
];

/** The part of `Intl` that lists zones; missing on older runtimes. */
export interface ZoneLister {
  supportedValuesOf?: (key: 'timeZone') => readonly string[];
}

/**
 * The zones to offer, sorted, with renamed ones under their current name and UTC always present. Reads the runtime's
 * own list through `intl` (pass a stand-in in tests); falls back to FALLBACK_ZONES when it cannot list zones.
 */
export function availableZones(intl: ZoneLister = Intl): string[] {
  let listed: readonly string[] = [];
  try {
    listed = intl.supportedValuesOf?.('timeZone') ?? [];
  } catch {
    // A runtime that has the function but not the 'timeZone' key throws a RangeError: use the fallback.
  }
  const zones = new Set((listed.length > 0 ? listed : FALLBACK_ZONES).map((zone) => RENAMED[zone] ?? zone));
  zones.add('UTC');
  return [...zones].sort(byName);
}

/** True when a zone matches a search: case-insensitive, on any part of its name (or former name), spaces as underscores. */
export function matchesZone(zone: string, query: string): boolean {
  const needle = normalise(query);
  if (needle === '') return true;
  return zone.toLowerCase().includes(needle) || (FORMER[zone]?.toLowerCase().includes(needle) ?? false);
}

/** What the picker shows: the browser's zone, the chosen value, and the search. */
export interface ZoneChoiceInput {
  /** Every zone that may be offered (usually `availableZones()`). */
  zones: readonly string[];
  /** The zone the browser runs in; offered first. */
  browserZone: string;
  /** The chosen zone (the picker passes the one chosen when the search began); always offered, even when it does not match. */
  current: string;
  /** The search typed so far; empty offers everything. */
  query: string;
}

/**
 * The zones to list, in order: the browser's zone first, then the chosen zone if different, then the rest
 * alphabetically; each only when it matches the search, except the chosen zone, which always stays. No duplicates.
 */
export function zoneChoices({ zones, browserZone, current, query }: ZoneChoiceInput): string[] {
  const chosen = current.trim();
  const lead = [browserZone, chosen].filter((zone) => zone !== '' && (zone === chosen || matchesZone(zone, query)));
  const rest = [...zones].sort(byName).filter((zone) => matchesZone(zone, query));
  return [...new Set([...lead, ...rest])];
}

/** Lower case, trimmed, with runs of spaces as one underscore ("new york" → "new_york"). */
function normalise(query: string): string {
  return query.trim().toLowerCase().replace(/\s+/g, '_');
}

function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
