import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// A test of the lint rules, not of the code: fixtures/ is a small project shaped like Cueboard (src/core, ports, app,
// adapters, ui, messaging, wiring, entrypoints), linted with the real eslint.config.js. A line that must be reported
// ends with `// ✗ <rule>[, <rule>]`; every other line must pass. So each rule is seen firing on a bad file and
// staying quiet on a good counterpart.

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixtures = fileURLToPath(new URL('./fixtures', import.meta.url));

/** The rules this config exists for; each must fire somewhere in the fixtures. */
const GUARDS = [
  '@typescript-eslint/no-restricted-imports',
  'no-restricted-syntax',
  'no-restricted-globals',
  'no-restricted-properties',
  '@typescript-eslint/no-floating-promises',
  '@typescript-eslint/no-misused-promises',
];

/** "line:rule" for every marked line of a fixture. */
function expected(file: string): string[] {
  return readFileSync(resolve(fixtures, file), 'utf8')
    .split('\n')
    .flatMap((text, i) => {
      const marked = /\/\/ ✗ (.+)$/u.exec(text);
      return marked ? marked[1]!.split(',').map((rule) => `${i + 1}:${rule.trim()}`) : [];
    });
}

let reported: Map<string, string[]>;

beforeAll(async () => {
  // With an explicit config file, its `files` globs are read from `cwd`: the fixtures stand where src/ stands.
  const eslint = new ESLint({ cwd: fixtures, overrideConfigFile: resolve(root, 'eslint.config.js') });
  const results = await eslint.lintFiles(['.']);
  reported = new Map(
    results.map((r) => [relative(fixtures, r.filePath), [...new Set(r.messages.map((m) => `${m.line}:${m.ruleId ?? `fatal ${m.message}`}`))]]),
  );
}, 120_000);

describe('the lint rules', () => {
  it('lint every fixture', () => {
    expect([...reported.keys()].sort()).toEqual([
      'entrypoints/popup/bad-idb.ts',
      'entrypoints/popup/main.tsx',
      'globals.d.ts',
      'src/adapters/bad-import.ts',
      'src/adapters/system-clock.ts',
      'src/app/awaited.ts',
      'src/app/bad-import.ts',
      'src/app/floating.ts',
      'src/app/use-case.ts',
      'src/core/bad-clock.ts',
      'src/core/bad-globals.ts',
      'src/core/bad-import.ts',
      'src/core/data/bad-nested.ts',
      'src/core/data/good-nested.ts',
      'src/core/good-clock.ts',
      'src/core/habit.ts',
      'src/messaging/protocol.ts',
      'src/ports/bad-import.ts',
      'src/ports/clock.ts',
      'src/ui/bad-handler.tsx',
      'src/ui/bad-import.ts',
      'src/ui/good-view.tsx',
      'src/wiring/bad-tests-import.ts',
      'src/wiring/page-deps.ts',
      'tests/fake-clock.ts',
    ]);
  });

  it.each([
    ['src/core/bad-import.ts', 'the core imports idb, wxt, an adapter (by alias and relatively), a use-case, a port; and import()s an adapter'],
    ['src/core/data/bad-nested.ts', 'a relative import climbs out of the core from a subfolder'],
    ['src/core/bad-clock.ts', 'the core reads Date.now, new Date(), Date(), performance.now, Temporal.Now, and sets timers'],
    ['src/core/bad-globals.ts', 'the core reaches fetch, browser, chrome, IndexedDB, storage, the DOM and globalThis'],
    ['src/ports/bad-import.ts', 'a port imports a use-case and an adapter'],
    ['src/app/bad-import.ts', 'a use-case imports an adapter, sends a message itself, and imports the ui'],
    ['src/app/floating.ts', 'a promise left floating, an async callback where void is expected, a promise spread'],
    ['src/adapters/bad-import.ts', 'an adapter imports a use-case, the ui and the wiring'],
    ['src/ui/bad-import.ts', 'the ui imports an adapter, the wiring, the sender, wxt and idb; and calls browser'],
    ['src/ui/bad-handler.tsx', 'a click handler returns a promise'],
    ['src/wiring/bad-tests-import.ts', 'shipping code imports a test fake'],
    ['entrypoints/popup/bad-idb.ts', 'an entry file opens IndexedDB itself'],
  ])('report exactly the marked lines of %s: %s', (file) => {
    const marked = expected(file);
    expect(marked.length).toBeGreaterThan(0);
    expect(reported.get(file)?.sort()).toEqual(marked.sort());
  });

  it.each([
    ['src/core/habit.ts', 'the core imports valibot'],
    ['src/core/good-clock.ts', 'the core takes now, uses new Date(ms) and Temporal.Instant, imports the core by alias'],
    ['src/core/data/good-nested.ts', 'a relative import inside the core'],
    ['src/ports/clock.ts', 'a port imports the core’s types'],
    ['src/app/use-case.ts', 'a use-case imports the core, a port, and the protocol’s types'],
    ['src/app/awaited.ts', 'promises awaited, returned, or dropped with void and a catch'],
    ['src/adapters/system-clock.ts', 'an adapter reads the clock and implements a port'],
    ['src/messaging/protocol.ts', 'the protocol sends through wxt/browser'],
    ['src/ui/good-view.tsx', 'the ui imports a use-case, the core, the protocol’s types; a click drops a never-rejecting promise with void'],
    ['src/wiring/page-deps.ts', 'the wiring imports adapters, use-cases and ports'],
    ['entrypoints/popup/main.tsx', 'an entry file wires adapters, the protocol, the ui and the wiring'],
  ])('report nothing in %s: %s', (file) => {
    expect(expected(file)).toEqual([]);
    expect(reported.get(file)).toEqual([]);
  });

  it('see each guard fire at least once', () => {
    const fired = new Set([...reported.values()].flat().map((entry) => entry.slice(entry.indexOf(':') + 1)));
    for (const rule of GUARDS) expect(fired, rule).toContain(rule);
  });

  it('leave the fixtures out of the project’s own lint run', async () => {
    const eslint = new ESLint({ cwd: root });
    expect(await eslint.isPathIgnored(resolve(fixtures, 'src/core/bad-clock.ts'))).toBe(true);
    expect(await eslint.isPathIgnored(resolve(root, 'src/core/habit.ts'))).toBe(false);
  });
});
