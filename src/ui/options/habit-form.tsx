import { useEffect, useRef, useState } from 'preact/hooks';
import type { HabitField, HabitInput } from '@/src/core/habit';
import type { Outcome } from '@/src/core/outcome';
import { describedBy, ErrorSummary, Field, focusFirstInvalid } from './field';
import { ZonePicker } from '../zone-picker';

const DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

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
  const text = (key: Exclude<HabitField, 'days' | 'keystone' | 'onDashboard'>) => ({
    value: input[key],
    onInput: (e: Event) => set(key, (e.currentTarget as HTMLInputElement).value),
  });
  const toggleDay = (day: number) => set('days', input.days.includes(day) ? input.days.filter((d) => d !== day) : [...input.days, day]);

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
      <Field id="habit-name" label="Behaviour" error={errors.name} hint='A leading behaviour you control, e.g. "Review team code".'>
        <input type="text" {...describedBy('habit-name', errors.name, true)} {...text('name')} />
      </Field>
      <Field id="habit-outcome" label="Drives outcome" error={errors.outcomeId}>
        <select {...describedBy('habit-outcome', errors.outcomeId)} {...text('outcomeId')}>
          <option value="">No outcome yet</option>
          {outcomes.filter((o) => !o.archived).map((o) => (
            <option key={o.id} value={o.id}>{o.name}</option>
          ))}
        </select>
      </Field>
      <div class="row">
        <Field id="habit-amount" label="Target" error={errors.targetAmount}>
          <input type="text" inputMode="numeric" {...describedBy('habit-amount', errors.targetAmount)} {...text('targetAmount')} />
        </Field>
        <Field id="habit-kind" label="Counted in" error={errors.targetKind}>
          <select {...describedBy('habit-kind', errors.targetKind)} {...text('targetKind')}>
            <option value="count">times</option>
            <option value="minutes">minutes</option>
          </select>
        </Field>
        <Field id="habit-per" label="Per" error={errors.targetPer}>
          <select {...describedBy('habit-per', errors.targetPer)} {...text('targetPer')}>
            <option value="day">day</option>
            <option value="week">week</option>
          </select>
        </Field>
      </div>
      <fieldset class={`days${errors.days ? ' invalid' : ''}`} aria-describedby={errors.days ? 'habit-days-error' : undefined}>
        <legend>Cue days</legend>
        {DAY_NAMES.map((label, i) => (
          <label key={label} class="day">
            <input type="checkbox" checked={input.days.includes(i + 1)} onChange={() => toggleDay(i + 1)} aria-invalid={errors.days ? 'true' : undefined} />
            {label}
          </label>
        ))}
        {errors.days && <p class="error" id="habit-days-error">{errors.days}</p>}
      </fieldset>
      <div class="row">
        <Field id="habit-time" label="Cue time" error={errors.startTime}>
          <input type="time" {...describedBy('habit-time', errors.startTime)} {...text('startTime')} />
        </Field>
        <Field id="habit-duration" label="Minutes" error={errors.durationMinutes}>
          <input type="text" inputMode="numeric" {...describedBy('habit-duration', errors.durationMinutes)} {...text('durationMinutes')} />
        </Field>
      </div>
      <ZonePicker id="habit-zone" label="Time zone" value={input.timeZone} onChange={(zone) => set('timeZone', zone)} browserZone={browserZone} error={errors.timeZone} />
      <Field id="habit-first-step" label="Two-minute start" error={errors.firstStep} hint='The first step only, e.g. "Open the review queue".'>
        <input type="text" {...describedBy('habit-first-step', errors.firstStep, true)} {...text('firstStep')} />
      </Field>
      <Field id="habit-link" label="Link that opens the work (optional)" error={errors.link}>
        <input type="text" inputMode="url" placeholder="https://" {...describedBy('habit-link', errors.link)} {...text('link')} />
      </Field>
      <Field id="habit-reward" label="Reward (optional)" error={errors.reward} hint='What you do or feel after, e.g. "coffee with the team".'>
        <input type="text" {...describedBy('habit-reward', errors.reward, true)} {...text('reward')} />
      </Field>
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
