import type { OutcomeTrend } from '@/src/core/metrics/outcome-trend';
import { Sparkline } from '../sparkline';

/** The lagging indicator beside the behaviours meant to drive it. */
export function OutcomeCard({ o }: { o: OutcomeTrend }) {
  return (
    <li class="outcome-card">
      <span class="metric-name">{o.name}</span>
      <span class="outcome-values">
        {o.latest ? `${o.latest.value} ${o.unit} (${o.latest.localDate})` : 'No value logged yet'} · target {o.target} {o.unit}
      </span>
      {o.series.length > 1 && <Sparkline values={o.series} label={`${o.name}, logged values`} />}
      {o.progress !== undefined && (
        <div
          class="bar"
          role="progressbar"
          aria-label={`${o.name}: way from baseline to target`}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(o.progress * 100)}
        >
          <span style={{ width: `${Math.round(o.progress * 100)}%` }} />
        </div>
      )}
    </li>
  );
}

/** The outcomes, one card each. */
export function OutcomeList({ outcomes }: { outcomes: readonly OutcomeTrend[] }) {
  return (
    <ul class="metric-list">
      {outcomes.map((o) => (
        <OutcomeCard key={o.outcomeId} o={o} />
      ))}
    </ul>
  );
}
