import { browser } from 'wxt/browser';
import type { Deps } from '@/src/app/deps';
import type { TrapPanel } from '@/src/ui/dashboard/trap-questions';

/**
 * The glance pages' one door to the trap questions, itself loaded with a dynamic import after the first paint. A
 * second step on purpose: the list of files to preload for the questions' chunk then sits in this small chunk, not
 * in the page's initial script (it would cost the popup and the new tab about 90 bytes of their 20 KB budget).
 * "Start an experiment" opens the experiments form on that behaviour; set-and-forget watches the coaching check-ins.
 */
export function loadTrapPanel(deps: Promise<Deps>): Promise<TrapPanel> {
  return import('./trap-panel').then((m) =>
    m.trapPanel(deps, {
      startExperiment: ({ habitId }) => browser.tabs.create({ url: `${browser.runtime.getURL('/options.html')}#experiment=${encodeURIComponent(habitId)}` }),
      rhythm: async () => {
        const { coachingDeps } = await import('./coaching-deps');
        const { coach, repo } = await coachingDeps();
        const [sessions, habits] = await Promise.all([coach.sessions(), repo.habits()]);
        const last = sessions.filter((s) => s.finishedAt !== undefined).at(-1)?.finishedAt;
        // The check-ins' cadence (every week or every two weeks), once the person scheduled them.
        const checkIn = habits.find((h) => h.kind === 'checkin' && !h.archived);
        return { ...(last !== undefined ? { lastCheckInAt: last } : {}), ...(checkIn ? { cadenceDays: 7 * (checkIn.schedule.everyWeeks ?? 1) } : {}) };
      },
    }),
  );
}
