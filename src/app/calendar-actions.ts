import { CALENDAR_NAMES, type RemoteKind } from '@/src/core/calendar-sync';
import { OUTBOX_ALARM } from './alarm-names';
import { updateBadge } from './update-badge';
import type { WorkerDeps } from './worker-deps';

const REMOTE_KINDS: readonly RemoteKind[] = ['google', 'outlook'];

function remote(d: WorkerDeps, kind: RemoteKind) {
  const found = d.remotes[kind];
  if (!found) throw new Error(`This build has no ${CALENDAR_NAMES[kind]} support.`);
  return found;
}

/** The calendar's removal steps; every remote calendar has them (stand-ins in tests may not). */
function removal(d: WorkerDeps, kind: RemoteKind) {
  const { calendar, auth } = remote(d, kind);
  if (!calendar.queueRemoval || !calendar.drainRemovals) throw new Error(`Cueboard cannot remove events from ${CALENDAR_NAMES[kind]} in this build.`);
  return { queue: () => calendar.queueRemoval!(), drain: (now: boolean) => calendar.drainRemovals!(now), auth };
}

/** True while Cueboard still has cue events to remove from a calendar the person disconnected. */
async function removing(d: WorkerDeps, kind: RemoteKind): Promise<boolean> {
  return (await d.store.outbox(kind)).some((e) => e.action === 'remove');
}

/**
 * Sign in, switch the cues to that calendar, and queue every habit so its series is written. Removals still waiting
 * from an earlier "disconnect and remove" are dropped: the person wants the cues there again.
 */
export async function connectCalendar(d: WorkerDeps, kind: RemoteKind): Promise<void> {
  const { calendar, auth } = remote(d, kind);
  await auth.connect();
  // Each in one transaction: the options page may save its fields, and a page queue a habit, meanwhile.
  await d.repo.updateSettings((settings) => ({ ...settings, calendar: kind }));
  await d.store.replaceOutbox(kind, (entries) => entries.filter((e) => e.action !== 'remove'));
  for (const habit of await d.repo.habits()) await calendar.syncHabit(habit);
}

/**
 * Cues go back to the local calendar at once. Keeping the events: forget (and where possible revoke) the sign-in.
 * Removing them: each series this machine wrote is deleted through the outbox first, and the sign-in is forgotten
 * only once none is left — without it nothing could be deleted any more. What cannot be removed now stays queued
 * (the card says how much, and why); the outbox alarm and the person's "try again" retry it, and "leave them"
 * forgets the sign-in at once.
 */
export async function disconnectCalendar(d: WorkerDeps, kind: RemoteKind, removeEvents = false): Promise<void> {
  const { auth } = remote(d, kind);
  const remover = removeEvents ? removal(d, kind) : undefined;
  await d.repo.updateSettings((settings) => (settings.calendar === kind ? { ...settings, calendar: 'local' } : settings));
  if (remover) {
    if (!(await removing(d, kind))) await remover.queue();
    await finishRemoval(d, kind, true);
  } else {
    await auth.disconnect();
  }
  await updateBadge(d);
}

/**
 * Run the removals queued for a disconnected calendar; forget the sign-in once none is left. When the person asked
 * (`asked`) every removal runs now, and a refused silent renewal opens the sign-in window: signing in is then the
 * only way to remove the events.
 */
async function finishRemoval(d: WorkerDeps, kind: RemoteKind, asked: boolean): Promise<void> {
  const { drain, auth } = removal(d, kind);
  const report = await drain(asked);
  if (report.reconnectNeeded) {
    if (!asked) return markReconnect(d, kind, true);
    await auth.connect();
    await drain(true);
  }
  if (!(await removing(d, kind))) await auth.disconnect();
  else await scheduleRetry(d);
}

/** Write a series the person deleted in their calendar again. */
export async function repairCue(d: WorkerDeps, habitId: string): Promise<void> {
  const { calendar } = await d.repo.settings();
  if (calendar === 'local') return;
  await remote(d, calendar).calendar.repair(habitId);
}

/** The person must sign in again: say so calmly on the options page and with a "!" on the toolbar. */
export async function markReconnect(d: WorkerDeps, kind: RemoteKind, needed: boolean): Promise<void> {
  // Only the flag changes, on the credentials as stored: a renewal that landed since must not be undone.
  await d.store.updateAuth(kind, (auth) => ((auth.needsReconnect ?? false) === needed ? auth : { ...auth, needsReconnect: needed }));
  await updateBadge(d);
}

/** One alarm for the earliest waiting entry of any calendar (never sooner than 30 s): no sleeping in the worker. */
async function scheduleRetry(d: WorkerDeps): Promise<void> {
  const entries = (await Promise.all(REMOTE_KINDS.map((kind) => d.store.outbox(kind)))).flat();
  const next = Math.min(...entries.map((e) => e.nextAttemptAt));
  if (Number.isFinite(next)) await d.alarms.create(OUTBOX_ALARM, Math.max(next, d.clock.now() + 30_000));
}

/**
 * Send queued writes to the active remote calendar, and finish removals from any calendar the person disconnected
 * with "remove". A refused renewal marks the account "reconnect needed" and puts a calm "!" on the toolbar; anything
 * still waiting gets an alarm for its next try.
 */
export async function syncCalendar(d: WorkerDeps): Promise<void> {
  const { calendar: kind } = await d.repo.settings();
  for (const other of REMOTE_KINDS) {
    if (other !== kind && d.remotes[other] && (await removing(d, other))) {
      await finishRemoval(d, other, false).catch((error: unknown) => console.warn('[cueboard] calendar removals wait for their next try', error));
    }
  }
  const found = kind === 'local' ? undefined : d.remotes[kind];
  if (kind !== 'local' && found) {
    const report = await found.calendar.drain();
    // A drain that sent nothing proves nothing about the sign-in; only a refusal or a success changes the state.
    if (report.reconnectNeeded || report.synced > 0) await markReconnect(d, kind, report.reconnectNeeded);
  }
  await scheduleRetry(d);
}
