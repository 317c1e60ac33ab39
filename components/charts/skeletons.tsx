/** Placeholders shown while a chart's data streams in. */
export function ChartSkeleton({ title, height = 320 }: { title: string; height?: number }) {
  return (
    <div aria-busy="true" aria-live="polite">
      <h2>{title}</h2>
      <span className="chart-sr-only">Loading {title.toLowerCase()}…</span>
      <div className="skeleton skeleton-line" style={{ width: '55%' }} />
      <div className="skeleton skeleton-chart" style={{ height }} />
    </div>
  );
}

export function TableSkeleton({ title, rows = 5 }: { title: string; rows?: number }) {
  return (
    <div aria-busy="true" aria-live="polite">
      <h2>{title}</h2>
      <span className="chart-sr-only">Loading {title.toLowerCase()}…</span>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="skeleton skeleton-line" style={{ width: `${90 - i * 7}%` }} />
      ))}
    </div>
  );
}
