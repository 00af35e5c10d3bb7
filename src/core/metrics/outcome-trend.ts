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
