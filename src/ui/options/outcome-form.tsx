import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { OutcomeField, OutcomeInput } from '@/src/core/outcome';
import { describedBy, ErrorSummary, Field, focusFirstInvalid } from './field';

export const BLANK_OUTCOME: OutcomeInput = { name: '', unit: '', baseline: '', target: '', targetDate: '', direction: 'up' };

export interface OutcomeFormProps {
  initial: OutcomeInput;
  editing: boolean;
  /** Save; answers the refusals to show beside their fields. Never rejects (the page runs it through useAction). */
  onSave: (input: OutcomeInput) => Promise<Partial<Record<OutcomeField, string>> | undefined>;
  onCancel: () => void;
  /** The form's heading; "New outcome" or "Edit outcome" by default. */
  title?: string;
  /** Buttons in place of the default ones (they must include a submit), as the guided start's steps have. */
  actions?: ComponentChildren;
}

/** Create or edit an outcome: the lagging indicator the habits serve. */
export function OutcomeForm({ initial, editing, onSave, onCancel, title, actions }: OutcomeFormProps) {
  const [input, setInput] = useState(initial);
  const [errors, setErrors] = useState<Partial<Record<OutcomeField, string>>>({});
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => focusFirstInvalid(form.current), [errors]);

  const bind = (key: OutcomeField) => ({
    ...describedBy(`outcome-${key}`, errors[key]),
    value: input[key],
    onInput: (e: Event) => setInput((prev) => ({ ...prev, [key]: (e.currentTarget as HTMLInputElement).value })),
  });

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    try {
      setErrors((await onSave(input)) ?? {});
    } finally {
      setBusy(false);
    }
  };

  return (
    <form ref={form} class="card" noValidate onSubmit={(e) => void submit(e)} aria-labelledby="outcome-form-title">
      <h3 id="outcome-form-title">{title ?? (editing ? 'Edit outcome' : 'New outcome')}</h3>
      <ErrorSummary errors={errors} />
      <Field id="outcome-name" label="Outcome" error={errors.name}>
        <input type="text" placeholder="Bugs reported per sprint" {...bind('name')} />
      </Field>
      <div class="row">
        <Field id="outcome-baseline" label="Baseline" error={errors.baseline}>
          <input type="text" inputMode="decimal" {...bind('baseline')} />
        </Field>
        <Field id="outcome-target" label="Target" error={errors.target}>
          <input type="text" inputMode="decimal" {...bind('target')} />
        </Field>
        <Field id="outcome-unit" label="Unit" error={errors.unit}>
          <input type="text" placeholder="bugs" {...bind('unit')} />
        </Field>
      </div>
      <div class="row">
        <Field id="outcome-targetDate" label="By" error={errors.targetDate}>
          <input type="date" {...bind('targetDate')} />
        </Field>
        <Field id="outcome-direction" label="Success is the number going" error={errors.direction}>
          <select {...bind('direction')}>
            <option value="up">up</option>
            <option value="down">down</option>
          </select>
        </Field>
      </div>
      {actions ?? (
        <div class="actions">
          <button type="submit" class="primary" disabled={busy}>
            {editing ? 'Save outcome' : 'Add outcome'}
          </button>
          {editing && (
            <button type="button" onClick={onCancel}>
              Cancel
            </button>
          )}
        </div>
      )}
    </form>
  );
}
