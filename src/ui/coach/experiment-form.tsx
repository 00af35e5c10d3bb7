import { useState } from 'preact/hooks';
import type { StartResult, TriedBehaviour } from '@/src/app/experiments';
import type { ExperimentField, ExperimentInput } from '@/src/core/experiment';
import type { Habit } from '@/src/core/habit';
import { habitToInput, type HabitField, type HabitInput } from '@/src/core/habit-input';
import { describedBy, ErrorSummary, Field } from '../options/field';
import { blankHabit } from '../options/habit-form';
import { HabitFields } from '../options/habit-fields';

export interface ExperimentFormProps {
  habits: readonly Habit[];
  browserZone: string;
  /** Pre-filled (an "adapt" carries the last experiment over). */
  initial?: ExperimentInput;
  habitId?: string;
  /** Start the experiment; returns why not, if refused. Never rejects (a useAction job). */
  onStart: (input: ExperimentInput, behaviour: TriedBehaviour) => Promise<Extract<StartResult, { ok: false }> | undefined>;
}

const BLANK: ExperimentInput = { hypothesis: '', measureKind: 'rating', measureLabel: '', length: '14-days' };
const NEW = '';

/** Start a two-week experiment: a hypothesis, the behaviour it tries (new, or a change to a habit), a daily measure, a length. */
export function ExperimentForm({ habits, browserZone, initial = BLANK, habitId = NEW, onStart }: ExperimentFormProps) {
  const [input, setInput] = useState(initial);
  const [tried, setTried] = useState(habitId);
  const [habit, setHabit] = useState<HabitInput>(() => {
    const existing = habits.find((h) => h.id === habitId);
    return existing ? habitToInput(existing) : blankHabit(browserZone);
  });
  const [errors, setErrors] = useState<Partial<Record<ExperimentField, string>>>({});
  const [habitErrors, setHabitErrors] = useState<Partial<Record<HabitField, string>>>({});
  const set = (key: keyof ExperimentInput) => (e: Event) => setInput((prev) => ({ ...prev, [key]: (e.currentTarget as HTMLInputElement).value }));

  const choose = (id: string) => {
    setTried(id);
    const existing = habits.find((h) => h.id === id);
    setHabit(existing ? habitToInput(existing) : blankHabit(browserZone));
  };

  return (
    <form
      class="card"
      noValidate
      aria-labelledby="experiment-form-title"
      onSubmit={(e) => {
        e.preventDefault();
        void onStart(input, tried === NEW ? { kind: 'new', habit } : { kind: 'change', habitId: tried, habit }).then((refused) => {
          setErrors(refused?.errors ?? {});
          setHabitErrors(refused?.habitErrors ?? {});
        });
      }}
    >
      <h3 id="experiment-form-title">New experiment</h3>
      <ErrorSummary errors={{ ...errors, ...habitErrors }} />
      <Field
        id="exp-hypothesis"
        label="Hypothesis"
        error={errors.hypothesis}
        hint='"If I …, then …", e.g. "If I block the 30 minutes after lunch for email, my afternoon focus rises".'
      >
        <textarea {...describedBy('exp-hypothesis', errors.hypothesis, true)} value={input.hypothesis} onInput={set('hypothesis')} />
      </Field>
      <Field id="exp-habit" label="The behaviour it tries" error={errors.habit}>
        <select {...describedBy('exp-habit', errors.habit)} value={tried} onChange={(e) => choose(e.currentTarget.value)}>
          <option value={NEW}>A new behaviour</option>
          {habits.map((h) => (
            <option key={h.id} value={h.id}>
              A change to “{h.name}”
            </option>
          ))}
        </select>
      </Field>
      <fieldset class="card loop">
        <legend>{tried === NEW ? 'The new behaviour' : 'The behaviour, as the experiment changes it'}</legend>
        <HabitFields
          idPrefix="exp-habit"
          input={habit}
          errors={habitErrors}
          browserZone={browserZone}
          onChange={(change) => setHabit((h) => ({ ...h, ...change }))}
        />
      </fieldset>
      <div class="row">
        <Field id="exp-measure" label="Daily measure" error={errors.measureLabel} hint='e.g. "Afternoon focus".'>
          <input type="text" {...describedBy('exp-measure', errors.measureLabel, true)} value={input.measureLabel} onInput={set('measureLabel')} />
        </Field>
        <Field id="exp-measure-kind" label="Measured as" error={errors.measureKind}>
          <select {...describedBy('exp-measure-kind', errors.measureKind)} value={input.measureKind} onChange={set('measureKind')}>
            <option value="rating">a rating from 1 to 5</option>
            <option value="count">a count</option>
            <option value="minutes">minutes</option>
          </select>
        </Field>
        <Field id="exp-length" label="Length" error={errors.length}>
          <select {...describedBy('exp-length', errors.length)} value={input.length} onChange={set('length')}>
            <option value="14-days">14 days</option>
            <option value="10-workdays">10 workdays</option>
          </select>
        </Field>
      </div>
      <div class="actions">
        <button type="submit" class="primary">
          Start experiment
        </button>
      </div>
    </form>
  );
}
