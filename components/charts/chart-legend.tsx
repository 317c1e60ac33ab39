import type { ReactNode } from 'react';
import { CHART_INK, markerPath, type MarkerShape } from './palette';

// The one legend of every chart: HTML next to the drawing (not recharts' <Legend>), so it wraps at any
// width, reads the same in every chart and is what the chart export collects (.chart-legend-series li).

/**
 * A series' sample: its line (colour and dash) with its marker, or only the marker (`line={false}`, or
 * hollow for single readings), or only the line (`shape={null}`). `open`: the marker as recharts draws
 * a line's dots, outlined in the colour on white.
 */
export function LegendSample({ color, dash, shape, hollow = false, open = false, line = !hollow, lineWidth = 2.5 }: {
  color: string;
  dash?: string;
  shape: MarkerShape | null;
  hollow?: boolean;
  open?: boolean;
  line?: boolean;
  lineWidth?: number;
}) {
  return (
    <svg width={line ? 34 : 16} height="14" viewBox={line ? '-17 -7 34 14' : '-8 -7 16 14'} aria-hidden="true" focusable="false">
      {line && <line x1="-16" x2="16" y1="0" y2="0" stroke={color} strokeWidth={lineWidth} strokeDasharray={dash || undefined} />}
      {shape && (
        <path
          d={markerPath(shape, hollow ? 4.5 : 5)}
          fill={open ? CHART_INK.background : color}
          fillOpacity={hollow ? 0.18 : 1}
          stroke={hollow || open ? color : CHART_INK.background}
          strokeWidth={hollow ? 1.25 : 1.5}
        />
      )}
    </svg>
  );
}

export interface LegendItem {
  key: string;
  name: ReactNode;
  color: string;
  dash?: string;
  shape: MarkerShape | null;
  /** Marker only, no line (scatter series). */
  line?: boolean;
  /** The marker outlined on white, as recharts draws a line's dots. */
  open?: boolean;
  lineWidth?: number;
  /** Muted text after the name ("4 readings"). */
  note?: ReactNode;
}

/** The series of a chart, each with its sample. */
export function SeriesLegend({ items, label }: { items: LegendItem[]; label: string }) {
  return (
    <ul className="chart-legend-series" aria-label={label}>
      {items.map((item) => (
        <li key={item.key}>
          <LegendSample color={item.color} dash={item.dash} shape={item.shape} line={item.line} open={item.open} lineWidth={item.lineWidth} />
          <span>{item.name}</span>
          {item.note !== undefined && <span className="muted small">{item.note}</span>}
        </li>
      ))}
    </ul>
  );
}
