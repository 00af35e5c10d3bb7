import { endsAt, holdsSites, settle } from '@/src/core/focus-session';
import { formatTime } from '../format';
import { useAction } from '../use-action';
import { useCurrentBlock, type FocusSource } from './focus-source';

export interface HeldProps {
  /** The held-back site, as its rule names it. */
  site: string;
  /** Where a pass (or, with nothing held back, the link) leads; undefined when `site` is not a host name. */
  destination?: string;
  source: FocusSource;
  /** Leave for `url`, replacing this page in the tab's history (back then skips the held page). */
  go: (url: string) => void;
}

/**
 * The calm page a held-back site shows during a focus block: until when, what the block is for, and a one-minute pass
 * that is recorded with the block, never hidden. With no block running (a rule left behind, a race), it says so and
 * links on.
 */
export function HeldApp({ site, destination, source, go }: HeldProps) {
  const { block, error } = useCurrentBlock(source);
  const { busy, problem, run } = useAction();

  if (block === undefined && !error) return <main class="held" aria-busy="true" />;
  if (!destination) {
    return (
      <main class="held">
        <h1>Nothing is held back here</h1>
        <p>Cueboard shows this page when a focus block holds a site back; this address names no site.</p>
      </main>
    );
  }
  const now = source.now();
  if (!block || !holdsSites(block, now)) {
    return (
      <main class="held">
        <h1>No focus block is running now</h1>
        {error && <p role="alert">{error}</p>}
        <p>
          <a href={destination}>Continue to {site}</a>
        </p>
      </main>
    );
  }

  const until = formatTime(endsAt(settle(block, now))!, source.timeZone);
  // A press while the pass is on its way does nothing (the button keeps keyboard focus: aria-disabled).
  const pass = () =>
    run(async () => {
      await source.act({ do: 'pass', site });
      go(destination);
    });
  return (
    <main class="held">
      <p class="eyebrow">Cueboard · deep work</p>
      <h1>
        Deep work until {until} — {site} after.
      </h1>
      {block.intention && (
        <p class="first-step">
          <span class="label">Intention:</span> {block.intention}
        </p>
      )}
      <div class="actions">
        <button type="button" aria-disabled={busy} onClick={() => void pass()}>
          One-minute pass
        </button>
      </div>
      <p class="hint">The pass opens {site} for one minute. It is recorded with this block, and the end of the block shows it.</p>
      {problem && <p role="alert">{problem}</p>}
    </main>
  );
}
