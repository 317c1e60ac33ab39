'use client';

import { useEffect, useId, useMemo, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { Area, CartesianGrid, ComposedChart, Line, ReferenceLine, Scatter, Symbols, XAxis, YAxis, useChartWidth, useXAxisScale, useYAxisScale } from 'recharts';
import { formatBucket, formatDay, formatPosition, formatTick, spanDays, timeTicks, truncate } from './format';
import { markerPath, seriesStyle, type MarkerShape, type SeriesStyle } from './palette';
import type { Anchor, ChartBucket, ChartMark, ChartReading, ChartSeries } from './stance-chart-data';
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
  bucketUnit: 'day' | 'week' | 'month' | 'year';
  /** What the shaded band shows, or null for none. */
  bandLabel: string | null;
  /** Small multiples: shorter, no anchor labels inside the plot, no legend. */
  compact?: boolean;
}

const DAY = 86_400_000;

type Prepared = ChartSeries & { style: SeriesStyle };
type Active = { series: number; kind: 'reading' | 'bucket'; index: number };

function ShapeMarker({ cx, cy, shape, size, fill, stroke, strokeWidth, fillOpacity }: {
  cx?: number; cy?: number; shape: MarkerShape; size: number; fill: string; stroke: string; strokeWidth: number; fillOpacity: number;
}) {
  if (cx === undefined || cy === undefined || !Number.isFinite(cx) || !Number.isFinite(cy)) return null;
  return <Symbols cx={cx} cy={cy} type={shape} size={size} fill={fill} fillOpacity={fillOpacity} stroke={stroke} strokeWidth={strokeWidth} />;
}

// Quotes are not sent with the chart (it would carry every reading's text); each is fetched once, when
// its reading is first pointed at.
const quotes = new Map<string, string>();

function ReadingQuote({ id }: { id: string }) {
  const [loaded, setLoaded] = useState<{ id: string; quote: string } | null>(null);
  useEffect(() => {
    if (quotes.has(id)) return;
    let current = true;
    fetch(`/api/stance/readings/${id}`)
      .then((r) => (r.ok ? (r.json() as Promise<{ quote: string }>) : null))
      .then((d) => {
        if (!d) return;
        quotes.set(id, d.quote);
        if (current) setLoaded({ id, quote: d.quote });
      })
      .catch(() => {});
    return () => {
      current = false;
    };
  }, [id]);
  const quote = quotes.get(id) ?? (loaded?.id === id ? loaded.quote : null);
  return <p className="chart-tooltip-quote">{quote === null ? 'Loading the quote…' : `“${truncate(quote, 320)}”`}</p>;
}

function TooltipBody({ item, actor, aggregationLabel, bucketUnit }: {
  item: ChartBucket | ChartReading;
  actor: string;
  aggregationLabel: string;
  bucketUnit: StanceChartProps['bucketUnit'];
}) {
  if (item.kind === 'reading') {
    return (
      <>
        <div className="chart-tooltip-head">
          <strong>{actor}</strong> · {formatPosition(item.position)} on {formatDay(item.date)}
        </div>
        <dl>
          <dt>Source</dt><dd>{item.source}</dd>
          <dt>Analyst</dt><dd>{item.analyst}</dd>
          <dt>Confidence</dt><dd>{item.confidence}</dd>
          <dt>Reliability</dt><dd>{item.reliability}</dd>
          <dt>Credibility</dt><dd>{item.credibility}</dd>
        </dl>
        <ReadingQuote id={item.id} />
      </>
    );
  }
  return (
    <>
      <div className="chart-tooltip-head">
        <strong>{actor}</strong> · {formatBucket(item.start, bucketUnit)}
      </div>
      <dl>
        <dt>{aggregationLabel}</dt><dd>{formatPosition(item.value)}</dd>
        <dt>Readings</dt><dd>{item.n}</dd>
        <dt>Mean / median</dt><dd>{formatPosition(item.mean)} / {formatPosition(item.median)}</dd>
        <dt>Range</dt><dd>{formatPosition(item.min)}–{formatPosition(item.max)}</dd>
        <dt>SD (sample)</dt><dd>{formatPosition(item.sdSample)}</dd>
        <dt>Sources</dt><dd>{item.sources}</dd>
      </dl>
    </>
  );
}

/**
 * Rendered inside the chart: turns the active point's data coordinates into pixels with the chart's
 * own scales, rings the point and reports where it is, so the HTML tooltip can sit next to it.
 */
type PointPosition = { cx: number; cy: number; width: number };

function ActivePointLayer({ x, y, onPosition }: { x: number | null; y: number | null; onPosition: (p: PointPosition | null) => void }) {
  const xScale = useXAxisScale();
  const yScale = useYAxisScale();
  const width = useChartWidth() ?? 0;
  const cx = x !== null && xScale ? xScale(x) : undefined;
  const cy = y !== null && yScale ? yScale(y) : undefined;
  const ok = typeof cx === 'number' && typeof cy === 'number' && Number.isFinite(cx) && Number.isFinite(cy);
  useEffect(() => {
    onPosition(ok ? { cx: cx as number, cy: cy as number, width } : null);
  }, [ok, cx, cy, width, onPosition]);
  if (!ok) return null;
  return <circle className="chart-active-ring" cx={cx as number} cy={cy as number} r={9} fill="none" stroke="#1b2430" strokeWidth={2} pointerEvents="none" />;
}

