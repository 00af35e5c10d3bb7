// The linter keeps two promises the type checker cannot: every promise is awaited or deliberately dropped, and the
// layers of ../shared/reference/architecture.md import only what the picture allows ("boundaries in the linter, not
// in memory"). tests/lint/boundaries.test.ts proves each rule below fires on a bad file and stays quiet on a good one.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

/** WXT's path aliases (`@/`, `~/`, `@@/`, `~~/` all name the project root, since srcDir is '.'). */
const ALIAS = '(?:@@?|~~?)/';

/** An import through an alias into one of these folders, e.g. `@/src/adapters/…` for `inside('src/adapters')`. */
const inside = (...folders) => `^${ALIAS}(?:${folders.join('|')})(?:/|$)`;

/**
 * Each layer: its folder, how deep its files sit (for relative imports), and what it may not import. `allowTypes`
 * names imports that are fine as `import type` only (a type carries no code across the line).
 */
const LAYERS = [
  {
    folder: 'src/core',
    // Pure: nothing from outside the core but valibot (a pure validation library), so no wxt, idb, preact or fetch.
    forbidden: [{ regex: `^(?!\\.{1,2}/|${ALIAS}src/core/|valibot(?:/|$))`, message: 'src/core is pure: it imports only src/core and valibot.' }],
  },
  {
    folder: 'src/ports',
    forbidden: [
      { regex: `^(?!\\.{1,2}/|${ALIAS}src/(?:core|ports)/)`, message: 'src/ports are small interfaces: they import only src/core (and each other).' },
    ],
  },
  {
    folder: 'src/app',
    forbidden: [
      // The messages' types may be named (a use-case answers a message); sending them is the wiring's job.
      { regex: inside('src/messaging'), allowTypeImports: true, message: 'src/app may name the protocol’s types, nothing more.' },
      {
        regex: `^(?!\\.{1,2}/|${ALIAS}src/(?:core|ports|app|messaging)/)`,
        message: 'src/app combines src/core with src/ports: no adapters, ui, wiring, browser or storage libraries.',
      },
    ],
  },
  {
    folder: 'src/ui',
    forbidden: [
      { regex: inside('src/adapters', 'src/wiring', 'entrypoints'), message: 'src/ui never reaches adapters or the wiring: pages hand it what it needs.' },
      {
        regex: inside('src/messaging'),
        allowTypeImports: true,
        message: 'src/ui may name the protocol’s types; sending a message is the wiring’s job (no browser calls in ui).',
      },
      { regex: '^(?:wxt|idb|@microsoft/|@googleapis/|oauth4webapi)(?:/|$)', message: 'src/ui makes no browser, storage or network calls.' },
    ],
  },
  {
    folder: 'src/messaging',
    forbidden: [
      { regex: inside('src/adapters', 'src/ui', 'src/wiring', 'entrypoints'), message: 'src/messaging is the protocol alone: no adapters, ui or wiring.' },
    ],
  },
  {
    folder: 'src/adapters',
    forbidden: [
      {
        regex: inside('src/app', 'src/ui', 'src/wiring', 'src/messaging', 'entrypoints'),
        message: 'src/adapters implement ports: they import src/core and src/ports, never app, ui, messaging or the wiring.',
      },
    ],
  },
  {
    folder: 'src/wiring',
    forbidden: [{ regex: inside('entrypoints'), message: 'src/wiring is imported by the entrypoints, never the other way round.' }],
  },
  {
    folder: 'entrypoints',
    // Entry files declare: they wire adapters (through src/wiring), app, ui and messaging to the browser's events.
    forbidden: [{ regex: '^idb(?:/|$)', message: 'Entrypoints reach IndexedDB through src/adapters/storage, via src/wiring.' }],
  },
];

/** Nothing that ships imports the tests. */
const NO_TESTS = { regex: `${inside('tests')}|(?:^|/)tests/`, message: 'Shipping code never imports from tests/.' };

/** How deep the layer's folders go (src/adapters/calendar/google/x.ts sits 2 below src/adapters). */
const MAX_DEPTH = 4;

/** A relative import from `depth` folders below the layer's root that climbs out of it. */
function leavesLayer(folder, depth) {
  return {
    regex: `^(?:\\./)?(?:\\.\\./){${depth + 1}}`,
    message: `A relative import may not leave ${folder}: name another layer as \`@/…\` so the boundary rules can see it.`,
  };
}

/** The same restrictions for `import('…')`, which no-restricted-imports does not look at. */
function dynamicImports(patterns) {
  // esquery reads a regex up to the next '/', so slashes are written as \x2F.
  return patterns
    .filter((p) => !p.allowTypeImports)
    .map((p) => ({ selector: `ImportExpression > Literal.source[value=/${p.regex.replaceAll('/', '\\x2F')}/]`, message: p.message }));
}

