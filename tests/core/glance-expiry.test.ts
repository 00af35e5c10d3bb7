import { describe, expect, it } from 'vitest';
import { glanceValidUntil } from '@/src/core/glance-expiry';
import { overdueChangesAt, overdueDays } from '@/src/core/data/backups';

const DAY = 86_400_000;

describe('how long a glance stays true with time alone', () => {
  it('until the earliest moment still to come, the day’s end at the latest', () => {
    expect(glanceValidUntil(100, 1_000, [50, 400, undefined, 300, 2_000])).toBe(300);
    expect(glanceValidUntil(100, 1_000, [100, 50])).toBe(1_000);
    expect(glanceValidUntil(100, 1_000, [])).toBe(1_000);
  });

  it('the backup line changes when it appears and each time its count of days goes up', () => {
    const since = 0;
    const appears = overdueChangesAt(since, undefined, 0)!;
    expect(overdueDays(since, undefined, appears - 1)).toBeUndefined();
    expect(overdueDays(since, undefined, appears)).toBe(8);
    const next = overdueChangesAt(since, undefined, appears)!;
    expect(overdueDays(since, undefined, next - 1)).toBe(8);
    expect(overdueDays(since, undefined, next)).toBe(9);
    expect(next - appears).toBe(DAY);
    expect(overdueChangesAt(undefined, undefined, 0)).toBeUndefined();
  });
});
