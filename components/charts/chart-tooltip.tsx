import { Fragment, type ReactNode } from 'react';
import type { TooltipContentProps } from 'recharts';

// The one look of a chart's tooltip (components/charts/charts.css .chart-tooltip): a head line, then label/value
// rows. The stance chart places it itself (stance-chart-tooltip.tsx); the other charts hand
// seriesTooltip to recharts' <Tooltip content>.

export interface TooltipRow {
  key: string;
  label: ReactNode;
  value: ReactNode;
  /** The series' colour, as a swatch before the label. */
  color?: string;
}

/** The inside of a tooltip; the caller supplies the `.chart-tooltip` box around it. */
export function TooltipFrame({ head, rows, children }: { head?: ReactNode; rows: TooltipRow[]; children?: ReactNode }) {
  return (
    <>
      {head !== undefined && <div className="chart-tooltip-head">{head}</div>}
      <dl>
        {rows.map((row) => (
          <Fragment key={row.key}>
            <dt>
              {row.color && <span className="chart-tooltip-swatch" style={{ background: row.color }} aria-hidden="true" />}
              {row.label}
            </dt>
            <dd>{row.value}</dd>
          </Fragment>
        ))}
      </dl>
      {children}
    </>
  );
}

/**
 * A recharts tooltip `content` in the chart kit's frame: a head line (none without `head`), then each
 * series pointed at with its colour and its value formatted by `value`.
 */
export function seriesTooltip({ head, value, swatches = true }: {
  /** The head line from the axis value pointed at and the data point's own fields. */
  head?: (label: unknown, point: Record<string, unknown> | undefined) => ReactNode;
  value: (value: number, name: string) => ReactNode;
  /** Each row with its series' colour; off where the rows are fields of one point (a scatter's x, y, size). */
  swatches?: boolean;
}) {
  function SeriesTooltip({ active, payload, label }: TooltipContentProps) {
    if (!active || !payload?.length) return null;
    return (
      <div className="chart-tooltip">
        <TooltipFrame
          head={head?.(label, payload[0]?.payload as Record<string, unknown> | undefined)}
          rows={payload.map((entry, i) => ({
            key: `${String(entry.dataKey ?? entry.name)}-${i}`,
            label: String(entry.name ?? ''),
            value: value(Number(entry.value), String(entry.name ?? '')),
            color: swatches ? (entry.color ?? entry.stroke ?? entry.fill) : undefined,
          }))}
        />
      </div>
    );
  }
  return SeriesTooltip;
}
