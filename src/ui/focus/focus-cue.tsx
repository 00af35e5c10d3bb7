import { useEffect, useRef, useState } from 'preact/hooks';
import type { Habit } from '@/src/core/habit';
import { useAction } from '../use-action';
import { FocusBlock } from './focus-block';
import { useCurrentBlock, type FocusSource } from './focus-source';
import { minutesText } from './focus-words';

export interface FocusCueProps {
  /** A focus habit (its `focus` plan set). */
  habit: Habit;
  /** The cue instance the page answers, when it came from one. */
  cueAt?: number;
  source: FocusSource;
  /** Open the work in a new tab. */
  openLink: (url: string) => Promise<unknown>;
  /** "Not today": a skipped check-in for the cue, the reason (if any) as its note. */
  skip: (note?: string) => Promise<{ id: string }>;
  undo: (checkInId: string) => Promise<unknown>;
}

/** The longest reason for "Not today": a line, not an essay. */
const MAX_REASON = 200;

/**
 * A focus habit's cue: the intention and length, then Start now, Start in 2 minutes (both open the work at once: the
 * two-minute rule) or Not today, with an optional reason. Once its block is live, the block itself.
 */
export function FocusCue({ habit, cueAt, source, openLink, skip, undo }: FocusCueProps) {
  const { block, error, reload } = useCurrentBlock(source);
  const [saved, setSaved] = useState<string>();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  // Busy buttons keep keyboard focus (aria-disabled, not disabled); a press meanwhile does nothing.
  const { busy, problem, run: act } = useAction();
  const [skipped, setSkipped] = useState<{ text: string; undoId?: string }>();
  const startButton = useRef<HTMLButtonElement>(null);
  const notToday = useRef<HTMLButtonElement>(null);
  const reasonField = useRef<HTMLInputElement>(null);
  const undoButton = useRef<HTMLButtonElement>(null);
  const savedLine = useRef<HTMLParagraphElement>(null);
  const plan = habit.focus!;
  // This habit's block: live (whichever cue began it), or ended from this cue and waiting for its answers.
  const ours = block && block.habitId === habit.id && (block.state !== 'ended' || block.cueAt === cueAt) ? block : undefined;
  const choosing = block !== undefined && !ours && !saved;

  useEffect(() => {
    if (choosing && document.activeElement === document.body) startButton.current?.focus();
  }, [choosing]);
  useEffect(() => void (asking && reasonField.current?.focus()), [asking]);
  useEffect(() => void (skipped && (undoButton.current ?? notToday.current)?.focus()), [skipped]);
  useEffect(() => void (saved && savedLine.current?.focus()), [saved]);

  const start = (delayed: boolean) =>
    void act(async () => {
      await source.act({ do: 'start', habitId: habit.id, ...(cueAt !== undefined ? { cueAt } : {}), delayed });
      setSkipped(undefined);
      // The two-minute rule: the work opens now, whatever the timer does (a failure to open it is said after the reload).
      const opening = habit.start.link ? openLink(habit.start.link) : undefined;
      await reload();
      await opening;
    });

  if (ours) return <FocusBlock block={ours} source={source} reload={reload} onSaved={setSaved} />;
  if (saved) {
    return (
      <p role="status" class="outcome" tabIndex={-1} ref={savedLine}>
        {saved}
      </p>
    );
  }
  if (block === undefined && !error)
    return (
      <p class="meta" aria-busy="true">
        Loading…
      </p>
    );

  return (
    <>
      {plan.intention && (
        <p class="first-step">
          <span class="label">Intention:</span> {plan.intention}
        </p>
      )}
      <p>
        {minutesText(plan.minutes)} of deep work. <span class="label">First step:</span> {habit.start.firstStep}
      </p>
      <div class="actions">
        <button ref={startButton} type="button" class="primary" aria-disabled={busy} onClick={() => start(false)}>
          Start now
        </button>
        <button type="button" aria-disabled={busy} onClick={() => start(true)}>
          Start in 2 minutes
        </button>
        <button ref={notToday} type="button" aria-disabled={busy} aria-expanded={asking} aria-controls="not-today" onClick={() => setAsking((open) => !open)}>
          Not today
        </button>
      </div>
      <p class="hint">
        {habit.start.link ? 'Both starts open the work at once. ' : ''}“Start in 2 minutes” begins the timer two minutes from now, unless you begin sooner.
      </p>
      {asking && (
        <form
          id="not-today"
          class="not-today"
          onSubmit={(event) => {
            event.preventDefault();
            void act(async () => {
              const { id } = await skip(reason.trim() || undefined);
              setAsking(false);
              setReason('');
              setSkipped({ text: 'Skipped for today. A skip keeps the record honest.', undoId: id });
            });
          }}
        >
          <label class="field">
            <span>
              Why not today? <span class="meta">(optional)</span>
            </span>
            <input ref={reasonField} type="text" maxLength={MAX_REASON} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
          </label>
          <div class="actions">
            <button type="submit" aria-disabled={busy}>
              Skip today
            </button>
            <button
              type="button"
              class="quiet"
              onClick={() => {
                setAsking(false);
                notToday.current?.focus();
              }}
            >
              Keep it
            </button>
          </div>
        </form>
      )}
      {(error || problem) && <p role="alert">{problem ?? error}</p>}
      {skipped && (
        <p role="status" class="outcome">
          {skipped.text}{' '}
          {skipped.undoId && (
            <button
              ref={undoButton}
              type="button"
              class="quiet"
              aria-disabled={busy}
              onClick={() =>
                void act(async () => {
                  await undo(skipped.undoId!);
                  setSkipped({ text: 'Undone.' });
                })
              }
            >
              Undo
            </button>
          )}
        </p>
      )}
    </>
  );
}
