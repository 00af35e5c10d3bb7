import type { Validated } from './result';
import { hasErrors } from './result';

/** The lagging indicator a person wants to move, e.g. "Bugs reported per sprint" from 40 down to 32 by 2027-03-31. */
export interface Outcome {
  id: string;
  name: string;
  /** What the number counts, e.g. "bugs" or "%". */
  unit: string;
  baseline: number;
  target: number;
  /** Local date the target is due, "YYYY-MM-DD". */
  targetDate: string;
  /** Whether success means the number going up or down. */
  direction: 'up' | 'down';
  archived: boolean;
  createdAt: number;
}

/** What the outcome form hands over: raw strings, as typed. */
export interface OutcomeInput {
  name: string;
  unit: string;
  baseline: string;
  target: string;
  targetDate: string;
  direction: string;
}

export type OutcomeField = keyof OutcomeInput;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function parseNumber(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

function isDate(text: string): boolean {
  if (!DATE.test(text)) return false;
  try {
    Temporal.PlainDate.from(text, { overflow: 'reject' });
    return true;
  } catch {
    return false;
  }
}

/** Check an outcome form and build the outcome, or say what to fix. `base` carries id and createdAt. */
export function validateOutcome(input: OutcomeInput, base: Pick<Outcome, 'id' | 'createdAt' | 'archived'>): Validated<Outcome, OutcomeField> {
  const errors: Partial<Record<OutcomeField, string>> = {};
  const name = input.name.trim();
  if (name === '') errors.name = 'Give the outcome a name, e.g. "Bugs reported per sprint".';
  else if (name.length > 120) errors.name = 'Keep the name under 120 characters.';
  const baseline = parseNumber(input.baseline);
  if (baseline === undefined) errors.baseline = 'Baseline is a number: where you are today.';
  const target = parseNumber(input.target);
  if (target === undefined) errors.target = 'Target is a number: where you want to be.';
  if (!isDate(input.targetDate)) errors.targetDate = 'Pick the date the target is due.';
  const direction = input.direction === 'down' ? 'down' : input.direction === 'up' ? 'up' : undefined;
  if (!direction) errors.direction = 'Choose whether the number should go up or down.';
  if (baseline !== undefined && target !== undefined && direction && !errors.target) {
    if (direction === 'up' && target <= baseline) errors.target = 'To go up, the target must be above the baseline.';
    if (direction === 'down' && target >= baseline) errors.target = 'To go down, the target must be below the baseline.';
  }
  if (hasErrors(errors)) return { ok: false, errors };
  return {
    ok: true,
    value: {
      ...base,
      name,
      unit: input.unit.trim(),
      baseline: baseline as number,
      target: target as number,
      targetDate: input.targetDate,
      direction: direction as 'up' | 'down',
    },
  };
}
