'use client';

// The scenario charts drawn with recharts. Loaded on demand through ./charts (next/dynamic), so that the
// charting library is not part of any page's first-load JavaScript. Axes, tooltips, legends and colours
// come from the chart kit (components/charts), as the stance charts' do.
import type { TimelineEvent } from '@/lib/events/timeline';
import { AXIS_TICK, oneLineTick, SCALE_TENS, scaleAxis } from '@/components/charts/axes';
import { ChartFigure } from '@/components/charts/chart-figure';
import { SeriesLegend, type LegendItem } from '@/components/charts/chart-legend';
import { seriesTooltip } from '@/components/charts/chart-tooltip';
import { EventLines, EventToggle } from '@/components/charts/event-lines';
import { Bar, BarChart, CartesianGrid, Line, LineChart, ReferenceArea, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { RoundSnapshot, UncertaintyResult } from '@/lib/decision-models';
import type { Anchor } from '@/lib/issues/schema';
import { LIKELIHOOD_BANDS } from '@/lib/scenarios/likelihood';
import type { EstimatePoint } from './charts';
import { binLabel, num } from './format';
import { dayMs, formatDay, formatPosition, formatTick, spanDays, timeTicks } from '@/components/charts/format';
import { CHART_INK, FORECAST_STYLE, lineStyle, OKABE_ITO } from '@/components/charts/palette';

/** A line series' legend entry: its colour and dash, and the open round dot the line draws at each point. */
function lineLegend(key: string, name: string, index: number, lineWidth: number): LegendItem {
  const { stroke, strokeDasharray } = lineStyle(index);
  return { key, name, color: stroke, dash: strokeDasharray, shape: 'circle', open: true, lineWidth };
}

const FORECAST_LEGEND: LegendItem = {
  key: 'forecast',
  name: 'Forecast (weighted median)',
  color: FORECAST_STYLE.stroke,
  dash: FORECAST_STYLE.strokeDasharray,
  shape: null,
  lineWidth: FORECAST_STYLE.strokeWidth,
};

/** Each actor's position round by round, with the forecast (weighted median) of each round. */
export function RoundsChart({
  rounds,
  actors,
  anchors,
  title,
  onPick,
}: {
  rounds: RoundSnapshot[];
  actors: { id: string; name: string }[];
  anchors: Anchor[];
  title: string;
  /** Called with the actor and round of a clicked point of an actor's line. */
  onPick?: (actorId: string, round: number) => void;
}) {
  const data = rounds.map((r) => ({ round: r.round, forecast: r.forecast, ...r.positions }));
  const pickDot = (actorId: string) => (_event: unknown, dot: unknown) => {
    const round = (dot as { payload?: { round?: unknown } } | undefined)?.payload?.round;
    if (onPick && typeof round === 'number') onPick(actorId, round);
  };
  const scale = scaleAxis(anchors, 30);
  return (
    <ChartFigure className="sc-figure" title={title}>
      <div className="chart-legend chart-legend-top">
        <SeriesLegend label="Actors and forecast" items={[...actors.map((a, i) => lineLegend(a.id, a.name, i, 2)), FORECAST_LEGEND]} />
      </div>
      <LineChart responsive style={{ width: '100%', height: 360 }} data={data} margin={{ top: 12, right: 24, bottom: 18, left: 8 }} accessibilityLayer>
        <CartesianGrid stroke={CHART_INK.grid} />
        <XAxis dataKey="round" type="number" domain={[0, 'dataMax']} allowDecimals={false} tick={AXIS_TICK} label={{ value: 'Round', position: 'insideBottomRight', offset: -4, fontSize: 12 }} />
        <YAxis domain={[0, 100]} ticks={scale.ticks} width={210} tick={oneLineTick(scale.format)} />
        <Tooltip content={seriesTooltip({ head: (round) => `Round ${String(round)}`, value: (v) => formatPosition(v) })} />
        {actors.map((a, i) => (
          <Line
            key={a.id}
            dataKey={a.id}
            name={a.name}
            type="linear"
            strokeWidth={2}
            dot={{ r: 3 }}
            activeDot={onPick ? { r: 5, cursor: 'pointer', onClick: pickDot(a.id) } : true}
            isAnimationActive={false}
            {...lineStyle(i)}
          />
        ))}
        <Line dataKey="forecast" name={FORECAST_LEGEND.name as string} type="linear" dot={false} isAnimationActive={false} {...FORECAST_STYLE} />
      </LineChart>
    </ChartFigure>
  );
}

// The axis and tooltip of the two charts of uncertainty-run draws (one distribution, or several overlaid).
const DRAWS_X_AXIS = {
  dataKey: 'mid',
  type: 'number',
  domain: [0, 100],
  ticks: SCALE_TENS,
  tick: AXIS_TICK,
  interval: 0,
  label: { value: 'Forecast position (0–100 scale)', position: 'insideBottom', offset: -14, fontSize: 12 },
} as const;
const DrawsTooltip = seriesTooltip({
  head: (mid) => `Forecast ${formatPosition(Number(mid) - 2.5)}–${formatPosition(Number(mid) + 2.5)}`,
  value: (share) => `${num(share)}% of draws`,
});

/** Histogram of the uncertainty run's outcomes, with its percentiles marked. */
export function DistributionChart({ result, title }: { result: UncertaintyResult; title: string }) {
  const data = result.histogram.map((b) => ({ mid: (b.from + b.to) / 2, share: (100 * b.count) / result.draws, count: b.count, bin: binLabel(b) }));
  const marks: [string, number, string | undefined][] = [
    ['p05', result.p05, '4 3'],
    ['median', result.median, undefined],
    ['p95', result.p95, '4 3'],
  ];
  return (
    <ChartFigure className="sc-figure" title={title}>
      <figcaption className="small muted">
        Share of draws per 5-point band. Vermillion lines: p05 and p95 (dashed), median (solid) = {formatPosition(result.median)}.
      </figcaption>
      <BarChart responsive style={{ width: '100%', height: 280 }} data={data} margin={{ top: 12, right: 24, bottom: 24, left: 8 }} barCategoryGap={1} accessibilityLayer>
        <CartesianGrid stroke={CHART_INK.grid} vertical={false} />
        <XAxis {...DRAWS_X_AXIS} />
        <YAxis tick={AXIS_TICK} unit="%" width={44} />
        <Tooltip content={DrawsTooltip} />
        <Bar dataKey="share" name="Share of draws" fill={OKABE_ITO.blue} isAnimationActive={false} />
        {marks.map(([name, value, dash]) => (
          <ReferenceLine key={name} x={value} stroke={OKABE_ITO.vermillion} strokeWidth={2} strokeDasharray={dash} ifOverflow="extendDomain" />
        ))}
      </BarChart>
    </ChartFigure>
  );
}

/** Several distributions over one scale: share of draws per 5-point bin, one line per scenario. */
export function DistributionOverlay({ results, title }: { results: { key: string; name: string; result: UncertaintyResult }[]; title: string }) {
  const bins = results[0]?.result.histogram ?? [];
  const data = bins.map((b, k) => ({
    mid: (b.from + b.to) / 2,
    ...Object.fromEntries(results.map((r) => [r.key, (100 * (r.result.histogram[k]?.count ?? 0)) / r.result.draws])),
  }));
  return (
    <ChartFigure className="sc-figure" title={title}>
      <div className="chart-legend chart-legend-top">
        <SeriesLegend label="Scenarios" items={results.map((r, i) => lineLegend(r.key, r.name, i, 2.5))} />
      </div>
      <LineChart responsive style={{ width: '100%', height: 320 }} data={data} margin={{ top: 8, right: 24, bottom: 24, left: 8 }} accessibilityLayer>
        <CartesianGrid stroke={CHART_INK.grid} />
        <XAxis {...DRAWS_X_AXIS} />
        <YAxis tick={AXIS_TICK} unit="%" width={44} />
        <Tooltip content={DrawsTooltip} />
        {results.map((r, i) => (
          <Line key={r.key} dataKey={r.key} name={r.name} type="linear" strokeWidth={2.5} dot={{ r: 3 }} isAnimationActive={false} {...lineStyle(i)} />
        ))}
      </LineChart>
    </ChartFigure>
  );
}

const DAY = 86_400_000;
const LIKELIHOOD_TICKS = [1, 5, 20, 45, 55, 80, 95, 99];

/** Likelihood estimates over time, one stepped line per analyst, over the ICD 203 bands. */
export function LikelihoodChart({ points, title, events = [] }: { points: EstimatePoint[]; title: string; events?: TimelineEvent[] }) {
  const analysts = [...new Map(points.map((p) => [p.analystId, p.analystName])).entries()];
  const xs = points.map((p) => dayMs(p.day));
  const min = Math.min(...xs);
  const max = Math.max(...xs);
  // Room on the right for the band labels, so they do not sit on the latest estimates.
  const domain: [number, number] = [min - 3 * DAY, max + Math.max(10 * DAY, 0.22 * (max - min))];
  const span = spanDays(domain[0], domain[1]);
  return (
    <ChartFigure className="sc-figure has-events" title={title}>
      <LineChart responsive style={{ width: '100%', height: 300 }} margin={{ top: 8, right: 16, bottom: 8, left: 8 }} accessibilityLayer>
        {LIKELIHOOD_BANDS.map((b, i) => (
          <ReferenceArea
            key={b.value}
            y1={b.min}
            y2={b.max}
            fill={i % 2 ? CHART_INK.bandAlt : CHART_INK.background}
            fillOpacity={1}
            stroke="none"
            ifOverflow="visible"
            label={{ value: b.label, position: 'insideRight', fontSize: 10, fill: CHART_INK.label }}
          />
        ))}
        <CartesianGrid stroke={CHART_INK.grid} vertical={false} />
        <XAxis
          dataKey="x"
          type="number"
          domain={domain}
          scale="time"
          ticks={timeTicks(domain[0], domain[1], 6)}
          tickFormatter={(v: number) => formatTick(v, span)}
          interval="preserveStartEnd"
          tick={AXIS_TICK}
        />
        <YAxis domain={[0, 100]} ticks={LIKELIHOOD_TICKS} unit="%" width={44} tick={AXIS_TICK} />
        <Tooltip content={seriesTooltip({ head: (x) => (Number.isFinite(Number(x)) ? formatDay(new Date(Number(x))) : undefined), value: (percent) => `${num(percent, 0)}%` })} />
        {analysts.map(([id, name], i) => (
          <Line
            key={id}
            data={points.filter((p) => p.analystId === id).map((p) => ({ x: dayMs(p.day), y: p.percent }))}
            dataKey="y"
            name={name}
            type="stepAfter"
            strokeWidth={2}
            dot={{ r: 4 }}
            isAnimationActive={false}
            {...lineStyle(i)}
          />
        ))}
        <EventLines events={events} domain={domain} />
      </LineChart>
      <div className="chart-legend">
        <SeriesLegend label="Analysts" items={analysts.map(([id, name], i) => lineLegend(id, name, i, 2))} />
      </div>
      <EventToggle events={events} domain={domain} />
    </ChartFigure>
  );
}
