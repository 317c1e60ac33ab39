'use client';

// The scenario charts drawn with recharts. Loaded on demand through ./charts (next/dynamic), so that the
// charting library is not part of any page's first-load JavaScript.
import type { TimelineEvent } from '@/lib/events/timeline';
import { ChartFigure } from '@/components/charts/chart-figure';
import { EventLines, EventToggle } from '@/components/charts/event-lines';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ReferenceArea, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { RoundSnapshot, UncertaintyResult } from '@/lib/decision-models';
import type { Anchor } from '@/lib/issues/schema';
import { LIKELIHOOD_BANDS } from '@/lib/scenarios/likelihood';
import type { EstimatePoint } from './charts';
import { binLabel, num } from './format';
import { truncate } from '@/components/charts/format';
import { FORECAST_STYLE, lineStyle, OKABE_ITO } from '@/components/charts/palette';

const AXIS = { fontSize: 11, fill: '#4a5566' };

function anchorTicks(anchors: Anchor[]): { ticks: number[]; label: (v: number) => string } {
  const values = anchors.length ? anchors.map((a) => a.value) : [0, 25, 50, 75, 100];
  const byValue = new Map(anchors.map((a) => [a.value, a.label]));
  return { ticks: values, label: (v: number) => (byValue.has(v) ? `${v} ${truncate(byValue.get(v) as string, 30)}` : String(v)) };
}

/** A one-line y-axis tick: the anchor value and its (shortened) label; the full labels are under the chart. */
function anchorTick(label: (v: number) => string) {
  function AnchorTick(props: { x: number | string; y: number | string; payload: { value: unknown } }) {
    return (
      <text x={Number(props.x)} y={Number(props.y)} dy={4} textAnchor="end" fontSize={11} fill="#4a5566">
        {label(Number(props.payload.value))}
      </text>
    );
  }
  return AnchorTick;
}

const TEN_TICKS = [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100];

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
  const { ticks, label } = anchorTicks(anchors);
  return (
    <ChartFigure className="sc-figure" title={title}>
      <LineChart responsive style={{ width: '100%', height: 360 }} data={data} margin={{ top: 12, right: 24, bottom: 18, left: 8 }} accessibilityLayer>
        <CartesianGrid stroke="#e6e9ee" />
        <XAxis dataKey="round" type="number" domain={[0, 'dataMax']} allowDecimals={false} tick={AXIS} label={{ value: 'Round', position: 'insideBottomRight', offset: -4, fontSize: 12 }} />
        <YAxis domain={[0, 100]} ticks={ticks} width={210} tick={anchorTick(label)} />
        <Tooltip formatter={(value) => num(Number(value))} labelFormatter={(r) => `Round ${String(r)}`} />
        <Legend verticalAlign="top" wrapperStyle={{ fontSize: 12, paddingBottom: 8 }} />
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
        <Line dataKey="forecast" name="Forecast (weighted median)" type="linear" dot={false} isAnimationActive={false} {...FORECAST_STYLE} />
      </LineChart>
    </ChartFigure>
  );
}

// The axis and tooltip of the two charts of uncertainty-run draws (one distribution, or several overlaid).
const DRAWS_X_AXIS = {
  dataKey: 'mid',
  type: 'number',
  domain: [0, 100],
  ticks: TEN_TICKS,
  tick: AXIS,
  interval: 0,
  label: { value: 'Forecast position (0–100 scale)', position: 'insideBottom', offset: -14, fontSize: 12 },
} as const;
const DRAWS_TOOLTIP = {
  formatter: (value: unknown) => `${num(Number(value))}% of draws`,
  labelFormatter: (mid: unknown) => `Forecast ${Number(mid) - 2.5}–${Number(mid) + 2.5}`,
};

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
        Share of draws per 5-point band. Vermillion lines: p05 and p95 (dashed), median (solid) = {num(result.median)}.
      </figcaption>
      <BarChart responsive style={{ width: '100%', height: 280 }} data={data} margin={{ top: 12, right: 24, bottom: 24, left: 8 }} barCategoryGap={1} accessibilityLayer>
        <CartesianGrid stroke="#e6e9ee" vertical={false} />
        <XAxis {...DRAWS_X_AXIS} />
        <YAxis tick={AXIS} unit="%" width={44} />
        <Tooltip {...DRAWS_TOOLTIP} />
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
      <LineChart responsive style={{ width: '100%', height: 320 }} data={data} margin={{ top: 8, right: 24, bottom: 24, left: 8 }} accessibilityLayer>
        <CartesianGrid stroke="#e6e9ee" />
        <XAxis {...DRAWS_X_AXIS} />
        <YAxis tick={AXIS} unit="%" width={44} />
        <Tooltip {...DRAWS_TOOLTIP} />
        <Legend verticalAlign="top" wrapperStyle={{ fontSize: 12, paddingBottom: 8 }} />
        {results.map((r, i) => (
          <Line key={r.key} dataKey={r.key} name={r.name} type="linear" strokeWidth={2.5} dot={{ r: 3 }} isAnimationActive={false} {...lineStyle(i)} />
        ))}
      </LineChart>
    </ChartFigure>
  );
}

const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const dayText = (n: number) => new Date(n).toISOString().slice(0, 10);

/** Likelihood estimates over time, one stepped line per analyst, over the ICD 203 bands. */
export function LikelihoodChart({ points, title, events = [] }: { points: EstimatePoint[]; title: string; events?: TimelineEvent[] }) {
  const analysts = [...new Map(points.map((p) => [p.analystId, p.analystName])).entries()];
  const xs = points.map((p) => dayNumber(p.day));
  const day = 24 * 3600 * 1000;
  const min = Math.min(...xs);
  const max = Math.max(...xs);
  // Room on the right for the band labels, so they do not sit on the latest estimates.
  const domain: [number, number] = [min - 3 * day, max + Math.max(10 * day, 0.22 * (max - min))];
  return (
    <ChartFigure className="sc-figure has-events" title={title}>
      <LineChart responsive style={{ width: '100%', height: 300 }} margin={{ top: 8, right: 16, bottom: 8, left: 8 }} accessibilityLayer>
        {LIKELIHOOD_BANDS.map((b, i) => (
          <ReferenceArea
            key={b.value}
            y1={b.min}
            y2={b.max}
            fill={i % 2 ? '#f1f4f8' : '#ffffff'}
            fillOpacity={1}
            stroke="none"
            ifOverflow="visible"
            label={{ value: b.label, position: 'insideRight', fontSize: 10, fill: '#6b7687' }}
          />
        ))}
        <CartesianGrid stroke="#e6e9ee" vertical={false} />
        <XAxis dataKey="x" type="number" domain={domain} scale="time" tickFormatter={dayText} tick={AXIS} />
        <YAxis domain={[0, 100]} ticks={[1, 5, 20, 45, 55, 80, 95, 99]} unit="%" width={44} tick={AXIS} />
        <Tooltip formatter={(value) => `${num(Number(value), 0)}%`} labelFormatter={(x) => dayText(Number(x))} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {analysts.map(([id, name], i) => (
          <Line
            key={id}
            data={points.filter((p) => p.analystId === id).map((p) => ({ x: dayNumber(p.day), y: p.percent }))}
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
      <EventToggle events={events} domain={domain} />
    </ChartFigure>
  );
}
