import { useEffect, useRef, useState } from 'preact/hooks';
import { parseSite, type FocusPrefs } from '@/src/core/focus-sites';
import type { SiteAccess } from '@/src/ports/site-access';
import { useAction } from '../use-action';
import { describedBy } from './field';

/** What the Focus section reads and changes. */
export interface FocusApi {
  prefs: () => Promise<FocusPrefs>;
  /** Read, change and write the focus settings in one transaction; gives what was stored. */
  updatePrefs: (change: (stored: FocusPrefs) => FocusPrefs) => Promise<FocusPrefs>;
  access: SiteAccess;
  /** Tell the worker the list or a permission changed, so a running block's held-back sites follow. */
  sitesChanged: () => Promise<unknown>;
}

export interface FocusSectionProps {
  api: FocusApi;
  /** Say what just happened in the page's status line. */
  onNotice: (text: string) => void;
}

/** Said when the worker could not be told: true, because it brings the rules in line on every wake. */
const CATCH_UP = 'If a focus block is running, its held-back sites catch up within a minute.';

/**
 * Add a site: its permission asked for first, in the same turn as the person's click (an await before it would lose
 * the gesture and the browser would not ask), then the site listed whether or not it was given (`listed` hears of it
 * while the browser's question may still be open), then the worker told once the person answered. Gives the list as
 * stored, whether the site is held back, and a line for the status.
 */
export async function addSite(
  api: FocusApi,
  site: string,
  listed: (prefs: FocusPrefs) => void = () => undefined,
): Promise<{ prefs: FocusPrefs; granted: boolean; notice: string }> {
  const asked = api.access.request(site).catch(() => false);
  // Checked again against the stored list: another page may have added it meanwhile.
  const prefs = await api.updatePrefs((stored) => (parseSite(site, stored.sites).ok ? { ...stored, sites: [...stored.sites, site] } : stored));
  listed(prefs);
  const granted = await asked;
  const told = await api.sitesChanged().then(
    () => true,
    () => false,
  );
  const state = granted
    ? `Added ${site}: it is held back while a focus block runs.`
    : `Added ${site}, but it is not held back: the browser did not give Cueboard access to it. Use “Ask again” when you are ready.`;
  return { prefs, granted, notice: told ? state : `${state} ${CATCH_UP}` };
}

/** Remove a site: off the list, its permission given back (a failure there changes nothing the person sees), the worker told. */
export async function removeSite(api: FocusApi, site: string): Promise<{ prefs: FocusPrefs; notice: string }> {
  const prefs = await api.updatePrefs((stored) => ({ ...stored, sites: stored.sites.filter((s) => s !== site) }));
  await api.access.drop(site).catch(() => undefined);
  const told = await api.sitesChanged().then(
    () => true,
    () => false,
  );
  return { prefs, notice: told ? `Removed ${site}.` : `Removed ${site}. ${CATCH_UP}` };
}

/**
 * Focus settings: whether every block names its intention, and the sites held back while a block runs, each with
 * whether the browser lets Cueboard hold it back and a way to ask again.
 */
