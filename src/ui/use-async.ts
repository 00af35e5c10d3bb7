import { useCallback, useEffect, useState } from 'preact/hooks';
import { failureWords } from './use-action';

/**
 * Load data for a view, expose a reload, and keep the error to show rather than throw: in words a person can read (a
 * readable error's own, else a plain "reload"), never an exception's text.
 */
export function useAsync<T>(load: () => Promise<T>): { data?: T; error?: string; reload: () => Promise<void> } {
  const [state, setState] = useState<{ data?: T; error?: string }>({});
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
