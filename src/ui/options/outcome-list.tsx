import { useState } from 'preact/hooks';
import type { Outcome } from '@/src/core/outcome';

export interface OutcomeListProps {
  outcomes: readonly Outcome[];
  today: string;
  onEdit: (outcome: Outcome) => void;
  onArchive: (outcome: Outcome, archived: boolean) => void;
  /** Log a value; answers the refusal in words, if any. Never rejects (the page runs it through useAction). */
  onLog: (outcome: Outcome, input: { value: string; localDate: string }) => Promise<string | undefined>;
}

/** Log this week's value of the lagging indicator; the message explains a refusal. */
function LogValue({ outcome, today, onLog }: { outcome: Outcome; today: string; onLog: OutcomeListProps['onLog'] }) {
  const [value, setValue] = useState('');
  const [date, setDate] = useState(today);
  const [error, setError] = useState<string>();
  const id = `log-${outcome.id}`;
  return (
    <form
      class="log-value"
      noValidate
      aria-label={`Log a value of ${outcome.name}`}
      onSubmit={(e) => {
        e.preventDefault();
        void onLog(outcome, { value, localDate: date }).then((problem) => {
          setError(problem);
          if (!problem) setValue('');
        });
      }}
    >
      <label for={`${id}-value`}>Value ({outcome.unit || 'number'})</label>
      <input
        id={`${id}-value`}
        type="text"
        inputMode="decimal"
        value={value}
        onInput={(e) => setValue(e.currentTarget.value)}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      <label for={`${id}-date`}>on</label>
      <input id={`${id}-date`} type="date" value={date} onInput={(e) => setDate(e.currentTarget.value)} />
      <button type="submit">Log value</button>
      {error && (
        <p class="error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

/** The outcomes, each with its baseline → target and date. */
export function OutcomeList({ outcomes, today, onEdit, onArchive, onLog }: OutcomeListProps) {
  if (outcomes.length === 0) return <p class="empty">No outcome yet. What will be different when you succeed?</p>;
  return (
    <ul class="list" aria-label="Outcomes">
      {outcomes.map((o) => (
        <li key={o.id} class={o.archived ? 'archived' : ''}>
          <div>
            <strong>{o.name}</strong>
            {o.archived && <span class="tag">archived</span>}
            <div class="meta">
              {o.baseline} → {o.target} {o.unit} by {o.targetDate} ({o.direction === 'up' ? 'higher is better' : 'lower is better'})
            </div>
            {!o.archived && <LogValue outcome={o} today={today} onLog={onLog} />}
          </div>
          <div class="actions">
            {!o.archived && (
              <button type="button" aria-label={`Edit ${o.name}`} onClick={() => onEdit(o)}>
                Edit
              </button>
            )}
            <button type="button" aria-label={`${o.archived ? 'Restore' : 'Archive'} ${o.name}`} onClick={() => onArchive(o, !o.archived)}>
              {o.archived ? 'Restore' : 'Archive'}
            </button>
          </div>
        </li>
      ))}
    </ul>
  );
}
