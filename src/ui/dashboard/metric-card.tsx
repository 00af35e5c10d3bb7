import { periodsText } from '@/src/core/metrics/coach-copy';
import { focusWeekText } from '@/src/core/metrics/focus-week';
import type { HabitMetrics } from '@/src/core/metrics/habit-metrics';
import { STRENGTH_EXPLAINED } from '@/src/core/metrics/strength';
import { Sparkline } from '../sparkline';

const pct = (x: number | undefined) => (x === undefined ? '—' : `${Math.round(x * 100)}%`);

/**
 * One habit's leading metrics: strength (with how it is made), streak, completion, trend, funnel, a curious line,
 * and for a focus block its week (minutes and average rating).
 */
export function MetricCard({ m }: { m: HabitMetrics }) {
  const f = m.funnel;
  return (
    <li class="metric" data-habit={m.habitId}>
      <div class="metric-head">
        <span class="metric-name">
          {m.keystone && (
            <span class="keystone" aria-label="Keystone:">
              ★{' '}
            </span>
          )}
          {m.name}
        </span>
        <Sparkline values={m.sparkline} label={`${m.name}, done per ${m.per} over the last ${periodsText(m.sparkline.length, m.per)}`} />
      </div>
      <dl class="metric-numbers">
        <div>
          <dt>Strength</dt>
          <dd data-testid="strength">{pct(m.strength)}</dd>
        </div>
        <div>
          <dt>Streak</dt>
          <dd data-testid="streak">{periodsText(m.streak, m.per)}</dd>
        </div>
        <div>
          <dt>4 wk</dt>
          <dd>{pct(m.completion4.rate)}</dd>
        </div>
        <div>
          <dt>12 wk</dt>
          <dd>{pct(m.completion12.rate)}</dd>
        </div>
      </dl>
      {m.focus && (
        <p class="focus-week" data-testid="focus-week">
          {focusWeekText(m.focus)}
        </p>
      )}
      <p class="coach">{m.coach}</p>
      <details>
        <summary>How these are made</summary>
        <p>{STRENGTH_EXPLAINED}</p>
        <p>
          Cues, last 4 weeks: {f.scheduled} scheduled → {f.fired} fired → {f.started} started → {f.done} done; {f.snoozed} snoozed, {f.skipped} skipped,{' '}
          {f.missed} with nothing logged{f.displaced ? `; ${f.displaced} moved for a meeting` : ''}
          {f.noFreeTime ? `; ${f.noFreeTime} with no free time` : ''}. Completion counts {m.per === 'day' ? 'scheduled days' : 'weeks'} met; skipped ones are
          left out.
        </p>
      </details>
    </li>
  );
}
