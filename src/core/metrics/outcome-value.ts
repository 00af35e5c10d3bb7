// Apart from outcome-trend.ts: the glance pages show an outcome's trend but never take a value, so they never
// load this check (or its messages).

/** Check a logged outcome value: a number, on a real date not in the future. */
export function validateOutcomeValue(
  input: { value: string; localDate: string },
  today: string,
): { ok: true; value: number; localDate: string } | { ok: false; error: string } {
  const value = Number(input.value);
  if (input.value.trim() === '' || !Number.isFinite(value)) return { ok: false, error: 'Enter the value as a number.' };
  let date: string;
  try {
    date = Temporal.PlainDate.from(input.localDate, { overflow: 'reject' }).toString();
  } catch {
    return { ok: false, error: 'Pick the date the value is for.' };
  }
  if (date > today) return { ok: false, error: 'That date is still ahead; log values for today or earlier.' };
  return { ok: true, value, localDate: date };
}
