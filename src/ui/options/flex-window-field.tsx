import { DEFAULT_BUFFER_MINUTES, MAX_BUFFER_MINUTES } from '@/src/core/flex-window';
import type { HabitErrorKey, HabitInput } from '@/src/core/habit-input';
import { describedBy, Field } from './field';

/** A flexible habit's window as typed. */
export type WindowInput = NonNullable<HabitInput['window']>;

export interface FlexWindowFieldProps {
  idPrefix: string;
  window: WindowInput;
  errors: Partial<Record<HabitErrorKey, string>>;
  onChange: (window: WindowInput) => void;
  /** True when the cues live in this machine's own calendar, where nothing is known to be busy. */
  localCalendar: boolean;
}

/**
 * A flexible habit's window and its gap after a meeting, each with its message beside it, under what Cueboard does
 * with them. Loaded when the person first picks "Flexible" (or opens a flexible habit): most habits are fixed.
 */
export function FlexWindowField({ idPrefix, window, errors, onChange, localCalendar }: FlexWindowFieldProps) {
  const id = `${idPrefix}-window`;
  const set = (key: keyof WindowInput) => (e: Event) => onChange({ ...window, [key]: (e.currentTarget as HTMLInputElement).value });
  return (
    <fieldset aria-describedby={`${id}-hint${localCalendar ? ` ${id}-local` : ''}`}>
      <legend>Window</legend>
      <p class="hint" id={`${id}-hint`}>
        Cueboard keeps one recurring event at the ideal time and moves a day’s block to the nearest free time in the window when a meeting lands on it; never
        more than one block a day.
      </p>
      {/* The local calendar knows no meetings, so nothing ever moves the block: say so rather than promise it. */}
      {localCalendar && (
        <p class="hint" id={`${id}-local`}>
          On this machine’s calendar nothing is known to be busy, so it fires at its ideal time.
        </p>
      )}
      <div class="row">
        <Field id={`${id}-from`} label="Window from" error={errors['window.from']}>
          <input type="time" {...describedBy(`${id}-from`, errors['window.from'])} value={window.from} onInput={set('from')} />
        </Field>
        <Field id={`${id}-to`} label="Window to" error={errors['window.to']}>
          <input type="time" {...describedBy(`${id}-to`, errors['window.to'])} value={window.to} onInput={set('to')} />
        </Field>
      </div>
      <Field
        id={`${id}-buffer`}
        label="Gap after a meeting (minutes)"
        error={errors['window.buffer']}
        hint={`From 0 to ${MAX_BUFFER_MINUTES}; left empty, ${DEFAULT_BUFFER_MINUTES}.`}
      >
        <input type="text" inputMode="numeric" {...describedBy(`${id}-buffer`, errors['window.buffer'], true)} value={window.buffer} onInput={set('buffer')} />
      </Field>
    </fieldset>
  );
}
