import './charts.css';
import type { ReactNode } from 'react';
import { ChartExport } from './chart-export';
import { ChartTable } from './chart-table';

/**
 * A chart with its text title and description, a "Show as table" view and a CSV download, so that
 * every chart can also be read without seeing it and taken into a spreadsheet. With `exportChart`, the
 * drawing also downloads as PNG and SVG, carrying its title, description, filters, legend and date.
 */
export function ChartFrame({
  id,
  title,
  description,
  csvHref,
  csvLabel = 'Download CSV',
  extraLinks,
  table,
  tableSummary = 'Show as table',
  children,
  headingLevel = 2,
  exportChart,
}: {
  id: string;
  title: string;
  description: ReactNode;
  csvHref?: string;
  csvLabel?: string;
  extraLinks?: ReactNode;
  table?: ReactNode;
  tableSummary?: string;
  children: ReactNode;
  headingLevel?: 2 | 3;
  /** The frame holds a drawn chart: offer PNG and SVG downloads; `filters` states the applied filters in words. */
  exportChart?: { filters?: string };
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <figure id={`${id}-figure`} className="chart-frame" aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`}>
      <div className="chart-frame-head">
        <div>
          <Heading id={`${id}-title`}>{title}</Heading>
          <div id={`${id}-desc`} className="chart-frame-desc">{description}</div>
        </div>
        {(csvHref || extraLinks || exportChart) && (
          <div className="chart-frame-links">
            {exportChart && <ChartExport figureId={`${id}-figure`} title={title} filters={exportChart.filters} />}
            {extraLinks}
            {csvHref && (
              <a className="btn btn-small" href={csvHref} download>
                {csvLabel}
              </a>
            )}
          </div>
        )}
      </div>
      {children}
      {table && <ChartTable summary={tableSummary}>{table}</ChartTable>}
    </figure>
  );
}
