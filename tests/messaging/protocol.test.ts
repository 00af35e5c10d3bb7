import { describe, expect, it, vi } from 'vitest';
import { answerMessages } from '@/src/messaging/protocol';

describe('answering messages', () => {
  it('replies through sendResponse and keeps the channel open (works where a returned Promise is ignored)', async () => {
    const sendResponse = vi.fn();
    const listener = answerMessages(async () => ({ created: 2, cleared: 1 }));
    expect(listener({ type: 'reconcile' }, {}, sendResponse)).toBe(true);
    await vi.waitFor(() => expect(sendResponse).toHaveBeenCalledWith({ ok: true, reply: { created: 2, cleared: 1 } }));
  });

  it('turns a failure into words a person can read, never the exception text', async () => {
    const sendResponse = vi.fn();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    answerMessages(async () => {
      throw new TypeError("Cannot read properties of undefined (reading 'ok')");
    })({ type: 'badge' }, {}, sendResponse);
    await vi.waitFor(() => expect(sendResponse).toHaveBeenCalledOnce());
    expect(sendResponse.mock.calls[0]![0]).toEqual({ ok: false, error: 'Cueboard’s background could not do that just now. Try again in a moment.' });
  });

  it('leaves messages that are not Cueboard’s to other listeners', () => {
    const sendResponse = vi.fn();
    expect(answerMessages(async () => ({ ok: true }))({ type: 'cueboard:calendar-changed' }, {}, sendResponse)).toBeUndefined();
    expect(answerMessages(async () => ({ ok: true }))('hello', {}, sendResponse)).toBeUndefined();
    expect(sendResponse).not.toHaveBeenCalled();
  });
});
