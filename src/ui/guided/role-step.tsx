import type { RoleChoice } from '@/src/core/guided-start';

const ROLES: { value: RoleChoice; label: string; line: string }[] = [
  { value: 'ic', label: 'Individual contributor', line: 'Personal effectiveness: mastering your craft, protecting deep work, your own output.' },
  { value: 'manager', label: 'Manager', line: 'A force multiplier: your team’s output, through 1-on-1s, delegation and feedback.' },
  { value: 'both', label: 'Both', line: 'You lead people and still do hands-on work: behaviours from both lists.' },
];

/** Step 2: the role decides which behaviours the library offers first. */
export function RoleStep({ role, onChange }: { role?: RoleChoice; onChange: (role: RoleChoice) => void }) {
  return (
    <fieldset class="choices">
      <legend>Which fits you now?</legend>
      {ROLES.map((r) => (
        <label key={r.value} class="choice">
          <input type="radio" name="role" value={r.value} checked={role === r.value} onChange={() => onChange(r.value)} />
          <span>
            <strong>{r.label}</strong>
            <span class="hint">{r.line}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