export function FocusSection({ api, onNotice }: FocusSectionProps) {
  const [prefs, setPrefs] = useState<FocusPrefs>();
  const [loadError, setLoadError] = useState(false);
  /** Per site: true held back, false not given, absent while unknown. */
  const [granted, setGranted] = useState<Record<string, boolean>>({});
  const [text, setText] = useState('');
  const [error, setError] = useState<string>();
  // A failure to store a change is said in words, and nothing else changes.
  const { busy, problem, run: act } = useAction();
  /** The site whose permission the browser is asking about now. */
  const [asking, setAsking] = useState<string>();
  const input = useRef<HTMLInputElement>(null);
  const focusNext = useRef<string | undefined>(undefined);

  useEffect(() => {
    api.prefs().then(setPrefs, () => setLoadError(true));
  }, [api]);

  // Each site's state, read again whenever a permission changes here or in the browser's settings.
  const sites = prefs?.sites;
  useEffect(() => {
    if (!sites) return undefined;
    let live = true;
    const refresh = () =>
      void Promise.all(sites.map((site) => api.access.has(site).catch(() => false))).then((held) => {
        if (live) setGranted(Object.fromEntries(sites.map((site, i) => [site, held[i]!])));
      });
    refresh();
    const stop = api.access.onChange(refresh);
    return () => {
      live = false;
      stop();
    };
  }, [api, sites]);

  useEffect(() => {
    if (focusNext.current) document.getElementById(focusNext.current)?.focus();
    focusNext.current = undefined;
  });

  if (loadError) return <p role="alert">Cueboard could not read your focus settings. Reload the page to try again.</p>;
  if (!prefs) return <p aria-busy="true">Loading…</p>;

  const add = (e: Event) => {
    e.preventDefault();
    const parsed = parseSite(text, prefs.sites);
    if (!parsed.ok) {
      setError(parsed.errors.site);
      input.current?.focus();
      return;
    }
    setError(undefined);
    // addSite asks for the permission before its first await: still inside this click (or Enter).
    const adding = addSite(api, parsed.value, (listed) => {
      setPrefs(listed);
      setText('');
    });
    setAsking(parsed.value);
    void act(async () => {
      const result = await adding.finally(() => setAsking(undefined));
      setPrefs(result.prefs);
      setGranted((g) => ({ ...g, [parsed.value]: result.granted }));
      focusNext.current = 'focus-site';
      onNotice(result.notice);
    });
  };

  const askAgain = (site: string) => {
    const asked = api.access.request(site).catch(() => false);
    setAsking(site);
    void act(async () => {
      const given = await asked.finally(() => setAsking(undefined));
      setGranted((g) => ({ ...g, [site]: given }));
      const told = await api.sitesChanged().then(
        () => true,
        () => false,
      );
      const state = given
        ? `${site} is held back while a focus block runs.`
        : `${site} is still not held back: the browser did not give Cueboard access to it.`;
      onNotice(told || !given ? state : `${state} ${CATCH_UP}`);
    });
  };

  const remove = (site: string, index: number) =>
    void act(async () => {
      const result = await removeSite(api, site);
      setPrefs(result.prefs);
      const rest = result.prefs.sites;
      focusNext.current = rest.length > 0 ? `focus-site-remove-${Math.min(index, rest.length - 1)}` : 'focus-site';
      onNotice(result.notice);
    });

  // The box shows the person's choice at once (and goes back if it could not be stored).
  const setRequired = (on: boolean) => {
    setPrefs({ ...prefs, intentionRequired: on });
    void act(async () => {
      try {
        setPrefs(await api.updatePrefs((stored) => ({ ...stored, intentionRequired: on })));
      } catch (failure) {
        setPrefs((current) => current && { ...current, intentionRequired: !on });
        throw failure;
      }
      onNotice(on ? 'Every focus block now names its intention.' : 'A focus block’s intention is now optional.');
    });
  };

  return (
    <div class="card">
      <p class="hint">A habit becomes a focus block in its form: tick “This is a deep-work focus block”.</p>
      <label class="check">
        <input type="checkbox" checked={prefs.intentionRequired} disabled={busy} onChange={(e) => setRequired(e.currentTarget.checked)} />
        Every focus block names its intention
      </label>

      <h3 id="focus-sites-title">Sites to hold back during focus</h3>
      <p class="hint">
        Nothing is asked at install: Cueboard asks for access to each site when you add it, and uses it only to hold that site back while a focus block runs. A
        site covers its subdomains.
      </p>
      {prefs.sites.length === 0 ? (
        <p class="empty">No sites yet. Add the ones that pull you away: mail, chat, news.</p>
      ) : (
        <ul class="list" aria-labelledby="focus-sites-title">
          {prefs.sites.map((site, i) => (
            <li key={site}>
              <div>
                <strong>{site}</strong>
                <div class="meta">
                  {asking === site
                    ? 'waiting for your answer to the browser’s question'
                    : granted[site] === undefined
                      ? 'checking…'
                      : granted[site]
                        ? 'held back during focus'
                        : 'not held back (permission not given)'}
                </div>
              </div>
              <div class="actions">
                {granted[site] === false && asking !== site && (
                  <button type="button" disabled={busy} aria-label={`Ask again for ${site}`} onClick={() => askAgain(site)}>
                    Ask again
                  </button>
                )}
                <button type="button" id={`focus-site-remove-${i}`} disabled={busy} aria-label={`Remove ${site}`} onClick={() => remove(site, i)}>
                  Remove
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <form class="field" noValidate aria-label="Add a site to hold back" onSubmit={add}>
        <label for="focus-site">Site</label>
        <span class="people-row">
          <input
            ref={input}
            type="text"
            inputMode="url"
            autoComplete="off"
            spellcheck={false}
            {...describedBy('focus-site', error, true)}
            value={text}
            onInput={(e) => setText(e.currentTarget.value)}
          />
          <button type="submit" disabled={busy}>
            Add
          </button>
        </span>
        {error ? (
          <p class="error" id="focus-site-error" role="alert">
            {error}
          </p>
        ) : (
          <p class="hint" id="focus-site-hint">
            Its name only, e.g. mail.example.com.
          </p>
        )}
      </form>
      {problem && <p role="alert">{problem}</p>}
    </div>
  );
}
