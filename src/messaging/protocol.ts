import { browser } from 'wxt/browser';
import type { RemoteKind } from '@/src/core/calendar-sync';
import type { FocusAction } from '@/src/app/focus-actions';
import { ReadableError } from '@/src/ports/readable-error';

/**
 * The one protocol between pages and the background. Pages read and write IndexedDB themselves (it is shared
 * with the worker, and the popup must paint at once); the background owns alarms, notifications, sign-in and the
 * network, so pages ask it to act after a change.
 */
export type Message =
  | { type: 'reconcile' }
  | { type: 'calendar-connect'; provider: RemoteKind }
  | { type: 'calendar-disconnect'; provider: RemoteKind; removeEvents: boolean }
  | { type: 'calendar-repair'; habitId: string }
  /** A check-off or undo changed today's open cues. */
  | { type: 'badge' }
  /** Start, steer or rate a focus block; the worker owns its alarms, badge and held-back sites. */
  | { type: 'focus'; action: FocusAction }
  /** Save a backup to the downloads folder now (backups just turned on, or "Back up now"). */
  | { type: 'backup-now' };

/** The answer to a calendar request: done, or why not in words a person can act on. */
export type CalendarReply = { ok: true } | { ok: false; error: string };

/** Answers, by message type. */
export interface Replies {
  reconcile: { created: number; cleared: number };
  'calendar-connect': CalendarReply;
  'calendar-disconnect': CalendarReply;
  'calendar-repair': CalendarReply;
  badge: { ok: true };
  focus: FocusReply;
  'backup-now': BackupReply;
}

/** The answer to "Back up now": the file saved, or why not in words a person can read. */
export type BackupReply = { ok: true; name: string } | { ok: false; error: string };

/** The answer to a focus action: done, or why not in words a person can read. */
export type FocusReply = { ok: true } | { ok: false; error: string };

/**
 * What travels back through `sendResponse`: the typed answer, or a failure. Replying through `sendResponse` (with
 * `return true` from the listener) works in every Chrome and Firefox that installs Cueboard; a listener that returns
 * a Promise is honoured by Firefox but only by recent Chrome versions.
 */
export type Envelope<R> = { ok: true; reply: R } | { ok: false; error: string };

/** Sent by the background to open pages when the calendar's state changed (a write or a poll finished). */
export const CALENDAR_CHANGED = 'cueboard:calendar-changed';
/** Sent by the background to open pages when the focus block changed (started, paused, ended, a pass). */
export const FOCUS_CHANGED = 'cueboard:focus-changed';

/** Send a message and get its typed answer; a failure in the background arrives as an Error with its words. */
export async function send<M extends Message>(message: M): Promise<Replies[M['type']]> {
  const envelope = await browser.runtime.sendMessage<M, Envelope<Replies[M['type']]> | undefined>(message);
  if (!envelope) throw new ReadableError('Cueboard’s background did not answer. Reload the page and try again.');
  // The background answers a failure in words meant for the person (see answerMessages).
  if (!envelope.ok) throw new ReadableError(envelope.error);
  return envelope.reply;
}

/** Ask the background to bring alarms (and any calendar writes) in line with the data. */
export function requestReconcile(): Promise<Replies['reconcile']> {
  return send({ type: 'reconcile' });
}

const TYPES = new Set<Message['type']>(['reconcile', 'calendar-connect', 'calendar-disconnect', 'calendar-repair', 'badge', 'focus', 'backup-now']);

/** Tell the background today's open cues changed; a closed popup must not fail the check-off it follows. */
export function refreshBadge(): void {
  void send({ type: 'badge' }).catch(() => undefined);
}

export function isMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && TYPES.has((value as { type?: Message['type'] }).type!);
}

/**
 * The background's side: answer a message through `sendResponse` and keep the channel open (`true`) until then.
 * Anything that is not one of Cueboard's messages is left to other listeners.
 */
export function answerMessages(handle: (message: Message) => Promise<Replies[Message['type']]>) {
  return (message: unknown, _sender: unknown, sendResponse: (envelope: Envelope<unknown>) => void): true | undefined => {
    if (!isMessage(message)) return undefined;
    handle(message).then(
      (reply) => sendResponse({ ok: true, reply }),
      (error: unknown) => {
        console.error('[cueboard]', error);
        sendResponse({ ok: false, error: 'Cueboard’s background could not do that just now. Try again in a moment.' });
      },
    );
    return true;
  };
}
