import type { ReactNode } from 'react';

/**
 * A chart with its text title and description, a "Show as table" view and a CSV download, so that
 * every chart can also be read without seeing it and taken into a spreadsheet.
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
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <figure className="chart-frame" aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`}>
      <div className="chart-frame-head">
        <div>
          <Heading id={`${id}-title`}>{title}</Heading>
          <div id={`${id}-desc`} className="chart-frame-desc">{description}</div>
        </div>
        {(csvHref || extraLinks) && (
          <div className="chart-frame-links">
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
      {table && (
        <details className="chart-table">
          <summary>{tableSummary}</summary>
          <div className="chart-table-scroll">{table}</div>
        </details>
      )}
    </figure>
  );
}
