import { parseAlarmName } from '@/src/core/cue-plan';
import { startTarget } from '@/src/core/cue-prompt';
import { OUTBOX_ALARM, REFRESH_ALARM, REFRESH_MINUTES } from './alarm-names';
import type { BackupReply, CalendarReply, FocusReply, Message, Replies } from '@/src/messaging/protocol';
import { ReadableError } from '@/src/ports/readable-error';
import { BACKUP_ALARM, BACKUP_CHECK_MINUTES, runBackup } from './backup';
import { connectCalendar, disconnectCalendar, repairCue } from './calendar-actions';
import { checkOff } from './check-off';
import { startCue } from './cue-actions';
import { updateBadge } from './update-badge';
import { fireCue } from './fire-cue';
import { applyFocusAction, FocusRefusal, type FocusAction } from './focus-actions';
import { FOCUS_ALARM, reconcileFocus, showFocusBadge } from './focus-worker';
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
  /** Tell open pages the focus block changed (started, paused, ended, a pass). */
  announceFocus?: () => void;
  /**
   * Drop the popup's and new tab's glance snapshot: cues moved or went without a watched store being written (a poll
   * rewrites the calendar snapshot every time, so that store is not watched; the alarms' diff says when cues changed).
   */
  glanceChanged?: () => void;
  /** Resolves once every glance drop asked for so far has landed (the worker reaches localStorage through a document). */
  glanceSettled?: () => Promise<void>;
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
   * A job that may have written what a glance shows, finished only once the glance's drop landed: a page opened right
   * after (the popup after a notification's Done) never paints the old snapshot. Awaited outside the queues, so the
   * next cue does not wait on the drop; run even when the job failed, since part of it may have been committed.
   */
  const glanceSettled = async <T>(job: Promise<T>): Promise<T> => {
    try {
      return await job;
    } finally {
      await shell.glanceSettled?.();
    }
  };

  /**
   * Alarms from the local schedules and the last poll (never the network), then record cues that passed unseen and,
   * if any did, one summary prompt; then the badge. Running it twice in a row changes nothing.
   */
  const reconcileLocal = (atStartUp = false) =>
    glanceSettled(
      cues(async () => {
        const d = await deps;
        const provider = d.offlineProvider;
        const diff = await reconcileAlarms({ ...d, provider });
        // Cues moved or went (a poll, a habit's change): the glance listed the old ones.
        if (diff.create.length + diff.clear.length > 0) shell.glanceChanged?.();
        const recorded = await sweepPassedCues({ ...d, provider }, atStartUp ? 0 : undefined);
        if (recorded > 0) await refreshMissedSummary(d, true);
        await focusAndBadge(d);
        if (d.coach) await planMeasurePrompt({ ...d, coach: d.coach });
        return diff;
      }),
    );

  /** The focus block settled and its rules and alarm in line, then the badge: its minutes, or today's open cues. */
  const focusAndBadge = async (d: WorkerDeps) => {
    const block = d.focus ? await reconcileFocus({ ...d, focus: d.focus }) : undefined;
    if (block?.state !== lastFocusState) {
      lastFocusState = block?.state;
      shell.announceFocus?.();
    }
    if (!(await showFocusBadge(block, d.badge, d.clock.now()))) await updateBadge(d);
  };
  let lastFocusState: string | undefined;

  /** A page's (or a notification's) focus action, applied in the cues queue; a refusal comes back in words. */
  const focusAction = (action: FocusAction): Promise<FocusReply> =>
    glanceSettled(
      cues(async () => {
        const d = await deps;
        if (!d.focus) return { ok: false, error: 'Focus blocks are not available here.' };
        try {
          await applyFocusAction({ ...d, focus: d.focus }, action);
        } catch (error) {
          if (!(error instanceof FocusRefusal)) throw error;
          return { ok: false, error: error.message };
        } finally {
          // Whatever happened, rules, alarm and badge follow what is stored.
          await focusAndBadge(d);
          shell.announceFocus?.();
        }
        return { ok: true };
      }),
    );

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

  /** A backup when due (the alarm), or now (the person asked); never throws: a failure is answered in words. */
  const backup = (now: boolean): Promise<BackupReply> => glanceSettled(backupJob(now));

  /** The backup itself; it writes a record of the run. */
  const backupJob = async (now: boolean): Promise<BackupReply> => {
    const d = await deps;
    if (!d.data || !d.backupSaver) return { ok: false, error: 'Backups to the downloads folder are not available in this browser.' };
    try {
      const name = await runBackup({ ...d, data: d.data, saver: d.backupSaver, schemaVersion: d.data.schemaVersion }, now);
      return name ? { ok: true, name } : { ok: false, error: 'No backup was due.' };
    } catch (error) {
      return { ok: false, error: error instanceof ReadableError ? error.message : 'The backup could not be saved.' };
    }
  };

  /** What a notification's button does (see `notificationButton` below, which then waits for the glance's drop). */
  const notificationButton = async (id: string, index: number): Promise<void> => {
    const cue = parseAlarmName(id);
    if (!cue) return;
    const d = await deps;
    await d.notifier.clear(id);
    const habit = await d.repo.habit(cue.habitId);
    if (habit?.focus) {
      const reply = await focusAction({ do: 'start', habitId: cue.habitId, cueAt: cue.cueAt, delayed: index === 1 });
      // Refused (another block is running): the cue page says why and offers what is possible.
      const page = shell.cuePage(cue.habitId, cue.cueAt);
      await shell.openTab(reply.ok ? startTarget(habit, page) : page);
      return;
    }
    if (index === 0) {
      const habit = await startCue(d, cue.habitId, cue.cueAt);
      await shell.openTab(startTarget(habit, shell.cuePage(cue.habitId, cue.cueAt)));
    } else if (index === 1) {
      await checkOff(d, { habitId: cue.habitId, cueAt: cue.cueAt, source: 'notification' });
      await cues(() => focusAndBadge(d));
    }
  };

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
          await glanceSettled(
            cues(async () => {
              const d = await deps;
              await refreshMissedSummary(d, false);
              await focusAndBadge(d);
            }),
          );
          return { ok: true };
        case 'focus':
          return focusAction(message.action);
        case 'backup-now':
          return backup(true);
      }
    },

    /**
     * A worker that wakes (for any event) or starts: the focus block is settled and its rules checked at once, so a
     * block that ended while the worker slept, or the browser was closed, never leaves a site held back.
     */
    wake: () => glanceSettled(cues(async () => focusAndBadge(await deps))),

    /** A host permission was taken back (or given): only the rules follow. */
    permissionsChanged: () => glanceSettled(cues(async () => focusAndBadge(await deps))),

    /** Install, update and browser start-up: make sure the refresh alarm exists, reconcile cues, then the calendar. */
    async startUp(): Promise<void> {
      const { alarms, clock } = await deps;
      const refresh = (await alarms.getAll()).find((a) => a.name === REFRESH_ALARM);
      if (refresh?.periodInMinutes !== REFRESH_MINUTES) {
        await alarms.create(REFRESH_ALARM, clock.now() + REFRESH_MINUTES * 60_000, REFRESH_MINUTES);
      }
      // Looks for a due weekly backup a few times a day; it does nothing while backups are off.
      if (!(await alarms.getAll()).some((a) => a.name === BACKUP_ALARM)) await alarms.create(BACKUP_ALARM, clock.now() + 60_000, BACKUP_CHECK_MINUTES);
      await reconcileLocal(true);
      await syncNetwork();
    },

    async alarm(name: string): Promise<void> {
      if (name === FOCUS_ALARM) {
        await glanceSettled(cues(async () => focusAndBadge(await deps)));
        return;
      }
      if (name === BACKUP_ALARM) {
        const result = await backup(false);
        if (!result.ok && result.error !== 'No backup was due.') console.warn('[cueboard] weekly backup:', result.error);
        return;
      }
      if (name === MEASURE_ALARM) {
        await glanceSettled(
          cues(async () => {
            const d = await deps;
            if (!d.coach) return;
            await promptMeasures({ ...d, coach: d.coach });
            await planMeasurePrompt({ ...d, coach: d.coach });
          }),
        );
        return;
      }
      if (name === REFRESH_ALARM || name === OUTBOX_ALARM) {
        await reconcileLocal();
        await syncNetwork();
        return;
      }
      await glanceSettled(
        cues(async () => {
          const d = await deps;
          const fired = await fireCue({ ...d, ...(d.focus ? { focus: d.focus } : {}) }, name);
          if (fired === 'late') await refreshMissedSummary(d, true);
          await focusAndBadge(d);
        }),
      );
    },

    /**
     * Buttons: 0 = Start (opens the work), 1 = Done (records the check-in). A focus cue's: 0 = Start now,
     * 1 = Start in 2 minutes; both open the work at once (the two-minute rule), the timer starts now or in two minutes.
     */
    notificationButton: (id: string, index: number): Promise<void> => glanceSettled(notificationButton(id, index)),

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
