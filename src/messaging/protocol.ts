import { browser } from 'wxt/browser';

/**
 * The one protocol between pages and the background. Pages read and write IndexedDB themselves (it is shared
 * with the worker, and the popup must paint at once); the background owns alarms and notifications, so pages
 * ask it to reconcile after a change.
 */
export type Message = { type: 'reconcile' };

/** Answers, by message type. */
export interface Replies {
  reconcile: { created: number; cleared: number };
}

/** Ask the background to bring alarms in line with the data. */
export function requestReconcile(): Promise<Replies['reconcile']> {
  return browser.runtime.sendMessage({ type: 'reconcile' } satisfies Message);
}

export function isMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'reconcile';
}
