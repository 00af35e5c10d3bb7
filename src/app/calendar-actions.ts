import { CALENDAR_NAMES, type RemoteKind } from '@/src/core/calendar-sync';
import { OUTBOX_ALARM } from './alarm-names';
import { updateBadge } from './update-badge';
import type { WorkerDeps } from './worker-deps';

function remote(d: WorkerDeps, kind: RemoteKind) {
  const found = d.remotes[kind];
  if (!found) throw new Error(`This build has no ${CALENDAR_NAMES[kind]} support.`);
  return found;
}

/** Sign in, switch the cues to that calendar, and queue every habit so its series is written. */
export async function connectCalendar(d: WorkerDeps, kind: RemoteKind): Promise<void> {
  const { calendar, auth } = remote(d, kind);
  await auth.connect();
  await d.repo.putSettings({ ...(await d.repo.settings()), calendar: kind });
  for (const habit of await d.repo.habits()) await calendar.syncHabit(habit);
}

/** Forget (and where possible revoke) the token; cues go back to the local calendar at once. Events stay. */
export async function disconnectCalendar(d: WorkerDeps, kind: RemoteKind): Promise<void> {
  await remote(d, kind).auth.disconnect();
  const settings = await d.repo.settings();
  if (settings.calendar === kind) await d.repo.putSettings({ ...settings, calendar: 'local' });
  await updateBadge(d);
}

/** Write a series the person deleted in their calendar again. */
export async function repairCue(d: WorkerDeps, habitId: string): Promise<void> {
  const { calendar } = await d.repo.settings();
  if (calendar === 'local') return;
  await remote(d, calendar).calendar.repair(habitId);
}

/** The person must sign in again: say so calmly on the options page and with a "!" on the toolbar. */
export async function markReconnect(d: WorkerDeps, kind: RemoteKind, needed: boolean): Promise<void> {
  const auth = await d.store.auth(kind);
  if (auth && (auth.needsReconnect ?? false) !== needed) await d.store.putAuth({ ...auth, needsReconnect: needed });
  await updateBadge(d);
}

/**
 * Send queued writes to the active remote calendar. A refused renewal marks the account "reconnect needed" and puts
 * a calm "!" on the toolbar; writes still waiting get an alarm for their next try.
 */
export async function syncCalendar(d: WorkerDeps): Promise<void> {
  const { calendar: kind } = await d.repo.settings();
  const found = kind === 'local' ? undefined : d.remotes[kind];
  if (kind === 'local' || !found) return;
  const report = await found.calendar.drain();
  // A drain that sent nothing proves nothing about the sign-in; only a refusal or a success changes the state.
  if (report.reconnectNeeded || report.synced > 0) await markReconnect(d, kind, report.reconnectNeeded);
  const next = Math.min(...(await d.store.outbox(kind)).map((e) => e.nextAttemptAt));
  if (Number.isFinite(next)) await d.alarms.create(OUTBOX_ALARM, Math.max(next, d.clock.now() + 30_000));
}
