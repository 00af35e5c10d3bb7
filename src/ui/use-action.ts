import { useCallback, useEffect, useState } from 'preact/hooks';
import { ReadableError } from '@/src/ports/readable-error';

/** Said when a failure brings no words for the person; what went wrong goes to the console. */
export const FAILED = 'That did not work. Try again, or reload the page.';

/** A failure in words a person can read: a readable error's own message, else `otherwise` — never an exception's text. */
export function failureWords(error: unknown, otherwise = FAILED): string {
  if (error instanceof ReadableError) return error.message;
  console.error(error);
  return otherwise;
}

/**
 * A page's actions, one at a time (a press while one runs does nothing), each failure shown in words: the one way
 * pages run what a person asks for. `run` does the job, then `after` (the page's reload); it never rejects, so a click
 * handler may drop its promise, and gives the job's result, or undefined when it failed. `fail` shows a failure that
 * came some other way (a part of the page that did not load).
 */
export function useAction(after?: () => unknown) {
  const [state, set] = useState<{ busy?: boolean; problem?: string }>({});
  const fail = (error: unknown) => set({ problem: failureWords(error) });
  const run = async <T>(job: () => Promise<T>): Promise<T | undefined> => {
    if (state.busy) return undefined;
    set({ busy: true });
    try {
      const result = await job();
      await after?.();
      set({});
      return result;
    } catch (error) {
      fail(error);
      return undefined;
    }
  };
  return { busy: state.busy === true, problem: state.problem, run, fail };
}

/**
 * Load data for a view, expose a reload, and keep the error to show rather than throw: in words a person can read (a
 * readable error’s own, else a plain "reload"), never an exception’s text. Beside useAction, in one module, so the
 * pages’ initial script fetches both as one file.
 */
export function useAsync<T>(load: () => Promise<T>, initial?: T): { data?: T; error?: string; reload: () => Promise<void> } {
  // `initial` (a snapshot of the last view) shows until the first read answers.
  const [state, setState] = useState<{ data?: T; error?: string }>(initial === undefined ? {} : { data: initial });
  const reload = useCallback(async () => {
    try {
      setState({ data: await load() });
    } catch (error) {
      setState({ error: failureWords(error, 'Reload the page to try again.') });
    }
  }, [load]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { ...state, reload };
}
