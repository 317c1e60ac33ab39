/** The place of a drawn chart while its code (recharts, loaded on demand) arrives: keeps the chart's height. */
export function ChartPlaceholder({ height, label }: { height?: number; label?: string }) {
  return (
    <div
      className="skeleton skeleton-chart"
      style={height === undefined ? { minHeight: 'inherit' } : { height }}
      aria-busy="true"
      {...(label ? { role: 'img', 'aria-label': label } : {})}
    />
  );
}

/** For next/dynamic's `loading`: the placeholder of a chart `height` pixels high. */
export function chartPlaceholder(height: number) {
  return function ChartLoading() {
    return <ChartPlaceholder height={height} />;
  };
}

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
