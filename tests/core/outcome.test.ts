import { describe, expect, it } from 'vitest';
import { validateOutcome, type OutcomeInput } from '@/src/core/outcome';

const BASE = { id: 'o1', createdAt: 1, archived: false };
const good: OutcomeInput = { name: 'Bugs per sprint', unit: 'bugs', baseline: '40', target: '32', targetDate: '2027-03-31', direction: 'down' };
const errors = (input: Partial<OutcomeInput>) => {
  const r = validateOutcome({ ...good, ...input }, BASE);
  return r.ok ? {} : r.errors;
};

describe('validateOutcome', () => {
  it('builds the outcome', () => {
    expect(validateOutcome(good, BASE)).toEqual({
      ok: true,
      value: { ...BASE, name: 'Bugs per sprint', unit: 'bugs', baseline: 40, target: 32, targetDate: '2027-03-31', direction: 'down' },
    });
  });

  it.each<[Partial<OutcomeInput>, string]>([
    [{ name: '' }, 'name'],
    [{ baseline: 'forty' }, 'baseline'],
    [{ target: '' }, 'target'],
    [{ targetDate: '2027-02-30' }, 'targetDate'],
    [{ targetDate: '31/03/2027' }, 'targetDate'],
    [{ direction: 'sideways' }, 'direction'],
    [{ target: '45' }, 'target'],
  ])('refuses %o', (input, field) => {
    expect(Object.keys(errors(input))).toEqual([field]);
  });
});
