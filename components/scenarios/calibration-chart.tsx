'use client';

import { ChartFigure } from '@/components/charts/chart-figure';
import { CartesianGrid, Legend, ReferenceLine, Scatter, ScatterChart, Tooltip, XAxis, YAxis, ZAxis } from 'recharts';
import type { CalibrationBin } from '@/lib/scenarios/calibration';
import { lineStyle, OKABE_ITO } from '@/components/charts/palette';

const AXIS = { fontSize: 11, fill: '#4a5566' };
const pct = (v: number) => `${Math.round(v * 100)}%`;

/** Forecast (mean of each bin) against how often it happened; a calibrated record lies on the diagonal. Dot size: forecasts in the bin. */
export function CalibrationChart({ series }: { series: { name: string; bins: CalibrationBin[] }[] }) {
  return (
    <ChartFigure title="Calibration: forecast against how often it happened">
    <ScatterChart responsive style={{ width: '100%', maxWidth: 560, height: 360 }} margin={{ top: 8, right: 24, bottom: 24, left: 8 }} accessibilityLayer>
      <CartesianGrid stroke="#e6e9ee" />
      <XAxis type="number" dataKey="forecast" domain={[0, 1]} ticks={[0, 0.2, 0.4, 0.6, 0.8, 1]} tickFormatter={pct} tick={AXIS} name="Forecast"
        label={{ value: 'Forecast (mean of the bin)', position: 'insideBottom', offset: -12, fontSize: 12 }} />
      <YAxis type="number" dataKey="observed" domain={[0, 1]} ticks={[0, 0.2, 0.4, 0.6, 0.8, 1]} tickFormatter={pct} tick={AXIS} name="Happened" width={48} />
      <ZAxis type="number" dataKey="n" range={[40, 400]} name="Forecasts" />
      <ReferenceLine segment={[{ x: 0, y: 0 }, { x: 1, y: 1 }]} stroke="#8a94a6" strokeDasharray="4 4" ifOverflow="hidden" />
      <Tooltip formatter={(value, name) => (name === 'Forecasts' ? String(value) : pct(Number(value)))} />
      <Legend verticalAlign="top" wrapperStyle={{ fontSize: 12, paddingBottom: 8 }} />
      {series.map((s, i) => (
        <Scatter
          key={s.name}
          name={s.name}
          fill={i === 0 ? OKABE_ITO.black : lineStyle(i - 1).stroke}
          shape={i === 0 ? 'circle' : 'diamond'}
          data={s.bins.filter((b) => b.n > 0).map((b) => ({ forecast: b.meanForecast, observed: b.observedFrequency, n: b.n }))}
        />
      ))}
    </ScatterChart>
    </ChartFigure>
  );
}
