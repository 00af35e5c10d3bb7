/** A tiny inline chart of the last periods; no chart library. The numbers are in its accessible name. */
export function Sparkline({ values, label, width = 96, height = 22 }: { values: readonly number[]; label: string; width?: number; height?: number }) {
  // Scaled to the values' own range (counts start at 0; an outcome moving from 40 to 34 still shows its slope).
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const min = lo >= 0 && lo <= hi / 2 ? 0 : lo;
  const span = Math.max(1, hi - min);
  const step = values.length > 1 ? width / (values.length - 1) : width;
  const points = values.map((v, i) => `${(i * step).toFixed(1)},${(height - 2 - ((v - min) / span) * (height - 4)).toFixed(1)}`).join(' ');
  return (
    <svg class="spark" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`${label}: ${values.join(', ')}`}>
      <polyline points={points} fill="none" stroke="currentColor" stroke-width="1.5" stroke-linejoin="round" stroke-linecap="round" />
    </svg>
  );
}
