import { defineConfig } from 'vitest/config';

// Scripts that drive the built extension in Chromium to make artefacts (README screenshots), not tests.
export default defineConfig({
  test: { include: ['scripts/*.script.ts'], setupFiles: ['./tests/setup-temporal.ts'], testTimeout: 120_000, fileParallelism: false },
});
