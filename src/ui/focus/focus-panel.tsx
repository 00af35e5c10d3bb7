import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { FocusBlock } from './focus-block';
import { useCurrentBlock, type FocusSource } from './focus-source';

export interface FocusPanelProps {
  source: FocusSource;
  /** The block is the whole page (the new tab): a `main` of its own, its title a level-one heading. */
  page?: boolean;
  /** The popup's smaller version. */
  compact?: boolean;
  /** What the page shows when there is no block (the new tab's dashboard); nothing by default. */
  otherwise?: ComponentChildren;
  /** After the answers are saved, a button back to `otherwise` with this label (the new tab: "Show today"). */
  back?: string;
}

/**
 * The current focus block, live or waiting for its answers, for the popup and the new tab; after the answers, a calm
 * line. Read again whenever the worker announces a change, so a block started, paused or ended elsewhere shows here.
 */
export function FocusPanel({ source, page, compact, otherwise = null, back }: FocusPanelProps) {
  const { block, error, reload } = useCurrentBlock(source);
  const [saved, setSaved] = useState<string>();
  const line = useRef<HTMLParagraphElement>(null);
  const way = useRef<HTMLButtonElement>(null);
  // The form just saved is gone: focus goes to the way back, or to the line that says what was kept.
  useEffect(() => void (saved && (way.current ?? line.current)?.focus()), [saved]);

  const frame = (child: ComponentChildren) => (page ? <main class="newtab focus-page">{child}</main> : child);
  if (block) {
    return frame(<FocusBlock block={block} source={source} level={page ? 1 : 2} compact={compact} reload={reload} onSaved={setSaved} />);
  }
  if (saved) {
    return frame(
      <div class="focus-saved">
        <p role="status" tabIndex={-1} ref={line}>
          {saved}
        </p>
        {back && (
          <button type="button" class="primary" ref={way} onClick={() => setSaved(undefined)}>
            {back}
          </button>
        )}
      </div>,
    );
  }
  // The first read is on its way: blank, as the dashboard's own first paint is.
  if (block === undefined && !error) return page ? <main class="newtab" aria-busy="true" /> : null;
  return (
    <>
      {error && <p role="alert">{error}</p>}
      {otherwise}
    </>
  );
}
