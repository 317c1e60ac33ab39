'use client';

import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { Area, CartesianGrid, ComposedChart, Line, ReferenceLine, Scatter, Symbols, XAxis, YAxis } from 'recharts';
import { AXIS_TICK, scaleAxis } from './axes';
import { formatTick, spanDays, timeTicks, truncate } from './format';
import { CHART_INK, seriesStyle, type MarkerShape, type SeriesStyle } from './palette';
import type { Anchor, ChartMark, ChartSeries } from './stance-chart-data';
import { keyboardStep, type ActivePoint } from './stance-chart-keys';
import { StanceLegend } from './stance-chart-legend';
import { ActivePointLayer, TooltipBody, tooltipStyle, type BucketUnit, type PointPosition } from './stance-chart-tooltip';
import type { TimelineEvent } from '@/lib/events/timeline';
import { EventLines, EventToggle } from './event-lines';

export interface StanceChartProps {
  /** Text title and description: read by screen readers (and the description is shown by the page). */
  title: string;
  description: string;
  anchors: Anchor[];
  series: ChartSeries[];
  marks?: ChartMark[];
  /** Recorded events (lib/events), drawn where they fall inside the chart's dates. */
  events?: TimelineEvent[];
  /** "Mean", "Weighted median", … */
  aggregationLabel: string;
  bucketUnit: BucketUnit;
  /** What the shaded band shows, or null for none. */
  bandLabel: string | null;
  /** Small multiples: shorter, no anchor labels inside the plot, no legend. */
  compact?: boolean;
}

const DAY = 86_400_000;

type Prepared = ChartSeries & { style: SeriesStyle };

function ShapeMarker({ cx, cy, shape, size, fill, stroke, strokeWidth, fillOpacity }: {
  cx?: number; cy?: number; shape: MarkerShape; size: number; fill: string; stroke: string; strokeWidth: number; fillOpacity: number;
}) {
  if (cx === undefined || cy === undefined || !Number.isFinite(cx) || !Number.isFinite(cy)) return null;
  return <Symbols cx={cx} cy={cy} type={shape} size={size} fill={fill} fillOpacity={fillOpacity} stroke={stroke} strokeWidth={strokeWidth} />;
}

/**
 * Stance over time: one line per actor (the bucket aggregate), each source's readings as hollow
 * markers, a shaded band for their spread. Hovering a marker, or moving with the arrow keys once the
 * chart has focus, shows that reading (source, analyst, confidence, reliability, quote) or bucket.
 */
