import { render } from 'preact';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { focusSource } from '@/src/wiring/focus-source';
import { HeldApp } from '@/src/ui/focus/held-app';
import { heldDestination } from '@/src/ui/focus/held-destination';
import '@/src/ui/styles.css';

/**
 * The page a held-back site's navigation lands on: held.html?site=<site>#<the address asked for> (the redirect rule
 * carries it in the fragment; a `url` parameter is read too).
 *
 * Built as a script of its own (held.js and assets/held.css, loaded by public/held.html), not as an HTML entry: an
 * entry sharing a few modules with the glance pages splits their common chunk and costs each of them some 370 bytes
 * of its 20 KB budget. This bundle carries its own copy of what it uses.
 */
export default defineUnlistedScript(() => {
  const params = new URLSearchParams(location.search);
  const site = params.get('site') ?? '';
  const asked = params.get('url') ?? location.hash.slice(1);
  render(
    <HeldApp site={site} destination={heldDestination(site, asked)} source={focusSource} go={(url) => location.replace(url)} />,
    document.getElementById('app')!,
  );
});
