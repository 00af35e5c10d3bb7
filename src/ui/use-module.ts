import { useEffect, useState } from 'preact/hooks';

/**
 * Load a part of a page after its first paint (a dynamic `import()`), so what a glance or the first screen does not
 * need stays out of the initial JavaScript. Gives the module once loaded, or the error to show.
 */
export function useModule<T>(load: () => Promise<T>): { module?: T; error?: string } {
  const [state, setState] = useState<{ module?: T; error?: string }>({});
  useEffect(() => {
    let live = true;
    load().then(
      (module) => live && setState({ module }),
      () => live && setState({ error: 'This part of the page could not load. Reload the page to try again.' }),
    );
    return () => {
      live = false;
    };
    // Loaded once per mount, whatever the caller's closure.
  }, []);
  return state;
}
