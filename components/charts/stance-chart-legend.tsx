import { markerPath, type MarkerShape, type SeriesStyle } from './palette';
import type { ChartSeries } from './stance-chart-data';
import type { BucketUnit } from './stance-chart-tooltip';

// The stance chart's legend: each actor's line and marker, and what lines, markers and band mean.

type LegendSeries = Pick<ChartSeries, 'key' | 'name' | 'shown' | 'total'> & { style: SeriesStyle };

function LegendSample({ color, dash, shape, hollow = false }: { color: string; dash?: string; shape: MarkerShape; hollow?: boolean }) {
  return (
    <svg width={hollow ? 16 : 34} height="14" viewBox={hollow ? '-8 -7 16 14' : '-17 -7 34 14'} aria-hidden="true" focusable="false">
      {!hollow && <line x1="-16" x2="16" y1="0" y2="0" stroke={color} strokeWidth="2.5" strokeDasharray={dash} />}
      <path d={markerPath(shape, hollow ? 4.5 : 5)} fill={color} fillOpacity={hollow ? 0.18 : 1} stroke={hollow ? color : '#fff'} strokeWidth={hollow ? 1.25 : 1.5} />
    </svg>
  );
}

export function StanceLegend({ series, aggregationLabel, bucketUnit, bandLabel }: {
  series: LegendSeries[];
  aggregationLabel: string;
  bucketUnit: BucketUnit;
  bandLabel: string | null;
}) {
  const first = series[0]?.style;
  return (
    <div className="chart-legend">
      <ul className="chart-legend-series" aria-label="Actors">
        {series.map((s) => (
          <li key={s.key}>
            <LegendSample color={s.style.color} dash={s.style.dash} shape={s.style.shape} />
            <span>{s.name}</span>
            <span className="muted small">
              {s.shown < s.total ? `${s.shown.toLocaleString('en')} of ${s.total.toLocaleString('en')} readings shown` : `${s.total} ${s.total === 1 ? 'reading' : 'readings'}`}
            </span>
          </li>
        ))}
      </ul>
      {first && (
        <p className="chart-legend-key small muted">
          <LegendSample color="#4a5566" shape={first.shape} /> line and filled marker: {aggregationLabel.toLowerCase()} per {bucketUnit}
          <span className="sep" aria-hidden="true">·</span>
          <LegendSample color="#4a5566" shape={first.shape} hollow /> hollow marker: one reading from one source
          {bandLabel && (
            <>
              <span className="sep" aria-hidden="true">·</span>
              <span className="chart-legend-band" aria-hidden="true" /> shaded band: {bandLabel}
            </>
          )}
          <span className="sep" aria-hidden="true">·</span>
          <span>hover a marker, or focus the chart and use the arrow keys, for its source and quote</span>
        </p>
      )}
    </div>
  );
}
