import { useEffect, useRef, useState } from 'preact/hooks';
import type { FocusAction } from '@/src/app/focus-actions';
import type { FocusState } from '@/src/core/focus-session';
import type { FocusRecord } from '@/src/ports/focus-store';
import { useAction } from '../use-action';
import { EndForm } from './end-form';
import type { FocusSource } from './focus-source';
import { useTick } from './focus-source';
import { focusView, savedWords } from './focus-words';

export interface FocusBlockProps {
  block: FocusRecord;
  source: FocusSource;
  /** 1 where the block is the page (the new tab), else 2. */
  level?: 1 | 2;
  /** The popup's smaller version. */
  compact?: boolean;
  /** After the end's answers are saved (or let go): the calm line to show in the block's place. */
  onSaved: (words: string) => void;
  /** Re-read the stored block after an action (the worker also announces it). */
  reload: () => Promise<void>;
}

/**
 * A focus block as a page shows it: the intention, a countdown and its state with Pause/Resume, +15 min and End now;
 * once it has ended, the end's two questions. Only a display: every change is asked of the worker.
 */
export function FocusBlock({ block, source, level = 2, compact, onSaved, reload }: FocusBlockProps) {
  const view = focusView(block, source.now(), source.timeZone);
  useTick(view.state === 'pending' || view.state === 'running');
  // While an action is on its way the buttons say so (aria-disabled) but keep keyboard focus: a disabled button would
  // drop it to the page. A press meanwhile does nothing.
  const { busy, problem, run: act } = useAction();
  // What the last action did, said while the block stays in the state it left it in (a change from elsewhere ends it).
  const [said, setSaid] = useState<{ words: string; state: FocusState }>();
  const heading = useRef<HTMLHeadingElement>(null);
  const timeUp = view.state === 'ended' && block.state !== 'ended';

  // Take focus only when it was lost: the button pressed (Start, End now) is gone, so the block's heading leads on.
  useEffect(() => {
    if (document.activeElement === document.body || !document.activeElement) heading.current?.focus();
  }, [view.state === 'ended']);

  // The display reached the end before the worker's alarm (alarms may come a little late): any message makes the
  // worker settle the block, write its end and announce it, so the answers below are taken. Should this nudge fail,
  // the alarm still comes, and Save says what went wrong in its own words: nothing to show here.
  useEffect(() => {
    if (timeUp) void source.act({ do: 'sites' }).catch(() => undefined);
  }, [timeUp, source]);

  const run = (action: FocusAction, words?: string) => {
    if (busy) return;
    setSaid(undefined);
    void act(async () => {
      await source.act(action);
      if (action.do === 'rate') onSaved(savedWords(action.rating, view.focused));
      else if (words) setSaid({ words, state: view.state });
      await reload();
    });
  };

  const H = level === 1 ? 'h1' : 'h2';
  const title = block.intention || 'Focus block';
  const outcome = (
    <>
      {said?.state === view.state && <p role="status">{said.words}</p>}
      {problem && <p role="alert">{problem}</p>}
    </>
  );

  if (view.state === 'ended') {
    return (
      <section class={`focus-block${compact ? ' compact' : ''}`} aria-labelledby="focus-title">
        <p class="eyebrow">Deep work</p>
        <H id="focus-title" tabIndex={-1} ref={heading}>
          {title}
        </H>
        <EndForm
          view={view}
          passes={block.passes}
          busy={busy}
          onAnswer={(rating, note) => run({ do: 'rate', ...(rating !== undefined ? { rating } : {}), ...(note ? { note } : {}) })}
        />
        {outcome}
      </section>
    );
  }

  const first =
    view.state === 'pending'
      ? { label: 'Begin now', action: { do: 'begin' } as const }
      : view.state === 'paused'
        ? { label: 'Resume', action: { do: 'resume' } as const }
        : { label: 'Pause', action: { do: 'pause' } as const };
  return (
    <section class={`focus-block${compact ? ' compact' : ''}`} aria-labelledby="focus-title">
      <p class="eyebrow">Deep work</p>
      <H id="focus-title" tabIndex={-1} ref={heading}>
        {title}
      </H>
      <p class="focus-digits" role="timer" aria-label="Focus time left">
        {view.left}
      </p>
      {/* Live: a change of state (here or from another page) is announced with the words that show it. */}
      <p class="focus-state" aria-live="polite">
        {view.state === 'pending' ? (
          <>
            The timer starts in{' '}
            <span role="timer" aria-label="Time until the timer starts">
              {view.startsIn}
            </span>
            , or when you begin.
          </>
        ) : view.state === 'paused' ? (
          'Paused: the countdown waits for you.'
        ) : (
          `Running until ${view.until}.`
        )}
      </p>
      <div class="actions">
        <button type="button" class={view.state === 'running' ? '' : 'primary'} aria-disabled={busy} onClick={() => run(first.action)}>
          {first.label}
        </button>
        <button type="button" aria-disabled={busy} onClick={() => run({ do: 'extend' }, '15 more minutes.')}>
          +15 min
        </button>
        <button type="button" aria-disabled={busy} onClick={() => run({ do: 'end' })}>
          End now
        </button>
      </div>
      {outcome}
    </section>
  );
}
