import { useRef, useState } from 'preact/hooks';
import { MAX_FOCUS_NOTE } from '@/src/app/focus-actions';
import type { FocusPass } from '@/src/core/focus-session';
import { endWords, focusedWords, passesWords, type FocusView } from './focus-words';

export interface EndFormProps {
  view: FocusView;
  passes: readonly FocusPass[];
  busy: boolean;
  /** Save the answers; no rating lets the questions go (the minutes are recorded either way). */
  onAnswer: (rating?: number, note?: string) => void;
}

const RATINGS = [1, 2, 3, 4, 5];

/** The end of a block: what it counted, "How focused were you?" (1–5) and "What did you move forward?". */
export function EndForm({ view, passes, busy, onAnswer }: EndFormProps) {
  const [rating, setRating] = useState<number>();
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const firstRating = useRef<HTMLInputElement>(null);
  const passed = passesWords(passes);

  const save = (event: Event) => {
    event.preventDefault();
    // A note without a rating would be lost: the answers are kept together.
    if (rating === undefined) {
      setMissing(true);
      firstRating.current?.focus();
      return;
    }
    onAnswer(rating, note.trim() || undefined);
  };

  return (
    <form class="focus-end" onSubmit={save} noValidate>
      <p>
        {endWords(view)} {focusedWords(view.focused)}
      </p>
      {passed && <p class="meta">{passed}, recorded with this block.</p>}
      <fieldset class={`rating${missing ? ' invalid' : ''}`} aria-describedby={missing ? 'rating-hint rating-error' : 'rating-hint'}>
        <legend>How focused were you?</legend>
        <div class="rating-choices">
          {RATINGS.map((n) => (
            <label key={n} class="rating-choice">
              <input
                ref={n === 1 ? firstRating : undefined}
                type="radio"
                name="focus-rating"
                value={n}
                checked={rating === n}
                onChange={() => {
                  setRating(n);
                  setMissing(false);
                }}
              />
              {n}
            </label>
          ))}
        </div>
        <p id="rating-hint" class="hint">
          1 is scattered, 5 is deep and steady.
        </p>
        {missing && (
          <p id="rating-error" class="error">
            Choose how focused it felt, from 1 to 5, or skip the questions.
          </p>
        )}
      </fieldset>
      <label class="field">
        <span>
          What did you move forward? <span class="meta">(optional)</span>
        </span>
        <textarea rows={3} maxLength={MAX_FOCUS_NOTE} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      </label>
      <div class="actions">
        <button type="submit" class="primary" aria-disabled={busy}>
          Save
        </button>
        <button type="button" aria-disabled={busy} onClick={() => onAnswer()}>
          Skip
        </button>
      </div>
    </form>
  );
}
