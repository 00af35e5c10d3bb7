import { useState } from 'preact/hooks';
import type { Settings } from '@/src/core/settings';
import { describedBy, Field } from './field';

export interface SettingsFormProps {
  initial: Settings;
  onSave: (input: { dayBoundary: string }) => Promise<Partial<Record<'dayBoundary', string>> | undefined>;
}

/** The day boundary: when "today" turns into tomorrow, for night owls. */
export function SettingsForm({ initial, onSave }: SettingsFormProps) {
  const [dayBoundary, setDayBoundary] = useState(initial.dayBoundary);
  const [error, setError] = useState<string>();
  return (
    <form
      class="card"
      noValidate
      aria-label="Settings"
      onSubmit={async (e) => {
        e.preventDefault();
        setError((await onSave({ dayBoundary }))?.dayBoundary);
      }}
    >
      <Field id="day-boundary" label="A new day starts at" error={error} hint="Check-ins before this time count for the day before.">
        <input type="time" {...describedBy('day-boundary', error, true)} value={dayBoundary} onInput={(e) => setDayBoundary(e.currentTarget.value)} />
      </Field>
      <div class="actions">
        <button type="submit" class="primary">
          Save settings
        </button>
      </div>
    </form>
  );
}
