import { ALARM_HORIZON_MS, CUE_LOOKBACK_MS, diffAlarms, wantedAlarms, type AlarmDiff } from '@/src/core/cue-plan';
import type { Deps } from './deps';

/**
 * Make the browser's alarms match the cues: derive the wanted set from the provider and pending snoozes, diff it
 * against what the browser holds, apply the difference. Running it again at the same moment changes nothing.
 * If the cues cannot be read (offline, an unreadable answer), it throws before touching any alarm.
 */
export async function reconcileAlarms({ provider, alarms, repo, clock }: Pick<Deps, 'provider' | 'alarms' | 'repo' | 'clock'>): Promise<AlarmDiff> {
  const now = clock.now();
  const [cues, snoozes, existing] = await Promise.all([
    provider.listCues(now - CUE_LOOKBACK_MS, now + ALARM_HORIZON_MS + 1),
    repo.pendingSnoozes(now),
    alarms.getAll(),
  ]);
  const diff = diffAlarms(wantedAlarms(cues, snoozes, now), existing, now);
  await Promise.all([...diff.clear.map((name) => alarms.clear(name)), ...diff.create.map((a) => alarms.create(a.name, a.when))]);
  return diff;
}
