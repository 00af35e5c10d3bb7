import { browser } from 'wxt/browser';
import type { RemoteKind } from '@/src/core/calendar-sync';

/**
 * The one protocol between pages and the background. Pages read and write IndexedDB themselves (it is shared
 * with the worker, and the popup must paint at once); the background owns alarms, notifications, sign-in and the
 * network, so pages ask it to act after a change.
 */
export type Message =
  | { type: 'reconcile' }
  | { type: 'calendar-connect'; provider: RemoteKind }
  | { type: 'calendar-disconnect'; provider: RemoteKind }
  | { type: 'calendar-repair'; habitId: string }
  /** A check-off or undo changed today's open cues. */
  | { type: 'badge' };

/** The answer to a calendar request: done, or why not in words a person can act on. */
export type CalendarReply = { ok: true } | { ok: false; error: string };

/** Answers, by message type. */
export interface Replies {
  reconcile: { created: number; cleared: number };
  'calendar-connect': CalendarReply;
  'calendar-disconnect': CalendarReply;
  'calendar-repair': CalendarReply;
  badge: { ok: true };
}

/** Send a message and get its typed answer. */
export function send<M extends Message>(message: M): Promise<Replies[M['type']]> {
  return browser.runtime.sendMessage(message);
}

/** Ask the background to bring alarms (and any calendar writes) in line with the data. */
export function requestReconcile(): Promise<Replies['reconcile']> {
  return send({ type: 'reconcile' });
}

const TYPES = new Set<Message['type']>(['reconcile', 'calendar-connect', 'calendar-disconnect', 'calendar-repair', 'badge']);

/** Tell the background today's open cues changed; a closed popup must not fail the check-off it follows. */
export function refreshBadge(): void {
  void send({ type: 'badge' }).catch(() => undefined);
}

export function isMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && TYPES.has((value as { type?: Message['type'] }).type!);
}
