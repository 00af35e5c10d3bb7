import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// `npm run bench`: measurements, reported as figures and ratios within one run. Never part of `npm test`.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['bench/**/*.bench.ts'],
    setupFiles: ['fake-indexeddb/auto', './tests/setup.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 300_000,
  },
});
