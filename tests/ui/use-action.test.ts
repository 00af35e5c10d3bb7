import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReloadNeeded } from '@/src/adapters/storage/db-handle';
import { ReadableError } from '@/src/ports/readable-error';
import { FAILED, failureWords, useAction } from '@/src/ui/use-action';

// The hook's one piece of state, held here: each call of `render` is a render of the component using it.
let cell: unknown;
vi.mock('preact/hooks', () => ({
  useState: (initial: unknown) => {
    cell ??= initial;
    return [cell, (next: unknown) => (cell = next)];
  },
}));

function mount(after?: () => unknown) {
  cell = undefined;
  return () => useAction(after);
}

afterEach(() => vi.restoreAllMocks());

describe('failureWords', () => {
  it('says a readable error’s own words, and nothing of any other error but a calm sentence (the error goes to the console)', () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(failureWords(new ReadableError('That habit no longer exists.'))).toBe('That habit no longer exists.');
    expect(failureWords(new ReloadNeeded())).toBe('Cueboard’s data was updated in another window. Reload this page.');
    expect(logged).not.toHaveBeenCalled();
    const raw = new DOMException("Failed to execute 'transaction' on 'IDBDatabase': The database connection is closing.", 'InvalidStateError');
    expect(failureWords(raw)).toBe(FAILED);
    expect(failureWords('a string', 'Reload the page to try again.')).toBe('Reload the page to try again.');
    expect(logged).toHaveBeenCalledWith(raw);
  });
});

describe('useAction', () => {
  it('is busy while the job runs, then reloads the page, and gives the job’s result', async () => {
    const steps: string[] = [];
    const render = mount(async () => steps.push(`reload, busy: ${render().busy}`));
    let finish!: (value: string) => void;
    const running = render().run(() => new Promise<string>((resolve) => (finish = resolve)));
    expect(render().busy).toBe(true);
    finish('done');
    expect(await running).toBe('done');
    expect(steps).toEqual(['reload, busy: true']);
    expect(render()).toMatchObject({ busy: false, problem: undefined });
  });

  it('shows a failure in words, never rejects, and clears the words when the next action starts', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const reload = vi.fn();
    const render = mount(reload);
    expect(await render().run(() => Promise.reject(new ReadableError('This cue was already answered.')))).toBeUndefined();
    expect(render()).toMatchObject({ busy: false, problem: 'This cue was already answered.' });
    expect(reload).not.toHaveBeenCalled();
    await render().run(() => Promise.reject(new TypeError("Cannot read properties of undefined (reading 'id')")));
    expect(render().problem).toBe(FAILED);
    const next = render().run(async () => 1);
    expect(render().problem).toBeUndefined();
    await next;
  });

  it('does nothing for a press while an action runs', async () => {
    const render = mount();
    let finish!: () => void;
    const first = render().run(() => new Promise<void>((resolve) => (finish = resolve)));
    const job = vi.fn(async () => 'second');
    expect(await render().run(job)).toBeUndefined();
    expect(job).not.toHaveBeenCalled();
    finish();
    await first;
  });

  it('shows a failure that came another way (a part of the page that did not load)', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const render = mount();
    render().fail(new Error('Failed to fetch dynamically imported module'));
    expect(render().problem).toBe(FAILED);
  });
});
