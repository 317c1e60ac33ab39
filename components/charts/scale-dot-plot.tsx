import './charts.css';
import Link from '@/components/ui/link';
import type { CSSProperties, ReactNode } from 'react';
import type { Anchor } from '@/lib/stance/types';
import { formatPosition } from './format';
import { CHART_INK, markerPath, type MarkerShape } from './palette';
import { axisNumbers, ScaleKey } from './scale-key';

export interface DotRow {
  key: string;
  label: string;
  href?: string;
  /** Shown under the label (e.g. "4 sources · as of 10 Nov 2020"). */
  note?: ReactNode;
  value: number | null;
  /** Whisker (e.g. min-max across sources). */
  lo?: number;
  hi?: number;
  color: string;
  shape: MarkerShape;
  /** Hover text of the dot. */
  title: string;
}

const pct = (v: number) => `${Math.max(0, Math.min(100, v))}%`;

/**
 * A dot plot on an issue's 0-100 scale: one row per actor (or source), a marker at the position and a
 * whisker for the spread, anchor lines through every row and the anchor labels under the axis.
 * Plain HTML and SVG, no client JavaScript; a table version goes next to it (ChartFrame).
 */
export function ScaleDotPlot({ anchors, rows, label, description }: { anchors: Anchor[]; rows: DotRow[]; label: string; description: string }) {
  // The anchor lines through every row are one background set once per plot (charts.css), not an
  // element per anchor per row: on a dashboard of many issues and actors those elements were most of the page.
  const grid = anchors.map((a) => `linear-gradient(${CHART_INK.dotPlotAnchor}, ${CHART_INK.dotPlotAnchor}) ${pct(a.value)} 0 / 1px 100% no-repeat`).join(', ');
  return (
    <div className="dotplot" data-chart-drawing role="group" aria-label={label} style={{ '--dotplot-grid': grid || 'none' } as CSSProperties}>
      <p className="chart-sr-only">{description}</p>
      {rows.map((row) => (
        <div className="dotplot-row" key={row.key}>
          <div className="dotplot-label">
            {row.href ? <Link href={row.href}>{row.label}</Link> : row.label}
            {row.note && <div className="dotplot-note">{row.note}</div>}
          </div>
          <div className="dotplot-value">{formatPosition(row.value)}</div>
          <div className="dotplot-track" aria-hidden="true">
            {row.lo !== undefined && row.hi !== undefined && row.hi > row.lo && (
              <span className="dotplot-whisker" style={{ left: pct(row.lo), width: `${Math.min(100, row.hi) - Math.max(0, row.lo)}%`, background: row.color }} />
            )}
            {row.value !== null && (
              <span className="dotplot-dot" style={{ left: pct(row.value) }} title={row.title}>
                <svg width="20" height="20" viewBox="-10 -10 20 20" focusable="false">
                  <path d={markerPath(row.shape, 7)} fill={row.color} stroke={CHART_INK.background} strokeWidth="1.5" />
                </svg>
              </span>
            )}
          </div>
        </div>
      ))}
      <div className="dotplot-row dotplot-axis" aria-hidden="true">
        <div />
        <div />
        <div className="dotplot-axis-track">
          {axisNumbers(anchors.map((a) => a.value)).map((value) => (
            <span key={value} className={`dotplot-anchor${value <= 5 ? ' start' : value >= 95 ? ' end' : ''}`} style={{ left: pct(value) }}>
              {value}
            </span>
          ))}
        </div>
      </div>
      <ScaleKey anchors={anchors} />
    </div>
  );
}
