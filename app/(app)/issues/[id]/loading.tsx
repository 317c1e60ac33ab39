import '@/app/charts.css';

// Shared by the issue page, its source comparison and its edit form: a neutral skeleton.
export default function Loading() {
  return (
    <div aria-busy="true" aria-live="polite">
      <span className="chart-sr-only">Loading…</span>
      <div className="skeleton skeleton-line" style={{ width: 120, height: 12 }} />
      <div className="skeleton skeleton-line" style={{ width: '45%', height: 24, margin: '6px 0 18px' }} />
      <div className="panel">
        <div className="skeleton skeleton-line" style={{ width: '30%' }} />
        <div className="skeleton skeleton-chart" style={{ height: 380 }} />
      </div>
    </div>
  );
}
