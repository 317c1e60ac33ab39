import { LegendSample, SeriesLegend } from './chart-legend';
import { CHART_INK, type SeriesStyle } from './palette';
import type { ChartSeries } from './stance-chart-data';
import type { BucketUnit } from './stance-chart-tooltip';

// The stance chart's legend: each actor's line and marker, and what lines, markers and band mean.

type LegendSeries = Pick<ChartSeries, 'key' | 'name' | 'shown' | 'total'> & { style: SeriesStyle };

export function StanceLegend({ series, aggregationLabel, bucketUnit, bandLabel }: {
  series: LegendSeries[];
  aggregationLabel: string;
  bucketUnit: BucketUnit;
  bandLabel: string | null;
}) {
  const first = series[0]?.style;
  return (
    <div className="chart-legend">
      <SeriesLegend
        label="Actors"
        items={series.map((s) => ({
          key: s.key,
          name: s.name,
          ...s.style,
          note: s.shown < s.total ? `${s.shown.toLocaleString('en')} of ${s.total.toLocaleString('en')} readings shown` : `${s.total} ${s.total === 1 ? 'reading' : 'readings'}`,
        }))}
      />
      {first && (
        <p className="chart-legend-key small muted">
          <LegendSample color={CHART_INK.tick} shape={first.shape} /> line and filled marker: {aggregationLabel.toLowerCase()} per {bucketUnit}
          <span className="sep" aria-hidden="true">·</span>
          <LegendSample color={CHART_INK.tick} shape={first.shape} hollow /> hollow marker: one reading from one source
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
