import { useEffect } from 'preact/hooks';

/**
 * Whether a glance page shows data just read (not only the snapshot it painted first), telling the page of each such
 * view once it is on screen: `onView` keeps it as the next snapshot, `onReady` marks the first (the bench's "settled").
 */
export function useFreshView<T>(data: T | undefined, initial: T | undefined, onView?: (view: T) => void, onReady?: () => void): boolean {
  const fresh = data !== undefined && data !== initial;
  useEffect(() => {
    if (fresh) onReady?.();
  }, [fresh, onReady]);
  useEffect(() => {
    if (fresh) onView?.(data);
  }, [data]);
  return fresh;
}
