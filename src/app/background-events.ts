import { parseAlarmName } from '@/src/core/cue-plan';
import { startTarget } from '@/src/core/cue-prompt';
import { OUTBOX_ALARM, REFRESH_ALARM, REFRESH_MINUTES } from './alarm-names';
import type { CalendarReply, Message, Replies } from '@/src/messaging/protocol';
import { ReconnectNeeded } from '@/src/ports/reconnect-needed';
import { connectCalendar, disconnectCalendar, markReconnect, repairCue, syncCalendar } from './calendar-actions';
import { checkOff } from './check-off';
import { startCue } from './cue-actions';
import { updateBadge } from './update-badge';
import { fireCue } from './fire-cue';
import { reconcileAlarms } from './reconcile-alarms';
import { serial } from './serial';
import type { WorkerDeps } from './worker-deps';


/** What the background does with each browser event; the entrypoint only wires events to these. */
export function backgroundEvents(deps: Promise<WorkerDeps>, openTab: (url: string) => Promise<void>, cuePage: (habitId: string, cueAt?: number) => string) {
  const queue = serial();
  /** Send queued calendar writes, then poll and reconcile alarms. A failed poll leaves every alarm as it was. */
  const reconcile = () =>
    queue(async () => {
      const d = await deps;
      await syncCalendar(d);
      try {
        const diff = await reconcileAlarms(d);
        const { calendar } = await d.repo.settings();
        if (calendar !== 'local' && (await d.store.auth(calendar))?.needsReconnect) await markReconnect(d, calendar, false);
        else await updateBadge(d);
        return diff;
      } catch (error) {
        const { calendar } = await d.repo.settings();
        if (error instanceof ReconnectNeeded && calendar !== 'local') await markReconnect(d, calendar, true);
        else console.warn('[cueboard] calendar not read; cues come from the last poll and the schedules', (error as Error).message);
        // Offline or signed out: keep cues coming from the last poll and, beyond it, the schedules themselves.
        return d.offlineProvider ? reconcileAlarms({ ...d, provider: d.offlineProvider }).catch(() => ({ create: [], clear: [] })) : { create: [], clear: [] };
      }
    });

  const calendar = async (job: (d: WorkerDeps) => Promise<void>): Promise<CalendarReply> => {
    try {
      await job(await deps);
      await reconcile();
      return { ok: true };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  };

  return {
    reconcile,

    /** Every message a page may send, answered in its typed shape. */
    async message(message: Message): Promise<Replies[Message['type']]> {
      switch (message.type) {
        case 'reconcile': {
          const diff = await reconcile();
          return { created: diff.create.length, cleared: diff.clear.length };
        }
        case 'calendar-connect':
          return calendar((d) => connectCalendar(d, message.provider));
        case 'calendar-disconnect':
          return calendar((d) => disconnectCalendar(d, message.provider));
        case 'calendar-repair':
          return calendar((d) => repairCue(d, message.habitId));
        case 'badge':
          await queue(async () => updateBadge(await deps));
          return { ok: true };
      }
    },

    /** Install, update and browser start-up: make sure the refresh alarm exists, then reconcile. */
    async startUp(): Promise<void> {
      const { alarms, clock } = await deps;
      const refresh = (await alarms.getAll()).find((a) => a.name === REFRESH_ALARM);
      if (refresh?.periodInMinutes !== REFRESH_MINUTES) {
        await alarms.create(REFRESH_ALARM, clock.now() + REFRESH_MINUTES * 60_000, REFRESH_MINUTES);
      }
      await reconcile();
    },

    async alarm(name: string): Promise<void> {
      if (name === REFRESH_ALARM || name === OUTBOX_ALARM) {
        await reconcile();
        return;
      }
      await queue(async () => {
        const d = await deps;
        await fireCue(d, name);
        await updateBadge(d);
      });
    },

    /** Buttons: 0 = Start (opens the work), 1 = Done (records the check-in). */
    async notificationButton(id: string, index: number): Promise<void> {
      const cue = parseAlarmName(id);
      if (!cue) return;
      const d = await deps;
      await d.notifier.clear(id);
      if (index === 0) {
        const habit = await startCue(d, cue.habitId, cue.cueAt);
        await openTab(startTarget(habit, cuePage(cue.habitId, cue.cueAt)));
      } else if (index === 1) {
        await checkOff(d, { habitId: cue.habitId, cueAt: cue.cueAt, source: 'notification' });
        await updateBadge(d);
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
