import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit tests: the core, the app use-cases and the adapters, on fake-indexeddb and WXT's fake browser.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'tests/e2e-firefox/**', 'node_modules/**'],
    setupFiles: ['fake-indexeddb/auto', './tests/setup.ts'],
    environment: 'node',
  },
});
