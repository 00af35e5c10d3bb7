import { parseAlarmName } from '@/src/core/cue-plan';
import { checkOff } from './check-off';
import { startCue } from './cue-actions';
import type { Deps } from './deps';
import { fireCue } from './fire-cue';
import { reconcileAlarms } from './reconcile-alarms';
import { serial } from './serial';

/** A periodic alarm that re-derives cues. It also catches a wake from sleep: missed alarms fire once on wake. */
export const REFRESH_ALARM = 'cueboard:refresh';
export const REFRESH_MINUTES = 30;

/** What the background does with each browser event; the entrypoint only wires events to these. */
export function backgroundEvents(deps: Promise<Deps>, openTab: (url: string) => Promise<void>, cuePage: (habitId: string, cueAt?: number) => string) {
  const queue = serial();
  const reconcile = () => queue(async () => reconcileAlarms(await deps));

  return {
    reconcile,

    /** Install, update and browser start-up: make sure the refresh alarm exists, then reconcile. */
    async startUp(): Promise<void> {
      const { alarms, clock } = await deps;
      const existing = await alarms.getAll();
      if (!existing.some((a) => a.name === REFRESH_ALARM)) {
        await alarms.create(REFRESH_ALARM, clock.now() + REFRESH_MINUTES * 60_000, REFRESH_MINUTES);
      }
      await reconcile();
    },

    async alarm(name: string): Promise<void> {
      if (name === REFRESH_ALARM) {
        await reconcile();
        return;
      }
      await queue(async () => fireCue(await deps, name));
    },

    /** Buttons: 0 = Start (opens the work), 1 = Done (records the check-in). */
    async notificationButton(id: string, index: number): Promise<void> {
      const cue = parseAlarmName(id);
      if (!cue) return;
      const d = await deps;
      await d.notifier.clear(id);
      if (index === 0) {
        const habit = await startCue(d, cue.habitId, cue.cueAt);
        await openTab(habit.start.link ?? cuePage(cue.habitId, cue.cueAt));
      } else if (index === 1) {
        await checkOff(d, { habitId: cue.habitId, cueAt: cue.cueAt, source: 'notification' });
      }
    },

    /** A click on the notification itself (the only action Firefox offers) opens the cue page. */
    async notificationClick(id: string): Promise<void> {
      const cue = parseAlarmName(id);
      if (!cue) return;
      await (await deps).notifier.clear(id);
      await openTab(cuePage(cue.habitId, cue.cueAt));
    },
  };
}
