import { describe, expect, it } from 'vitest';
import { lazyCalendarStore } from '@/src/wiring/calendar-store';

describe('the pages’ calendar store, its code fetched on first use', () => {
  it('works as the store does, and is no promise itself (an object holding it can be awaited)', async () => {
    const store = lazyCalendarStore();
    const deps = await Promise.resolve({ store });
    expect(deps.store).toBe(store);
    expect((store as unknown as { then?: unknown }).then).toBeUndefined();

    await store.enqueue({ id: 'google|h1', provider: 'google', habitId: 'h1', queuedAt: 1, attempts: 0, nextAttemptAt: 1 });
    expect(await store.outbox('google')).toEqual([{ id: 'google|h1', provider: 'google', habitId: 'h1', queuedAt: 1, attempts: 0, nextAttemptAt: 1 }]);
    await store.replaceOutbox('google', (entries) => entries.map((e) => ({ ...e, action: 'remove' as const })));
    expect((await store.outbox('google'))[0]?.action).toBe('remove');
    expect(await store.auth('outlook')).toBeUndefined();
  });
});
