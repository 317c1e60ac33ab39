'use client';

import { AXIS_TICK, formatProportion, PROBABILITY_FIFTHS } from '@/components/charts/axes';
import { ChartFigure } from '@/components/charts/chart-figure';
import { SeriesLegend } from '@/components/charts/chart-legend';
import { seriesTooltip } from '@/components/charts/chart-tooltip';
import { CartesianGrid, ReferenceLine, Scatter, ScatterChart, Tooltip, XAxis, YAxis, ZAxis } from 'recharts';
import type { CalibrationBin } from '@/lib/scenarios/calibration';
import { CHART_INK, lineStyle, OKABE_ITO } from '@/components/charts/palette';

/** The team in black circles, each analyst in a palette colour with diamonds. */
const seriesLook = (i: number) => (i === 0 ? { color: OKABE_ITO.black, shape: 'circle' as const } : { color: lineStyle(i - 1).stroke, shape: 'diamond' as const });

const CalibrationTooltip = seriesTooltip({
  head: (_label, point) => (typeof point?.series === 'string' ? point.series : undefined),
  value: (value, name) => (name === 'Forecasts' ? String(value) : formatProportion(value)),
  swatches: false,
});

/** Forecast (mean of each bin) against how often it happened; a calibrated record lies on the diagonal. Dot size: forecasts in the bin. */
export function CalibrationChart({ series }: { series: { name: string; bins: CalibrationBin[] }[] }) {
  return (
    <ChartFigure title="Calibration: forecast against how often it happened">
      <div className="chart-legend chart-legend-top">
        <SeriesLegend label="Team and analysts" items={series.map((s, i) => ({ key: s.name, name: s.name, ...seriesLook(i), line: false }))} />
      </div>
      <ScatterChart responsive style={{ width: '100%', maxWidth: 560, height: 360 }} margin={{ top: 8, right: 24, bottom: 24, left: 8 }} accessibilityLayer>
        <CartesianGrid stroke={CHART_INK.grid} />
        <XAxis type="number" dataKey="forecast" domain={[0, 1]} ticks={PROBABILITY_FIFTHS} tickFormatter={formatProportion} tick={AXIS_TICK} name="Forecast"
          label={{ value: 'Forecast (mean of the bin)', position: 'insideBottom', offset: -12, fontSize: 12 }} />
        <YAxis type="number" dataKey="observed" domain={[0, 1]} ticks={PROBABILITY_FIFTHS} tickFormatter={formatProportion} tick={AXIS_TICK} name="Happened" width={48} />
        <ZAxis type="number" dataKey="n" range={[40, 400]} name="Forecasts" />
        <ReferenceLine segment={[{ x: 0, y: 0 }, { x: 1, y: 1 }]} stroke={CHART_INK.diagonal} strokeDasharray="4 4" ifOverflow="hidden" />
        <Tooltip content={CalibrationTooltip} />
        {series.map((s, i) => (
          <Scatter
            key={s.name}
            name={s.name}
            fill={seriesLook(i).color}
            shape={seriesLook(i).shape}
            data={s.bins.filter((b) => b.n > 0).map((b) => ({ forecast: b.meanForecast, observed: b.observedFrequency, n: b.n, series: s.name }))}
          />
        ))}
      </ScatterChart>
    </ChartFigure>
  );
}
