import { useCallback, useEffect, useState } from 'preact/hooks';

/** Load data for a view, expose a reload, and keep the error to show rather than throw. */
export function useAsync<T>(load: () => Promise<T>): { data?: T; error?: string; reload: () => Promise<void> } {
  const [state, setState] = useState<{ data?: T; error?: string }>({});
  const reload = useCallback(async () => {
    try {
      setState({ data: await load() });
    } catch (error) {
      setState({ error: error instanceof Error ? error.message : String(error) });
    }
  }, [load]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { ...state, reload };
}
