import { useEffect, useRef, useState } from 'preact/hooks';
import type { HabitErrorKey, HabitInput } from '@/src/core/habit-input';
import type { Outcome } from '@/src/core/outcome';
import { describedBy, ErrorSummary, Field, focusFirstInvalid } from './field';
import { FocusPlanField } from './focus-plan-field';
import { HabitFields } from './habit-fields';
import type { WindowInput } from './flex-window-field';
import { PeopleField } from './people-field';
import { Later } from '../later';
import { DEFAULT_BUFFER_MINUTES } from '@/src/core/flex-window';

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
  /** Save; answers the refusals to show beside their fields. Never rejects (the page runs it through useAction). */
  onSave: (input: HabitInput) => Promise<Partial<Record<HabitErrorKey, string>> | undefined>;
  onCancel: () => void;
  /** The browser's zone, offered first in the zone picker; defaults to the initial habit's zone. */
  browserZone?: string;
  /** True when the cues live in this machine's own calendar: the flexible choice then says its block never moves. */
  localCalendar?: boolean;
}

/** Create or edit a habit. Errors come from the core's validation, shown beside each field; nothing invalid is stored. */
export function HabitForm({ initial, editing, outcomes, onSave, onCancel, browserZone = initial.timeZone, localCalendar = false }: HabitFormProps) {
  const [input, setInput] = useState(initial);
  const [errors, setErrors] = useState<Partial<Record<HabitErrorKey, string>>>({});
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
    <form ref={form} class="card" noValidate onSubmit={(e) => void submit(e)} aria-labelledby="habit-form-title">
      <h3 id="habit-form-title">{editing ? 'Edit habit' : 'New habit'}</h3>
      <ErrorSummary errors={errors} />
      <HabitFields
        idPrefix="habit"
        input={input}
        errors={errors}
        browserZone={browserZone}
        onChange={(change) => setInput((prev) => ({ ...prev, ...change }))}
        afterTime={
          <TimeChoice input={input} errors={errors} localCalendar={localCalendar} onChange={(change) => setInput((prev) => ({ ...prev, ...change }))} />
        }
        afterName={
          <>
            <Field id="habit-outcome" label="Drives outcome" error={errors.outcomeId}>
              <select {...describedBy('habit-outcome', errors.outcomeId)} {...text('outcomeId')}>
                <option value="">No outcome yet</option>
                {outcomes
                  .filter((o) => !o.archived)
                  .map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.name}
                    </option>
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
      {errors.onDashboard && (
        <p class="error" id="habit-dashboard-error">
          {errors.onDashboard}
        </p>
      )}
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

/** "HH:MM" of whole minutes since midnight, kept inside the day. */
function hhmm(minutes: number): string {
  const m = Math.min(Math.max(minutes, 0), 23 * 60 + 59);
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/**
 * A first window around the cue time: from the hour before it to two hours after the block, on the hour (14:00 for
 * 30 minutes gives 13:00–17:00), so the ideal fits with room to move. Blank while the time is not valid yet.
 */
function firstWindow(input: HabitInput): WindowInput {
  const time = /^(\d\d):(\d\d)$/u.exec(input.startTime.trim());
  const duration = Number(input.durationMinutes.trim());
  const buffer = String(DEFAULT_BUFFER_MINUTES);
  if (!time) return { from: '', to: '', buffer };
  const start = Number(time[1]) * 60 + Number(time[2]);
  const end = start + (Number.isInteger(duration) && duration > 0 ? duration : 30);
  return { from: hhmm(Math.floor(start / 60) * 60 - 60), to: hhmm(Math.ceil(end / 60) * 60 + 120), buffer };
}

/**
 * "Fixed time" or "Flexible: find free time in a window" under the cue time; flexible, the window's fields follow
 * (their own chunk: most habits are fixed). The habit fields then call the cue time the ideal time.
 */
function TimeChoice({
  input,
  errors,
  localCalendar,
  onChange,
}: {
  input: HabitInput;
  errors: Partial<Record<HabitErrorKey, string>>;
  localCalendar: boolean;
  onChange: (change: Partial<HabitInput>) => void;
}) {
  const { window } = input;
  // The window typed before switching to a fixed time comes back when the person switches again.
  const lastWindow = useRef<WindowInput | undefined>(undefined);
  const choose = (flexible: boolean) => {
    if (flexible === (window !== undefined)) return;
    if (!flexible) lastWindow.current = window;
    onChange({ window: flexible ? (lastWindow.current ?? firstWindow(input)) : undefined });
  };
  return (
    <>
      <fieldset class="choices">
        <legend>How the time is chosen</legend>
        <label class="check">
          <input type="radio" name="habit-placing" checked={!window} onChange={() => choose(false)} />
          Fixed time
        </label>
        <label class="check">
          <input type="radio" name="habit-placing" checked={!!window} onChange={() => choose(true)} />
          Flexible: find free time in a window
        </label>
      </fieldset>
      {window && (
        <Later
          load={() => import('./flex-window-field').then((m) => m.FlexWindowField)}
          idPrefix="habit"
          window={window}
          errors={errors}
          localCalendar={localCalendar}
          onChange={(w: WindowInput) => onChange({ window: w })}
        />
      )}
    </>
  );
}
