import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// End-to-end tests in Firefox: the built extension (.output/firefox-mv3) in Debian's headless firefox-esr, driven over
// WebDriver BiDi by puppeteer-core. One file at a time: the CI machine has two cores, and each file starts its own browser.
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    include: ['tests/e2e-firefox/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 90_000,
    environment: 'node',
  },
});
