import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXTENSION_DIR } from '../tests/e2e/extension';

// What the browser benchmarks share: a copy of the built extension they may add to, and the few statistics they print.

/** A page with no script in the extension's copy: the baseline every page is compared with (the build has none). */
export const BLANK_PAGE = 'blank.html';

/**
 * The built extension copied to a temporary folder, plus the blank page. `backgroundPrelude`, when given, runs in the
 * service worker before the background's own script (a classic script: the build's background.js is one), so a
 * benchmark can timestamp and trigger the worker's events the same cold or warm; the shipped files are left untouched.
 */
export function benchExtension(backgroundPrelude?: string): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'cueboard-bench-')), 'ext');
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  writeFileSync(
    join(dir, BLANK_PAGE),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Blank</title></head><body><p>Blank</p></body></html>',
  );
  if (backgroundPrelude !== undefined) {
    const background = join(dir, 'background.js');
    writeFileSync(background, `${backgroundPrelude}\n${readFileSync(background, 'utf8')}`);
  }
  return dir;
}

/** The median (the upper one of an even count, as the benchmarks have always reported). */
export const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export const max = (xs: readonly number[]): number => Math.max(...xs);
