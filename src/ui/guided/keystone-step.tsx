import { KEYSTONE_QUESTION, type PickedBehaviour } from '@/src/core/guided-start';

/** Step 4: the guide's keystone question, answered with one of the chosen behaviours. */
export function KeystoneStep({
  behaviours,
  keystone,
  onChange,
}: {
  behaviours: readonly PickedBehaviour[];
  keystone?: string;
  onChange: (entryId: string) => void;
}) {
  return (
    <fieldset class="choices">
      <legend>{KEYSTONE_QUESTION}</legend>
      {behaviours.map((b) => (
        <label key={b.entryId} class="choice">
          <input type="radio" name="keystone" value={b.entryId} checked={keystone === b.entryId} onChange={() => onChange(b.entryId)} />
          <span>{b.input.name}</span>
        </label>
      ))}
      <p class="hint">It leads your dashboard, and its cue comes first.</p>
    </fieldset>
  );
}
