import { parseAlarmName } from '@/src/core/cue-plan';
import { startTarget } from '@/src/core/cue-prompt';
import { OUTBOX_ALARM, REFRESH_ALARM, REFRESH_MINUTES } from './alarm-names';
import type { CalendarReply, Message, Replies } from '@/src/messaging/protocol';
import { connectCalendar, disconnectCalendar, repairCue } from './calendar-actions';
import { checkOff } from './check-off';
import { startCue } from './cue-actions';
import { updateBadge } from './update-badge';
import { fireCue } from './fire-cue';
import { MEASURE_ALARM, MEASURE_PROMPT, planMeasurePrompt, promptMeasures } from './measure-prompt';
import { MISSED_NOTIFICATION, refreshMissedSummary, sweepPassedCues } from './passed-cues';
import { syncRemoteCalendar } from './poll-calendar';
import { reconcileAlarms } from './reconcile-alarms';
import { serial } from './serial';
import type { WorkerDeps } from './worker-deps';

/** What the background needs from the browser beyond its deps: opening tabs, and telling open pages of a change. */
export interface BackgroundShell {
  openTab: (url: string) => Promise<void>;
  cuePage: (habitId: string, cueAt?: number) => string;
  /** Where the summary of missed cues leads (the popup's list, as a page). */
  missedPage: string;
  /** Tell open pages the calendar's state changed (a drain or poll finished); no page open is fine. */
  announce?: () => void;
}

/**
 * What the background does with each browser event; the entrypoint only wires events to these.
 *
 * Two queues keep cues independent of the network: `cues` (alarms, prompts, the sweep for passed cues, the badge)
 * only reads IndexedDB and the browser, so it answers in milliseconds; `network` (calendar writes and polls) may
 * wait on a slow server, and when it is done it hands the fresh snapshot to `cues` for a reconcile.
 */
export function backgroundEvents(deps: Promise<WorkerDeps>, shell: BackgroundShell) {
  const cues = serial();
  const network = serial();

  /**
   * Alarms from the local schedules and the last poll (never the network), then record cues that passed unseen and,
   * if any did, one summary prompt; then the badge. Running it twice in a row changes nothing.
   */
  const reconcileLocal = (atStartUp = false) =>
    cues(async () => {
      const d = await deps;
      const provider = d.offlineProvider;
      const diff = await reconcileAlarms({ ...d, provider });
      const recorded = await sweepPassedCues({ ...d, provider }, atStartUp ? 0 : undefined);
      if (recorded > 0) await refreshMissedSummary(d, true);
      await updateBadge(d);
      if (d.coach) await planMeasurePrompt({ ...d, coach: d.coach });
      return diff;
    });

  /** Send queued writes and poll the calendar (unqueued body), then reconcile from the fresh snapshot. */
  const syncNow = async (d: WorkerDeps) => {
    await syncRemoteCalendar(d);
    await reconcileLocal();
    shell.announce?.();
  };
  const syncNetwork = () => network(async () => syncNow(await deps));
  const report = (error: unknown) => console.warn('[cueboard] calendar sync deferred to its next alarm', error);

  /** A calendar action the person asked for: done, written and polled before the answer (cues do not wait on it). */
  const calendar = (job: (d: WorkerDeps) => Promise<void>): Promise<CalendarReply> =>
    network(async () => {
      const d = await deps;
      try {
        await job(d);
      } catch (error) {
        return { ok: false, error: error instanceof Error ? error.message : String(error) };
      }
      await syncNow(d);
      return { ok: true };
    });

  return {
    reconcile: () => reconcileLocal(),
    syncNetwork,

    /** Every message a page may send, answered in its typed shape. */
    async message(message: Message): Promise<Replies[Message['type']]> {
      switch (message.type) {
        case 'reconcile': {
          // A page's change is already committed: alarms follow from local data now, the calendar catches up after.
          const diff = await reconcileLocal();
          void syncNetwork().catch(report);
          return { created: diff.create.length, cleared: diff.clear.length };
        }
        case 'calendar-connect':
          return calendar((d) => connectCalendar(d, message.provider));
        case 'calendar-disconnect':
          return calendar((d) => disconnectCalendar(d, message.provider, message.removeEvents));
        case 'calendar-repair':
          return calendar((d) => repairCue(d, message.habitId));
        case 'badge':
          await cues(async () => {
            const d = await deps;
            await refreshMissedSummary(d, false);
            await updateBadge(d);
          });
          return { ok: true };
      }
    },

    /** Install, update and browser start-up: make sure the refresh alarm exists, reconcile cues, then the calendar. */
    async startUp(): Promise<void> {
      const { alarms, clock } = await deps;
      const refresh = (await alarms.getAll()).find((a) => a.name === REFRESH_ALARM);
      if (refresh?.periodInMinutes !== REFRESH_MINUTES) {
        await alarms.create(REFRESH_ALARM, clock.now() + REFRESH_MINUTES * 60_000, REFRESH_MINUTES);
      }
      await reconcileLocal(true);
      await syncNetwork();
    },

    async alarm(name: string): Promise<void> {
      if (name === MEASURE_ALARM) {
        await cues(async () => {
          const d = await deps;
          if (!d.coach) return;
          await promptMeasures({ ...d, coach: d.coach });
          await planMeasurePrompt({ ...d, coach: d.coach });
        });
        return;
      }
      if (name === REFRESH_ALARM || name === OUTBOX_ALARM) {
        await reconcileLocal();
        await syncNetwork();
        return;
      }
      await cues(async () => {
        const d = await deps;
        const fired = await fireCue(d, name);
        if (fired === 'late') await refreshMissedSummary(d, true);
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
        await shell.openTab(startTarget(habit, shell.cuePage(cue.habitId, cue.cueAt)));
      } else if (index === 1) {
        await checkOff(d, { habitId: cue.habitId, cueAt: cue.cueAt, source: 'notification' });
        await cues(() => updateBadge(d));
      }
    },

    /** A click on the notification itself (the only action Firefox offers): the cue page, or the missed list. */
    async notificationClick(id: string): Promise<void> {
      const d = await deps;
      if (id.startsWith(MEASURE_PROMPT)) {
        // The behaviour's page holds the experiment's rating field.
        await d.notifier.clear(id);
        await shell.openTab(shell.cuePage(id.slice(MEASURE_PROMPT.length)));
        return;
      }
      if (id === MISSED_NOTIFICATION) {
        await d.notifier.clear(id);
        await shell.openTab(shell.missedPage);
        return;
      }
      const cue = parseAlarmName(id);
      if (!cue) return;
      await d.notifier.clear(id);
      await shell.openTab(shell.cuePage(cue.habitId, cue.cueAt));
    },
  };
}
