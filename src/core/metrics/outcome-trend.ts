import type { Outcome } from '../outcome';

/** One recorded value of an outcome (the lagging indicator). */
export interface OutcomeValue {
  id: string;
  outcomeId: string;
  localDate: string;
  value: number;
  note?: string;
}

/** Where an outcome stands, for the dashboard. */
export interface OutcomeTrend {
  outcomeId: string;
  name: string;
  unit: string;
  baseline: number;
  target: number;
  latest?: OutcomeValue;
  /** 0..1 of the way from baseline to target (either direction), when a value exists. */
  progress?: number;
  /** Values oldest first, for the sparkline. */
  series: number[];
}

/** The trend of an outcome from its recorded values (any order). */
export function outcomeTrend(outcome: Outcome, values: readonly OutcomeValue[]): OutcomeTrend {
  const sorted = [...values].sort((a, b) => a.localDate.localeCompare(b.localDate) || a.id.localeCompare(b.id));
  const latest = sorted.at(-1);
  const span = outcome.target - outcome.baseline;
  return {
    outcomeId: outcome.id,
    name: outcome.name,
    unit: outcome.unit,
    baseline: outcome.baseline,
    target: outcome.target,
    ...(latest ? { latest, progress: Math.max(0, Math.min(1, (latest.value - outcome.baseline) / span)) } : {}),
    series: sorted.map((v) => v.value),
  };
}

/** Check a logged outcome value: a number, on a real date not in the future. */
export function validateOutcomeValue(input: { value: string; localDate: string }, today: string): { ok: true; value: number; localDate: string } | { ok: false; error: string } {
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
