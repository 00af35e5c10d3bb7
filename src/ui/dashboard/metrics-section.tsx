import type { HabitMetrics } from '@/src/core/metrics/habit-metrics';
import type { OutcomeTrend } from '@/src/core/metrics/outcome-trend';
import { MetricCard } from './metric-card';
import { OutcomeList } from './outcome-card';

/** The leading metrics (five at most) and the outcomes they serve: a compass, not a report card. */
export function MetricsSection({ metrics, outcomes }: { metrics: readonly HabitMetrics[]; outcomes: readonly OutcomeTrend[] }) {
  if (metrics.length === 0) return null;
  return (
    <section class="metrics" aria-labelledby="metrics-title">
      <h2 id="metrics-title">Leading metrics</h2>
      <ul class="metric-list">
        {metrics.map((m) => (
          <MetricCard key={m.habitId} m={m} />
        ))}
      </ul>
      {outcomes.length > 0 && (
        <>
          <h2>Outcomes</h2>
          <OutcomeList outcomes={outcomes} />
        </>
      )}
    </section>
  );
}
