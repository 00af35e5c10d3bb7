import { defineConfig } from 'wxt';

// Manifest and build settings. Every permission here is justified in README.md ("Permissions").
export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  imports: false,
  manifest: ({ browser }) => ({
    name: 'Cueboard',
    description:
      'Habit cues in your calendar, a two-minute start when they fire, and a leading-metrics dashboard. Local-first.',
    permissions: ['alarms', 'notifications'],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'cueboard@cueboard.app',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  vite: () => ({
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    build: { target: 'es2022' },
  }),
});
