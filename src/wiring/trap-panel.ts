import { browser } from 'wxt/browser';
import type { Deps } from '@/src/app/deps';
import { dismissTrap, loadTraps, logTrapValue, scheduleHuddle, undoHuddle } from '@/src/app/traps';
import { requestReconcile } from '@/src/messaging/protocol';
import { TrapQuestions, type TrapActions, type TrapPanel } from '@/src/ui/dashboard/trap-questions';

/**
 * The trap questions bound to a page's storage and browser. Loaded with a dynamic import after the dashboard's first
 * paint (popup and new tab), so none of this counts toward their initial script.
 *
 * Seams for the coaching features being built alongside: pass `startExperiment` in `extra` to offer "Start an
 * experiment" on the fixation question, and `rhythm` (last check-in, cadence) to let set-and-forget watch check-ins.
 */
export function trapPanel(
  deps: Promise<Deps>,
  extra: Pick<TrapActions, 'startExperiment'> & { rhythm?: () => Promise<Parameters<typeof loadTraps>[1]> } = {},
): TrapPanel {
  // Alarms follow a new or archived habit through the background; a closed popup must not fail the answer.
  const cuesFollow = () => void requestReconcile().catch(() => undefined);
  return {
    TrapQuestions,
    actions: {
      load: async () => {
        const view = await loadTraps(await deps, (await extra.rhythm?.()) ?? {});
        // Lets tests (and the bench) tell "no question" from "not loaded yet".
        performance.mark('cueboard:traps-loaded');
        return view;
      },
      dismiss: async (id) => dismissTrap(await deps, id),
      scheduleHuddle: async () => {
        const saved = await scheduleHuddle(await deps);
        if (saved.ok) cuesFollow();
        return saved;
      },
      undoHuddle: async (habitId) => {
        await undoHuddle(await deps, habitId);
        cuesFollow();
      },
      logValue: async (outcomeId, value) => logTrapValue(await deps, outcomeId, value),
      adjustHabit: (habitId) => browser.tabs.create({ url: `${browser.runtime.getURL('/options.html')}#habit=${encodeURIComponent(habitId)}` }),
      ...(extra.startExperiment ? { startExperiment: extra.startExperiment } : {}),
    },
  };
}
