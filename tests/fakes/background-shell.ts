import type { BackgroundShell } from '@/src/app/background-events';

/** The background's browser side for tests: tabs it would open are collected in `opened`. */
export function testShell(opened: string[] = []): BackgroundShell {
  return {
    openTab: async (url) => {
      opened.push(url);
    },
    cuePage: (habitId, cueAt) => `cue.html?habit=${habitId}${cueAt === undefined ? '' : `&at=${cueAt}`}`,
    missedPage: 'popup.html?missed=1',
  };
}
