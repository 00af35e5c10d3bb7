import { OUTBOX_ALARM } from './alarm-names';
import type { WorkerDeps } from './worker-deps';

/** Sign in to Google, switch the cues to it, and queue every habit so its series is written. */
export async function connectCalendar(d: WorkerDeps): Promise<void> {
  if (!d.googleAuth || !d.google) throw new Error('This build has no Google Calendar support.');
  await d.googleAuth.connect();
  await d.repo.putSettings({ ...(await d.repo.settings()), calendar: 'google' });
  for (const habit of await d.repo.habits()) await d.google.syncHabit(habit);
}

/** Revoke and forget the Google token; cues go back to the local calendar at once. Events stay in Google. */
export async function disconnectCalendar(d: WorkerDeps): Promise<void> {
  await d.googleAuth?.disconnect();
  await d.repo.putSettings({ ...(await d.repo.settings()), calendar: 'local' });
}

/** Write a series the person deleted in their calendar again. */
export async function repairCue(d: WorkerDeps, habitId: string): Promise<void> {
  if (!d.google) throw new Error('This build has no Google Calendar support.');
  await d.google.repair(habitId);
}

/**
 * Send queued writes when a remote calendar is active. A refused renewal marks the account "reconnect needed";
 * writes still waiting get an alarm for their next try.
 */
export async function syncCalendar(d: WorkerDeps): Promise<void> {
  if ((await d.repo.settings()).calendar !== 'google' || !d.google) return;
  const report = await d.google.drain();
  const auth = await d.store.auth('google');
  if (auth && auth.needsReconnect !== report.reconnectNeeded) await d.store.putAuth({ ...auth, needsReconnect: report.reconnectNeeded });
  const next = Math.min(...(await d.store.outbox('google')).map((e) => e.nextAttemptAt));
  if (Number.isFinite(next)) await d.alarms.create(OUTBOX_ALARM, Math.max(next, d.clock.now() + 30_000));
}