/** In the core: no browser, storage, network or timer, and no reading the clock (functions take `now`). */
const CORE_GLOBALS = [
  ...['browser', 'chrome', 'indexedDB', 'fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'localStorage', 'sessionStorage'].map((name) => ({
    name,
    message: `src/core is pure: \`${name}\` belongs in an adapter behind a port.`,
  })),
  ...['document', 'window', 'navigator', 'self', 'globalThis'].map((name) => ({
    name,
    message: `src/core is pure: it never reaches the host through \`${name}\`.`,
  })),
  ...['setTimeout', 'setInterval', 'setImmediate', 'requestAnimationFrame', 'requestIdleCallback'].map((name) => ({
    name,
    message: `src/core never waits on a timer (\`${name}\`): a pause is passed in, a retry is an alarm.`,
  })),
];
const CORE_PROPERTIES = [
  { object: 'Date', property: 'now', message: 'src/core never reads the clock: take `now` as an argument.' },
  { object: 'performance', property: 'now', message: 'src/core never reads the clock: take `now` as an argument.' },
  { object: 'Temporal', property: 'Now', message: 'src/core never reads the clock: take `now` (and the time zone) as arguments.' },
];
const CORE_SYNTAX = [
  {
    selector: "NewExpression[callee.name='Date'][arguments.length=0]",
    message: 'src/core never reads the clock: `new Date()` without an argument is now; take `now` as an argument.',
  },
  { selector: "CallExpression[callee.name='Date']", message: 'src/core never reads the clock: `Date()` is now as text; take `now` as an argument.' },
];

/** One config per layer and depth, since a rule's options in a later config replace (not join) an earlier one's. */
function layerConfigs({ folder, forbidden }) {
  const extra = folder === 'src/core' ? CORE_SYNTAX : [];
  return Array.from({ length: MAX_DEPTH + 1 }, (_, depth) => {
    const patterns = [...forbidden, NO_TESTS, leavesLayer(folder, depth)];
    return {
      name: `cueboard/layers/${folder}/depth-${depth}`,
      files: [`${folder}/${'*/'.repeat(depth)}*.{ts,tsx}`],
      rules: {
        '@typescript-eslint/no-restricted-imports': ['error', { patterns }],
        'no-restricted-syntax': ['error', ...dynamicImports(patterns), ...extra],
      },
    };
  }).concat({
    // A file deeper than the configs above would escape every layer rule: say so rather than pass it unchecked.
    name: `cueboard/layers/${folder}/too-deep`,
    files: [`${folder}/${'*/'.repeat(MAX_DEPTH + 1)}**/*.{ts,tsx}`],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'Program', message: 'Deeper than MAX_DEPTH in eslint.config.js: raise it so the layer rules reach this file.' },
      ],
    },
  });
}

export default defineConfig(
  // The fixtures break the rules on purpose; tests/lint/boundaries.test.ts lints them with this same file.
  { ignores: ['.output/', '.wxt/', '.cache/', 'test-results/', 'tests/lint/fixtures/'] },
  js.configs.recommended,
  {
    name: 'cueboard/typescript',
    files: ['**/*.{ts,tsx}'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // The two this config exists for: a promise is awaited, returned, caught, or dropped with `void` on purpose.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      // The code's way to drop a field or a parameter is a leading underscore (`const { id: _id, ...rest } = x`).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      // Off: `async` on a function without `await` is how an implementation of a Promise-returning port turns a throw
      // into a rejection; the rule would ask to drop it (88 findings, none a bug).
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    name: 'cueboard/tests',
    files: ['tests/**/*.{ts,tsx}', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      // Off in tests only: the fake Google and Graph servers read JSON request bodies as `any` on purpose (they must
      // accept whatever the client sends, and check it field by field). 530 findings, all there; production code
      // keeps the rules.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // The tests' raw IndexedDB helpers reject with `request.error`, typed `DOMException | null` though never null in
      // an error handler (7 findings, all of that shape).
      '@typescript-eslint/prefer-promise-reject-errors': 'off',
    },
  },
  {
    name: 'cueboard/node-scripts',
    files: ['**/*.{js,mjs}'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly' } },
  },
  {
    // The glance pages' first script runs in the page as it is (a classic script, no build step).
    name: 'cueboard/page-script',
    files: ['public/**/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: { document: 'readonly', localStorage: 'readonly', performance: 'readonly', Intl: 'readonly', console: 'readonly' },
    },
  },
  ...LAYERS.flatMap(layerConfigs),
  {
    name: 'cueboard/core-purity',
    files: ['src/core/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-globals': ['error', ...CORE_GLOBALS],
      'no-restricted-properties': ['error', ...CORE_PROPERTIES],
    },
  },
  {
    name: 'cueboard/ui-no-browser',
    files: ['src/ui/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'browser', message: 'src/ui makes no browser calls: the page hands it an action (see src/wiring).' },
        { name: 'chrome', message: 'src/ui makes no browser calls: the page hands it an action (see src/wiring).' },
        { name: 'indexedDB', message: 'src/ui reads data through what the page hands it, not IndexedDB.' },
      ],
    },
  },
);
