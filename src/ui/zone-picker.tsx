import { useMemo, useRef, useState } from 'preact/hooks';
import { availableZones, matchesZone, zoneChoices } from '@/src/core/zones';

/** The zones this runtime knows, read once: the list does not change while a page is open. */
let zonesOnce: string[] | undefined;
const knownZones = () => (zonesOnce ??= availableZones());

export interface ZonePickerProps {
  /** Id of the list box that holds the value; the search box is `${id}-search`, the message `${id}-error`. */
  id: string;
  /** Visible name of the field and the list box's accessible name, e.g. "Time zone". Avoid "city" or "region" in it. */
  label: string;
  /** The chosen IANA zone (e.g. "Europe/Berlin"); always listed, even when the search does not match it. */
  value: string;
  /** Called with the zone the person picks. */
  onChange: (zone: string) => void;
  /** The zone the browser runs in (the system clock's zone); offered first. */
  browserZone: string;
  /** A message about the value, shown beside the field and announced (marks the list box invalid). */
  error?: string | undefined;
}

/**
 * A searchable time-zone field: a search box narrows a native list box (`<select size=6>`) that holds the value.
 * Both are plain form controls, so Tab, arrow keys, type-ahead and screen readers behave as everywhere else.
 * In the search box, Enter picks the first match and moves to the list (it never submits the form); ArrowDown moves
 * to the list; Escape clears the search. "york" finds America/New_York and "new york" works too.
 *
 * Usage: `<ZonePicker id="habit-zone" label="Time zone" value={zone} onChange={setZone} browserZone={clockZone} error={errors.timeZone} />`
 */
export function ZonePicker({ id, label, value, onChange, browserZone, error }: ZonePickerProps) {
  const [query, setQuery] = useState('');
  // The zone chosen when the search last changed stays listed, so arrowing away from it never makes it vanish.
  const [kept, setKept] = useState(value);
  const list = useRef<HTMLSelectElement>(null);
  const found = useMemo(() => zoneChoices({ zones: knownZones(), browserZone, current: kept, query }), [browserZone, kept, query]);
  // A value set from outside (not picked here) is listed too, so the list box always shows what is chosen.
  const choices = value === '' || found.includes(value) ? found : [value, ...found];
  const matches = query.trim() === '' ? [] : choices.filter((zone) => matchesZone(zone, query));

  const onSearchKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter') {
      // Enter in a text box would submit the surrounding form: here it means "take the first match".
      e.preventDefault();
      const first = matches[0];
      if (first !== undefined) onChange(first);
      list.current?.focus();
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      list.current?.focus();
    }
  };

  return (
    <fieldset class={`zone-picker${error ? ' invalid' : ''}`}>
      <legend id={`${id}-label`}>{label}</legend>
      <label for={`${id}-search`} class="zone-search-label">
        Find by city or region
      </label>
      <input
        type="search"
        id={`${id}-search`}
        autocomplete="off"
        spellcheck={false}
        aria-controls={id}
        aria-describedby={`${id}-matches`}
        value={query}
        onInput={(e) => {
          setKept(value);
          setQuery(e.currentTarget.value);
        }}
        onKeyDown={onSearchKey}
      />
      <p class="hint" id={`${id}-matches`} aria-live="polite">
        {query.trim() === ''
          ? 'Type part of a name, e.g. "york", then pick from the list.'
          : matches.length === 0
            ? `No zone matches “${query.trim()}”.`
            : `${matches.length === 1 ? 'One zone matches' : `${matches.length} zones match`} “${query.trim()}”. Enter picks the first.`}
      </p>
      <select
        ref={list}
        id={id}
        size={6}
        aria-labelledby={`${id}-label`}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
      >
        {choices.map((zone) => (
          <option key={zone} value={zone}>
            {zone === browserZone ? `${zone} (this browser)` : zone}
          </option>
        ))}
      </select>
      {error && (
        <p class="error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
