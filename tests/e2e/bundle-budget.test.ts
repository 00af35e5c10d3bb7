// Bundle budget: each page's initial JavaScript (every script it names, classic or module, plus every module it
// preloads), gzip, Preact included. The glance pages (popup, new tab): at most 12 KB — their first script paints the
// last view, their module holds only the view's components; data, IndexedDB and actions load after the first paint.
// The cue page a notification opens: at most 20 KB. The form pages opened now and then (options, the guided start)
// carry the forms, the zone list and the calendar card: at most 30 KB. The Temporal polyfill is not initial: it loads
// only where Temporal is missing.
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from './extension';

const BUDGETS: Record<string, number> = { popup: 12, newtab: 12, cue: 20, options: 30, welcome: 30 };

/** The scripts a page names (classic or module) and the modules it preloads. */
function namedScripts(html: string): string[] {
  return [...html.matchAll(/<script[^>]+src="([^"]+)"|<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map((m) => (m[1] ?? m[2])!);
}

/**
 * Everything a page's first scripts load before they run: what the page names, and every module those import
 * statically, followed through (a glance page preloads nothing: its imports load after the first paint, but before its
 * module runs, so they count). Dynamic `import()` chunks load later, on their own, and do not count.
 */
function initialScripts(html: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    if (!file.endsWith('.js')) return;
    const code = readFileSync(join(EXTENSION_DIR, file), 'utf8');
    for (const m of code.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[\w$\s{},*]*?\s*from\s*)?["'](\.{1,2}\/[^"']+)["']/g)) {
      visit(posix.join(posix.dirname(file), m[1]!));
    }
  };
  for (const file of namedScripts(html)) visit(file.replace(/^\//, ''));
  return [...seen];
}

describe('bundle budget', () => {
  it.each(Object.entries(BUDGETS))('%s.html loads at most %i KB of JavaScript (gzip)', (page, budget) => {
    const html = readFileSync(join(EXTENSION_DIR, `${page}.html`), 'utf8');
    const files = initialScripts(html);
    expect(files.length).toBeGreaterThan(0);
    const sizes = files.map((f) => gzipSync(readFileSync(join(EXTENSION_DIR, f)), { level: 9 }).length);
    const total = sizes.reduce((a, b) => a + b, 0);
    console.log(`${page}: ${(total / 1024).toFixed(1)} KB gzip initial JS in ${files.length} files`);
    expect(total).toBeLessThanOrEqual(budget * 1024);
  });
});
