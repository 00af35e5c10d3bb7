import { useState } from 'preact/hooks';
import type { Settings } from '@/src/core/settings';
import { describedBy, Field } from './field';

export interface SettingsFormProps {
  initial: Settings;
  onSave: (input: { dayBoundary: string; newTabDashboard: boolean }) => Promise<Partial<Record<'dayBoundary', string>> | undefined>;
}

/** The day boundary: when "today" turns into tomorrow, for night owls. */
export function SettingsForm({ initial, onSave }: SettingsFormProps) {
  const [dayBoundary, setDayBoundary] = useState(initial.dayBoundary);
  const [newTabDashboard, setNewTabDashboard] = useState(initial.newTabDashboard);
  const [error, setError] = useState<string>();
  return (
    <form
      class="card"
      noValidate
      aria-label="Settings"
      onSubmit={async (e) => {
        e.preventDefault();
        setError((await onSave({ dayBoundary, newTabDashboard }))?.dayBoundary);
      }}
    >
      <Field id="day-boundary" label="A new day starts at" error={error} hint="Check-ins before this time count for the day before.">
        <input type="time" {...describedBy('day-boundary', error, true)} value={dayBoundary} onInput={(e) => setDayBoundary(e.currentTarget.value)} />
      </Field>
      <label class="check">
        <input type="checkbox" checked={newTabDashboard} onChange={(e) => setNewTabDashboard(e.currentTarget.checked)} />
        Show the dashboard on every new tab (off: a quiet, plain new tab)
      </label>
      <div class="actions">
        <button type="submit" class="primary">
          Save settings
        </button>
      </div>
    </form>
  );
}
