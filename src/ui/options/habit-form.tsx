import { useEffect, useRef, useState } from 'preact/hooks';
import type { HabitField, HabitInput } from '@/src/core/habit-input';
import type { Outcome } from '@/src/core/outcome';
import { describedBy, ErrorSummary, Field, focusFirstInvalid } from './field';
import { FocusPlanField } from './focus-plan-field';
import { HabitFields } from './habit-fields';
import { PeopleField } from './people-field';

/** A new habit's starting values: weekdays at 09:00 for 30 minutes, once a day, in the person's zone. */
export function blankHabit(timeZone: string): HabitInput {
  return {
    name: '',
    outcomeId: '',
    targetKind: 'count',
    targetAmount: '1',
    targetPer: 'day',
    days: [1, 2, 3, 4, 5],
    startTime: '09:00',
    durationMinutes: '30',
    timeZone,
    firstStep: '',
    link: '',
    reward: '',
    keystone: false,
    onDashboard: true,
  };
}

export interface HabitFormProps {
  initial: HabitInput;
  editing: boolean;
  outcomes: readonly Outcome[];
  onSave: (input: HabitInput) => Promise<Partial<Record<HabitField, string>> | undefined>;
  onCancel: () => void;
  /** The browser's zone, offered first in the zone picker; defaults to the initial habit's zone. */
  browserZone?: string;
}

/** Create or edit a habit. Errors come from the core's validation, shown beside each field; nothing invalid is stored. */
export function HabitForm({ initial, editing, outcomes, onSave, onCancel, browserZone = initial.timeZone }: HabitFormProps) {
  const [input, setInput] = useState(initial);
  const [errors, setErrors] = useState<Partial<Record<HabitField, string>>>({});
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => focusFirstInvalid(form.current), [errors]);

  const set = <K extends keyof HabitInput>(key: K, value: HabitInput[K]) => setInput((prev) => ({ ...prev, [key]: value }));
  const text = (key: 'outcomeId') => ({
    value: input[key],
    onInput: (e: Event) => set(key, (e.currentTarget as HTMLInputElement).value),
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
    <form ref={form} class="card" noValidate onSubmit={submit} aria-labelledby="habit-form-title">
      <h3 id="habit-form-title">{editing ? 'Edit habit' : 'New habit'}</h3>
      <ErrorSummary errors={errors} />
      <HabitFields
        idPrefix="habit"
        input={input}
        errors={errors}
        browserZone={browserZone}
        onChange={(change) => setInput((prev) => ({ ...prev, ...change }))}
        afterName={
          <>
            <Field id="habit-outcome" label="Drives outcome" error={errors.outcomeId}>
              <select {...describedBy('habit-outcome', errors.outcomeId)} {...text('outcomeId')}>
                <option value="">No outcome yet</option>
                {outcomes.filter((o) => !o.archived).map((o) => (
                  <option key={o.id} value={o.id}>{o.name}</option>
                ))}
              </select>
            </Field>
            {/* A focus block is one person's time: the list of people is offered only when the habit is not one (or still has one, to untick). */}
            {(!input.focus || input.people) && (
              <PeopleField idPrefix="habit" people={input.people} errors={errors} onChange={(change) => setInput((prev) => ({ ...prev, ...change }))} />
            )}
            <FocusPlanField idPrefix="habit" input={input} errors={errors} onChange={(change) => setInput((prev) => ({ ...prev, ...change }))} />
          </>
        }
      />
      <label class="check">
        <input type="checkbox" checked={input.keystone} onChange={(e) => set('keystone', e.currentTarget.checked)} />
        Keystone habit (leads the dashboard; only one)
      </label>
      <label class="check">
        <input
          type="checkbox"
          checked={input.onDashboard}
          onChange={(e) => set('onDashboard', e.currentTarget.checked)}
          aria-invalid={errors.onDashboard ? 'true' : undefined}
          aria-describedby={errors.onDashboard ? 'habit-dashboard-error' : undefined}
        />
        Show on the dashboard (five at most)
      </label>
      {errors.onDashboard && <p class="error" id="habit-dashboard-error">{errors.onDashboard}</p>}
      <div class="actions">
        <button type="submit" class="primary" disabled={busy}>
          {editing ? 'Save habit' : 'Add habit'}
        </button>
        {editing && (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
