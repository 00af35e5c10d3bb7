import { render, type ComponentChildren } from 'preact';
import { FocusCue, type FocusCueProps } from '@/src/ui/focus/focus-cue';
import { FocusPanel } from '@/src/ui/focus/focus-panel';
import { focusSource } from './focus-source';

/**
 * The focus block on the glance pages and the cue page, bound to the page's focus source. One chunk, loaded after a
 * page's first paint through a one-line loader beside each page (a second step on purpose, as with the trap
 * questions: the list of files to preload for this chunk then sits in the loader, not in the page's initial script).
 */

/** The popup: the block, compact, above the dashboard, in a root of its own. */
export function popupFocus(root: HTMLElement): void {
  render(<FocusPanel source={focusSource} compact />, root);
}

/**
 * The new tab: while a block is live, or ended and waiting for its answers, it takes the dashboard's place; otherwise
 * (and once it is answered) the dashboard. A block started elsewhere takes over at once. `painted`: the dashboard is
 * already on screen (no block was hinted); it then stays, untouched, unless a block is or becomes current.
 */
export function newTabFocus(root: HTMLElement, dashboard: ComponentChildren, painted: boolean): void {
  const panel = () => render(<FocusPanel source={focusSource} page back="Show today" otherwise={dashboard} />, root);
  if (!painted) return panel();
  const look = () =>
    focusSource.load().then(
      (block) => {
        if (!block) return;
        stop();
        panel();
      },
      // Unreadable: the dashboard stays, and says so itself if the database cannot be read.
      (error: unknown) => console.error('[cueboard]', error),
    );
  const stop = focusSource.subscribe(() => void look());
  void look();
}

/** A focus habit's cue: its start, and then its block. */
export function CueFocus(props: Omit<FocusCueProps, 'source'>) {
  return <FocusCue {...props} source={focusSource} />;
}