/** Next to the point, on the side with more room. */
function tooltipStyle({ cx, cy, width }: PointPosition): CSSProperties {
  const right = cx < width * 0.55;
  return {
    position: 'absolute',
    top: Math.max(0, cy - 24),
    left: right ? cx + 16 : undefined,
    right: right ? undefined : Math.max(0, width - cx + 16),
    pointerEvents: 'none',
    zIndex: 5,
  };
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
  const [active, setActive] = useState<Active | null>(null);
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

  // Keyboard: the chart is one tab stop. Left/right walk an actor's readings in date order, up/down
  // move to the next actor's reading nearest in time, Home/End jump to the first/last, Escape closes.
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const order = prepared.map((s, i) => (s.readings.length ? i : -1)).filter((i) => i >= 0);
    if (!order.length) return;
    const current: Active = active?.kind === 'reading' ? active : { series: order[0]!, kind: 'reading', index: -1 };
    const last = (prepared[current.series]?.readings.length ?? 1) - 1;
    let next: Active;
    switch (event.key) {
      case 'ArrowRight':
        next = { ...current, index: Math.min(last, current.index + 1) };
        break;
      case 'ArrowLeft':
        next = { ...current, index: Math.max(0, current.index - 1) };
        break;
      case 'Home':
        next = { ...current, index: 0 };
        break;
      case 'End':
        next = { ...current, index: last };
        break;
      case 'ArrowDown':
      case 'ArrowUp': {
        const at = Math.max(0, order.indexOf(current.series));
        const target = order[(at + (event.key === 'ArrowDown' ? 1 : order.length - 1)) % order.length]!;
        const readings = prepared[target]!.readings;
        const x = activeItem?.x ?? readings[0]!.x;
        let best = 0;
        readings.forEach((r, k) => {
          if (Math.abs(r.x - x) < Math.abs(readings[best]!.x - x)) best = k;
        });
        next = { series: target, kind: 'reading', index: best };
        break;
      }
      case 'Escape':
        setActive(null);
        return;
      default:
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
        <CartesianGrid stroke="#eef1f5" vertical={false} />
        <XAxis
          dataKey="x"
          type="number"
          scale="time"
          domain={domain}
          allowDataOverflow
          tickFormatter={(v: number) => formatTick(v, span)}
          tick={{ fontSize: 11, fill: '#4a5566' }}
          ticks={timeTicks(domain[0], domain[1], compact ? 4 : 9)}
          interval="preserveStartEnd"
          stroke="#c4ccd7"
          name="Stance date"
          label={compact ? undefined : { value: 'Stance date (when the position held)', position: 'insideBottom', offset: -2, fontSize: 11, fill: '#6b7687' }}
          height={compact ? 24 : 40}
        />
        <YAxis
          type="number"
          domain={[0, 100]}
          ticks={anchors.map((a) => a.value)}
          allowDataOverflow
          tick={{ fontSize: 11, fill: '#4a5566' }}
          width={compact ? 30 : 48}
          stroke="#c4ccd7"
          name="Position"
          label={compact ? undefined : { value: 'Position (0–100)', angle: -90, position: 'insideLeft', offset: 10, fontSize: 11, fill: '#6b7687' }}
        />
        {anchors.map((a) => (
          <ReferenceLine
            key={`anchor-${a.value}`}
            y={a.value}
            stroke="#d5dbe3"
            strokeDasharray="3 3"
            label={compact ? undefined : { value: `${a.value} · ${truncate(a.label, 80)}`, position: 'insideBottomLeft', fontSize: 11, fill: '#6b7687' }}
          />
        ))}
        {marks.map((m) => (
          <ReferenceLine
            key={`mark-${m.x}`}
            x={m.x}
            stroke="#1b2430"
            strokeWidth={1.5}
            strokeDasharray="6 3"
            label={{ value: m.label, position: 'insideBottomRight', fontSize: 12, fill: '#1b2430', fontWeight: 600 }}
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
              <ShapeMarker cx={props.cx} cy={props.cy} shape={s.style.shape} size={compact ? 40 : 80} fill={s.style.color} fillOpacity={1} stroke="#ffffff" strokeWidth={1.5} />
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

function LegendSample({ color, dash, shape, hollow = false }: { color: string; dash?: string; shape: MarkerShape; hollow?: boolean }) {
  return (
    <svg width={hollow ? 16 : 34} height="14" viewBox={hollow ? '-8 -7 16 14' : '-17 -7 34 14'} aria-hidden="true" focusable="false">
      {!hollow && <line x1="-16" x2="16" y1="0" y2="0" stroke={color} strokeWidth="2.5" strokeDasharray={dash} />}
      <path d={markerPath(shape, hollow ? 4.5 : 5)} fill={color} fillOpacity={hollow ? 0.18 : 1} stroke={hollow ? color : '#fff'} strokeWidth={hollow ? 1.25 : 1.5} />
    </svg>
  );
}

function StanceLegend({ series, aggregationLabel, bucketUnit, bandLabel }: {
  series: Prepared[];
  aggregationLabel: string;
  bucketUnit: StanceChartProps['bucketUnit'];
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
