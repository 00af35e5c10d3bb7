import { holdsSites, passedHosts, type FocusSession } from './focus-session';

/** One held-back site, as a rule the browser applies; ids are stable for a given list. */
export interface HoldRule {
  id: number;
  site: string;
}

/**
 * The rules that should be live at `now`: every listed site the person granted access to, while the block runs,
 * except a site on an open one-minute pass. None otherwise, so a reconcile against this removes stale rules.
 */
export function holdRules(session: FocusSession | undefined, sites: readonly string[], granted: ReadonlySet<string>, now: number): HoldRule[] {
  if (!session || !holdsSites(session, now)) return [];
  const passed = new Set(passedHosts(session, now));
  return sites.flatMap((site, index) => (granted.has(site) && !passed.has(site) ? [{ id: index + 1, site }] : []));
}
