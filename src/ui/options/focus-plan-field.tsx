import { useRef } from 'preact/hooks';
import { FOCUS_MINUTES } from '@/src/core/focus-limits';
import type { HabitField, HabitInput } from '@/src/core/habit-input';
import { describedBy, Field } from './field';

export interface FocusPlanFieldProps {
  idPrefix: string;
  input: HabitInput;
  errors: Partial<Record<HabitField, string>>;
  onChange: (change: Partial<HabitInput>) => void;
}

/** A first length to offer: the cue's own minutes when a block may last that long, else the guide's 90 minutes. */
function firstLength(input: HabitInput): string {
  const cue = Number(input.durationMinutes.trim());
  return Number.isInteger(cue) && cue >= FOCUS_MINUTES.min && cue <= FOCUS_MINUTES.max ? String(cue) : '90';
}

/**
 * "This is a deep-work focus block" and, when on, its length and intention. A focus block's target is minutes: the
 * box sets the target to its length per day, and while the target and the cue's calendar minutes equal the length
 * they follow it, so the calendar holds the whole block.
 */
export function FocusPlanField({ idPrefix, input, errors, onChange }: FocusPlanFieldProps) {
  const id = `${idPrefix}-focus`;
  const { focus } = input;
  // The plan typed before the box was unticked comes back if it is ticked again.
  const lastPlan = useRef<{ minutes: string; intention: string } | undefined>(undefined);

  const toggle = (on: boolean) => {
    if (!on) {
      lastPlan.current = focus;
      onChange({ focus: undefined });
      return;
    }
    const plan = lastPlan.current ?? { minutes: firstLength(input), intention: '' };
    onChange({ focus: plan, targetKind: 'minutes', targetAmount: plan.minutes, targetPer: 'day', durationMinutes: plan.minutes });
  };
  const setMinutes = (minutes: string) => {
    const before = focus!.minutes.trim();
    onChange({
      focus: { ...focus!, minutes },
      ...(input.targetAmount.trim() === before ? { targetAmount: minutes } : {}),
      ...(input.durationMinutes.trim() === before ? { durationMinutes: minutes } : {}),
    });
  };

  return (
    <>
      <label class="check">
        <input
          type="checkbox"
          checked={focus !== undefined}
          onChange={(e) => toggle(e.currentTarget.checked)}
          aria-invalid={errors.focus ? 'true' : undefined}
          aria-describedby={errors.focus ? `${id}-error` : undefined}
        />
        This is a deep-work focus block
      </label>
      {errors.focus && (
        <p class="error" id={`${id}-error`}>
          {errors.focus}
        </p>
      )}
      {focus && (
        <fieldset class="focus-plan" aria-describedby={`${id}-hint`}>
          <legend>Focus block</legend>
          <p class="hint" id={`${id}-hint`}>
            Its cue offers Start now, Start in 2 minutes and Not today; sites on <a href="#focus">your focus list</a> are held back while it runs.
          </p>
          <Field
            id={`${id}-minutes`}
            label="Length (minutes)"
            error={errors['focus.minutes']}
            hint={`From ${FOCUS_MINUTES.min} to ${FOCUS_MINUTES.max} minutes of focus; pauses do not count.`}
          >
            <input
              type="text"
              inputMode="numeric"
              {...describedBy(`${id}-minutes`, errors['focus.minutes'], true)}
              value={focus.minutes}
              onInput={(e) => setMinutes(e.currentTarget.value)}
            />
          </Field>
          <Field
            id={`${id}-intention`}
            label="Intention"
            error={errors['focus.intention']}
            hint="One line on what this block is for, e.g. “the design doc for the billing migration”."
          >
            <input
              type="text"
              autoComplete="off"
              {...describedBy(`${id}-intention`, errors['focus.intention'], true)}
              value={focus.intention}
              onInput={(e) => onChange({ focus: { ...focus, intention: e.currentTarget.value } })}
            />
          </Field>
        </fieldset>
      )}
    </>
  );
}