export function StanceChart({
  title,
  description,
  anchors,
  series,
  marks = [],
  events = [],
  aggregationLabel,
  bucketUnit,
  bandLabel,
  compact = false,
}: StanceChartProps) {
  const descId = useId();
  const helpId = useId();
  const [active, setActive] = useState<ActivePoint | null>(null);
  const [position, setPosition] = useState<PointPosition | null>(null);
  const prepared: Prepared[] = useMemo(() => series.map((s) => ({ ...s, style: seriesStyle(s.styleIndex) })), [series]);

  const activeSeries = active ? prepared[active.series] : undefined;
  const activeItem = active && activeSeries ? (active.kind === 'reading' ? activeSeries.readings : activeSeries.buckets)[active.index] : undefined;
  const activeY = activeItem ? (activeItem.kind === 'reading' ? activeItem.position : activeItem.value) : null;

  const xs = series.flatMap((s) => [...s.buckets.map((b) => b.x), ...s.readings.map((r) => r.x)]).concat(marks.map((m) => m.x));
  const minX = xs.length ? Math.min(...xs) : Date.UTC(2020, 0, 1);
  const maxX = xs.length ? Math.max(...xs) : Date.UTC(2021, 0, 1);
  const pad = Math.max(DAY, (maxX - minX) * 0.03);
  const domain: [number, number] = [minX - pad, maxX + pad];
  const span = spanDays(domain[0], domain[1]);
  const height = compact ? 200 : 440;

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const next = keyboardStep(prepared, active, activeItem?.x, event.key);
    if (next === undefined) return;
    if (next === null) {
      setActive(null);
      return;
    }
    event.preventDefault();
    setActive(next);
  }

  if (series.length === 0) {
    return <p className="muted">No readings match these filters.</p>;
  }

  return (
    <div
      className={compact ? 'stance-chart compact has-events' : 'stance-chart has-events'}
      tabIndex={0}
      role="group"
      aria-label={title}
      aria-describedby={`${descId} ${helpId}`}
      onKeyDown={onKeyDown}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setActive(null);
      }}
    >
      <p id={descId} className="chart-sr-only">{description}</p>
      <p id={helpId} className="chart-sr-only">
        Left and right arrow keys: previous and next reading of an actor. Up and down: another actor. Escape: close the details.
      </p>
      <ComposedChart
        responsive
        style={{ width: '100%', height }}
        margin={compact ? { top: 8, right: 12, bottom: 4, left: 0 } : { top: 14, right: 24, bottom: 8, left: 4 }}
        title={title}
        desc={description}
        // Keyboard access is the wrapper's (above); recharts' own layer drives its axis tooltip, not used here.
        accessibilityLayer={false}
      >
        <CartesianGrid stroke={CHART_INK.gridFaint} vertical={false} />
        <XAxis
          dataKey="x"
          type="number"
          scale="time"
          domain={domain}
          allowDataOverflow
          tickFormatter={(v: number) => formatTick(v, span)}
          tick={AXIS_TICK}
          ticks={timeTicks(domain[0], domain[1], compact ? 4 : 9)}
          interval="preserveStartEnd"
          stroke={CHART_INK.axisLine}
          name="Stance date"
          label={compact ? undefined : { value: 'Stance date (when the position held)', position: 'insideBottom', offset: -2, fontSize: 11, fill: CHART_INK.label }}
          height={compact ? 24 : 40}
        />
        <YAxis
          type="number"
          domain={[0, 100]}
          ticks={scaleAxis(anchors).ticks}
          allowDataOverflow
          tick={AXIS_TICK}
          width={compact ? 30 : 48}
          stroke={CHART_INK.axisLine}
          name="Position"
          label={compact ? undefined : { value: 'Position (0–100)', angle: -90, position: 'insideLeft', offset: 10, fontSize: 11, fill: CHART_INK.label }}
        />
        {anchors.map((a) => (
          <ReferenceLine
            key={`anchor-${a.value}`}
            y={a.value}
            stroke={CHART_INK.anchorLine}
            strokeDasharray="3 3"
            label={compact ? undefined : { value: `${a.value} · ${truncate(a.label, 80)}`, position: 'insideBottomLeft', fontSize: 11, fill: CHART_INK.label }}
          />
        ))}
        {marks.map((m) => (
          <ReferenceLine
            key={`mark-${m.x}`}
            x={m.x}
            stroke={CHART_INK.strong}
            strokeWidth={1.5}
            strokeDasharray="6 3"
            label={{ value: m.label, position: 'insideBottomRight', fontSize: 12, fill: CHART_INK.strong, fontWeight: 600 }}
          />
        ))}
        <EventLines events={events} domain={domain} compact={compact} />
        {bandLabel &&
          prepared.map((s) => (
            <Area
              key={`band-${s.key}`}
              data={s.buckets}
              dataKey="band"
              name={`${s.name}: ${bandLabel}`}
              fill={s.style.color}
              fillOpacity={0.12}
              stroke="none"
              isAnimationActive={false}
              activeDot={false}
              legendType="none"
            />
          ))}
        {prepared.map((s) => (
          <Line
            key={`line-${s.key}`}
            data={s.buckets}
            dataKey="value"
            name={`${s.name}: ${aggregationLabel}`}
            stroke={s.style.color}
            strokeWidth={compact ? 2 : 2.5}
            strokeDasharray={s.style.dash}
            dot={false}
            activeDot={false}
            isAnimationActive={false}
          />
        ))}
        {prepared.map((s, i) => (
          <Scatter
            key={`readings-${s.key}`}
            data={s.readings}
            dataKey="position"
            name={`${s.name}: readings`}
            isAnimationActive={false}
            onMouseEnter={(_point: unknown, index: number) => setActive({ series: i, kind: 'reading', index })}
            onMouseLeave={() => setActive(null)}
            shape={(props: { cx?: number; cy?: number }) => (
              <ShapeMarker cx={props.cx} cy={props.cy} shape={s.style.shape} size={compact ? 28 : 48} fill={s.style.color} fillOpacity={0.18} stroke={s.style.color} strokeWidth={1.25} />
            )}
          />
        ))}
        {prepared.map((s, i) => (
          <Scatter
            key={`buckets-${s.key}`}
            data={s.buckets}
            dataKey="value"
            name={`${s.name}: ${aggregationLabel}`}
            isAnimationActive={false}
            onMouseEnter={(_point: unknown, index: number) => setActive({ series: i, kind: 'bucket', index })}
            onMouseLeave={() => setActive(null)}
            shape={(props: { cx?: number; cy?: number }) => (
              <ShapeMarker cx={props.cx} cy={props.cy} shape={s.style.shape} size={compact ? 40 : 80} fill={s.style.color} fillOpacity={1} stroke={CHART_INK.background} strokeWidth={1.5} />
            )}
          />
        ))}
        <ActivePointLayer x={activeItem?.x ?? null} y={activeY} onPosition={setPosition} />
      </ComposedChart>
      <div
        className="chart-tooltip"
        role="status"
        aria-live="polite"
        hidden={!activeItem || !position}
        style={position ? tooltipStyle(position) : undefined}
      >
        {activeItem && activeSeries && <TooltipBody item={activeItem} actor={activeSeries.name} aggregationLabel={aggregationLabel} bucketUnit={bucketUnit} />}
      </div>
      {!compact && <StanceLegend series={prepared} aggregationLabel={aggregationLabel} bucketUnit={bucketUnit} bandLabel={bandLabel} />}
      <EventToggle events={events} domain={domain} />
    </div>
  );
}
