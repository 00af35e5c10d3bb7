import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// End-to-end tests: the built extension (.output/chrome-mv3) in real headless Chromium via playwright-core.
// One file at a time: the CI machine has two cores, and each file starts its own browser.
export default defineConfig({
  // The same "@/" as the sources, for tests that compare with the core's own functions (canonical JSON, fixtures).
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    environment: 'node',
  },
});
