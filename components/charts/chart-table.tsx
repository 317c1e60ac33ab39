import './charts.css';
import type { ReactNode } from 'react';

/** A chart's data as a table, folded under the chart ("Show as table"): the same place and look in every chart. */
export function ChartTable({ summary = 'Show as table', children }: { summary?: string; children: ReactNode }) {
  return (
    <details className="chart-table">
      <summary>{summary}</summary>
      <div className="chart-table-scroll">{children}</div>
    </details>
  );
}
