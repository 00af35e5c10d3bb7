import { useEffect, useRef } from 'preact/hooks';
import type { HabitField, HabitInput } from '@/src/core/habit-input';
import { describedBy, Field } from './field';

export interface PeopleFieldProps {
  idPrefix: string;
  /** Undefined while the habit is not counted per person. */
  people: string[] | undefined;
  errors: Partial<Record<HabitField, string>>;
  onChange: (change: Partial<HabitInput>) => void;
}

/**
 * "Count it per person" and, when on, the list of names: one labelled field per person with its Remove button, and
 * "Add a person". Adding or removing moves the focus to where the person will type next.
 */
export function PeopleField({ idPrefix, people, errors, onChange }: PeopleFieldProps) {
  const id = `${idPrefix}-people`;
  // The list typed before the box was unticked comes back if it is ticked again.
  const lastList = useRef<string[]>(['']);
  const focusNext = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (focusNext.current) document.getElementById(focusNext.current)?.focus();
    focusNext.current = undefined;
  });

  const toggle = (on: boolean) => {
    if (!on && people) lastList.current = people;
    if (on)
      focusNext.current = `${id}-${Math.max(
        0,
        lastList.current.findIndex((p) => p.trim() === ''),
      )}`;
    // Per person, a weekly round is the usual rhythm (the guide's 1-on-1 with each direct report weekly).
    onChange(on ? { people: lastList.current, targetPer: 'week' } : { people: undefined });
  };
  const setName = (i: number, name: string) => onChange({ people: people!.map((p, j) => (j === i ? name : p)) });
  const remove = (i: number) => {
    const rest = people!.filter((_, j) => j !== i);
    focusNext.current = rest.length > 0 ? `${id}-${Math.min(i, rest.length - 1)}` : `${id}-add`;
    onChange({ people: rest });
  };
  const add = () => {
    focusNext.current = `${id}-${people!.length}`;
    onChange({ people: [...people!, ''] });
  };

  return (
    <>
      <label class="check">
        <input
          type="checkbox"
          checked={people !== undefined}
          onChange={(e) => toggle(e.currentTarget.checked)}
          aria-invalid={errors.people ? 'true' : undefined}
          aria-describedby={errors.people ? `${id}-error` : undefined}
        />
        Count it per person (e.g. a 1-on-1 with each direct report)
      </label>
      {people && (
        <fieldset class={`people${errors.people ? ' invalid' : ''}`} aria-describedby={`${id}-hint${errors.people ? ` ${id}-error` : ''}`}>
          <legend>People</legend>
          <p class="hint" id={`${id}-hint`}>
            Each one counts once per period. Their names stay on this machine: they are never written to a calendar.
          </p>
          <ol class="people-list">
            {people.map((name, i) => {
              const error = errors[`people.${i}`];
              return (
                <li key={i}>
                  <Field id={`${id}-${i}`} label={`Person ${i + 1}`} error={error}>
                    <span class="people-row">
                      <input
                        type="text"
                        autoComplete="off"
                        {...describedBy(`${id}-${i}`, error)}
                        value={name}
                        onInput={(e) => setName(i, e.currentTarget.value)}
                      />
                      <button type="button" class="quiet" aria-label={`Remove ${name.trim() || `person ${i + 1}`}`} onClick={() => remove(i)}>
                        Remove
                      </button>
                    </span>
                  </Field>
                </li>
              );
            })}
          </ol>
          <button type="button" id={`${id}-add`} onClick={add}>
            Add a person
          </button>
          {errors.people && (
            <p class="error" id={`${id}-error`}>
              {errors.people}
            </p>
          )}
        </fieldset>
      )}
    </>
  );
}
