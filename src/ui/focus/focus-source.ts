import { useCallback, useEffect, useState } from 'preact/hooks';
import type { FocusAction } from '@/src/app/focus-actions';
import type { FocusRecord } from '@/src/ports/focus-store';

/** A page's way to the focus block: it reads the stored block and asks the worker, which alone changes it. */
export interface FocusSource {
  /** The current block as stored: live, or ended and waiting for its answers; undefined when there is none. */
  load: () => Promise<FocusRecord | undefined>;
  /** Ask the worker; rejects with words a person can read when it is refused or cannot be done. */
  act: (action: FocusAction) => Promise<void>;
  /** Calls `changed` whenever the worker says the block changed; returns the way to stop listening. */
  subscribe: (changed: () => void) => () => void;
  now: () => number;
  timeZone: string;
}

/** Read when nothing can be said better: the reason stays in the console, never on the page. */
export const CANNOT_READ = 'Cueboard could not read the focus block. Reload the page to try again.';

/**
 * The stored block, read again whenever the worker announces a change. `block` is undefined while the first read is
 * on its way and null when there is no block.
 */
export function useCurrentBlock(source: FocusSource): { block?: FocusRecord | null; error?: string; reload: () => Promise<void> } {
  const [state, setState] = useState<{ block?: FocusRecord | null; error?: string }>({});
  const reload = useCallback(async () => {
    try {
      setState({ block: (await source.load()) ?? null });
    } catch (error) {
      console.error('[cueboard]', error);
      setState({ error: CANNOT_READ });
    }
  }, [source]);
  useEffect(() => {
    void reload();
    return source.subscribe(() => void reload());
  }, [source, reload]);
  return { ...state, reload };
}

/** Re-render twice a second while `on`: the countdown is a display; the worker's alarms decide. */
export function useTick(on: boolean): void {
  const [, tick] = useState(0);
  useEffect(() => {
    if (!on) return undefined;
    const id = setInterval(() => tick((n) => n + 1), 500);
    return () => clearInterval(id);
  }, [on]);
}
