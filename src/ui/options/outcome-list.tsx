import type { Outcome } from '@/src/core/outcome';

export interface OutcomeListProps {
  outcomes: readonly Outcome[];
  onEdit: (outcome: Outcome) => void;
  onArchive: (outcome: Outcome, archived: boolean) => void;
}

/** The outcomes, each with its baseline → target and date. */
export function OutcomeList({ outcomes, onEdit, onArchive }: OutcomeListProps) {
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
