import { useEffect, useRef, useState } from 'preact/hooks';
import type { Settings } from '@/src/core/settings';
import type { SettingsField, SettingsInput } from '@/src/core/settings-input';
import { describedBy, ErrorSummary, Field, focusFirstInvalid } from './field';

export interface SettingsFormProps {
  initial: Settings;
  /** Save; answers the refusals to show beside their fields. Never rejects (the page runs it through useAction). */
  onSave: (input: SettingsInput & { newTabDashboard: boolean }) => Promise<Partial<Record<SettingsField, string>> | undefined>;
}

/**
 * The day boundary (when "today" turns into tomorrow, for night owls), the new tab, and what keeps cue blocks from
 * crowding a day: the daily cap and the skip words for days off. Each field's message is shown beside it.
 */
export function SettingsForm({ initial, onSave }: SettingsFormProps) {
  const [dayBoundary, setDayBoundary] = useState(initial.dayBoundary);
  const [newTabDashboard, setNewTabDashboard] = useState(initial.newTabDashboard);
  const [dailyCapMinutes, setDailyCapMinutes] = useState(String(initial.dailyCapMinutes));
  // One word or phrase a line: a phrase such as "Out of office" keeps its spaces.
  const [skipWords, setSkipWords] = useState(initial.skipWords.join('\n'));
  const [errors, setErrors] = useState<Partial<Record<SettingsField, string>>>({});
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => focusFirstInvalid(form.current), [errors]);
  return (
    <form
      ref={form}
      class="card"
      noValidate
      aria-label="Settings"
      onSubmit={(e) => {
        e.preventDefault();
        void onSave({ dayBoundary, newTabDashboard, dailyCapMinutes, skipWords: skipWords.split('\n') }).then((refused) => setErrors(refused ?? {}));
      }}
    >
      <ErrorSummary errors={errors} />
      <Field id="day-boundary" label="A new day starts at" error={errors.dayBoundary} hint="Check-ins before this time count for the day before.">
        <input
          type="time"
          {...describedBy('day-boundary', errors.dayBoundary, true)}
          value={dayBoundary}
          onInput={(e) => setDayBoundary(e.currentTarget.value)}
        />
      </Field>
      <label class="check">
        <input type="checkbox" checked={newTabDashboard} onChange={(e) => setNewTabDashboard(e.currentTarget.checked)} />
        Show the dashboard on every new tab (off: a quiet, plain new tab)
      </label>
      <Field
        id="daily-cap"
        label="Most cue-block time a day (minutes)"
        error={errors.dailyCapMinutes}
        hint="Flexible blocks never push the day’s cue blocks past this."
      >
        <input
          type="text"
          inputMode="numeric"
          {...describedBy('daily-cap', errors.dailyCapMinutes, true)}
          value={dailyCapMinutes}
          onInput={(e) => setDailyCapMinutes(e.currentTarget.value)}
        />
      </Field>
      <Field
        id="skip-words"
        label="Skip words for days off"
        error={errors.skipWords}
        hint="One per line. On a day with an all-day event whose title holds one of these, flexible habits get no block. Titles are read on this machine only, and only for all-day events."
      >
        <textarea rows={4} {...describedBy('skip-words', errors.skipWords, true)} value={skipWords} onInput={(e) => setSkipWords(e.currentTarget.value)} />
      </Field>
      <div class="actions">
        <button type="submit" class="primary">
          Save settings
        </button>
      </div>
    </form>
  );
}
