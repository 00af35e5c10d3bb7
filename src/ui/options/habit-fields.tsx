import type { ComponentChildren } from 'preact';
import type { HabitErrorKey, HabitField, HabitInput } from '@/src/core/habit-input';
import { ZonePicker } from '../zone-picker';
import { describedBy, Field } from './field';

const DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** The fields bound to a text box of the same name; lists, boxes and nested plans (people, focus, window) have their own fields. */
type TextField = Exclude<HabitField, 'days' | 'keystone' | 'onDashboard' | 'people' | `people.${number}` | 'focus' | `focus.${string}`>;

export interface HabitFieldsProps {
  /** Prefix of every control's id ("habit" on the options page; one per behaviour in the guided start). */
  idPrefix: string;
  input: HabitInput;
  /** Messages by field; the window's ('window.from' …) are shown by the field passed as `afterTime`. */
  errors: Partial<Record<HabitErrorKey, string>>;
  onChange: (change: Partial<HabitInput>) => void;
  /** The browser's zone, offered first in the zone picker. */
  browserZone: string;
  /** Placed right after the name (the options page's outcome choice). */
  afterName?: ComponentChildren;
  /** Placed right under the cue time and minutes (the options page's fixed or flexible choice). */
  afterTime?: ComponentChildren;
}

/**
 * A habit's fields — behaviour, target, the cue (days, time, minutes, zone), the routine's two-minute start and
 * link, and the reward — each with its message beside it. Shared by the habit form and the guided start's last step.
 */
export function HabitFields({ idPrefix, input, errors, onChange, browserZone, afterName, afterTime }: HabitFieldsProps) {
  const text = (key: TextField) => ({
    value: input[key],
    onInput: (e: Event) => onChange({ [key]: (e.currentTarget as HTMLInputElement).value }),
  });
  const toggleDay = (day: number) => onChange({ days: input.days.includes(day) ? input.days.filter((d) => d !== day) : [...input.days, day] });
  return (
    <>
      <Field id={`${idPrefix}-name`} label="Behaviour" error={errors.name} hint='A leading behaviour you control, e.g. "Review team code".'>
        <input type="text" {...describedBy(`${idPrefix}-name`, errors.name, true)} {...text('name')} />
      </Field>
      {afterName}
      <div class="row">
        {/* Counted per person, the target is each of them once per period: only "per" is asked. */}
        {input.people ? (
          <p class="hint field">Target: each person on the list once a {input.targetPer === 'week' ? 'week' : 'day'}.</p>
        ) : (
          <>
            {/* A focus block counts the minutes it ran, so its target is always minutes. */}
            <Field id={`${idPrefix}-amount`} label={input.focus ? 'Target (minutes)' : 'Target'} error={errors.targetAmount}>
              <input type="text" inputMode="numeric" {...describedBy(`${idPrefix}-amount`, errors.targetAmount)} {...text('targetAmount')} />
            </Field>
            {!input.focus && (
              <Field id={`${idPrefix}-kind`} label="Counted in" error={errors.targetKind}>
                <select {...describedBy(`${idPrefix}-kind`, errors.targetKind)} {...text('targetKind')}>
                  <option value="count">times</option>
                  <option value="minutes">minutes</option>
                </select>
              </Field>
            )}
          </>
        )}
        <Field id={`${idPrefix}-per`} label="Per" error={errors.targetPer}>
          <select {...describedBy(`${idPrefix}-per`, errors.targetPer)} {...text('targetPer')}>
            <option value="day">day</option>
            <option value="week">week</option>
          </select>
        </Field>
      </div>
      <fieldset class={`days${errors.days ? ' invalid' : ''}`} aria-describedby={errors.days ? `${idPrefix}-days-error` : undefined}>
        <legend>Cue days</legend>
        {DAY_NAMES.map((label, i) => (
          <label key={label} class="day">
            <input type="checkbox" checked={input.days.includes(i + 1)} onChange={() => toggleDay(i + 1)} aria-invalid={errors.days ? 'true' : undefined} />
            {label}
          </label>
        ))}
        {errors.days && (
          <p class="error" id={`${idPrefix}-days-error`}>
            {errors.days}
          </p>
        )}
      </fieldset>
      <div class="row">
        {/* A flexible habit's block moves within its window; this time is where it goes when nothing is in the way. */}
        <Field id={`${idPrefix}-time`} label={input.window ? 'Ideal time' : 'Cue time'} error={errors.startTime}>
          <input type="time" {...describedBy(`${idPrefix}-time`, errors.startTime)} {...text('startTime')} />
        </Field>
        <Field id={`${idPrefix}-duration`} label="Minutes" error={errors.durationMinutes}>
          <input type="text" inputMode="numeric" {...describedBy(`${idPrefix}-duration`, errors.durationMinutes)} {...text('durationMinutes')} />
        </Field>
      </div>
      {afterTime}
      <ZonePicker
        id={`${idPrefix}-zone`}
        label="Time zone"
        value={input.timeZone}
        onChange={(zone) => onChange({ timeZone: zone })}
        browserZone={browserZone}
        error={errors.timeZone}
      />
      <Field id={`${idPrefix}-first-step`} label="Two-minute start" error={errors.firstStep} hint='The first step only, e.g. "Open the review queue".'>
        <input type="text" {...describedBy(`${idPrefix}-first-step`, errors.firstStep, true)} {...text('firstStep')} />
      </Field>
      <Field id={`${idPrefix}-link`} label="Link that opens the work (optional)" error={errors.link}>
        <input type="text" inputMode="url" placeholder="https://" {...describedBy(`${idPrefix}-link`, errors.link)} {...text('link')} />
      </Field>
      <Field id={`${idPrefix}-reward`} label="Reward (optional)" error={errors.reward} hint='What you do or feel after, e.g. "coffee with the team".'>
        <input type="text" {...describedBy(`${idPrefix}-reward`, errors.reward, true)} {...text('reward')} />
      </Field>
    </>
  );
}
