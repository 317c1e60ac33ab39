import { useEffect, useState, type CSSProperties } from 'react';
import { useChartWidth, useXAxisScale, useYAxisScale } from 'recharts';
import { TooltipFrame } from './chart-tooltip';
import { formatBucket, formatDay, formatPosition, truncate } from './format';
import { CHART_INK } from './palette';
import type { ChartBucket, ChartReading } from './stance-chart-data';

// The details of the reading or bucket pointed at in the stance chart (components/charts/stance-chart.tsx),
// and where they sit.

export type BucketUnit = 'day' | 'week' | 'month' | 'year';

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

export function TooltipBody({ item, actor, aggregationLabel, bucketUnit }: {
  item: ChartBucket | ChartReading;
  actor: string;
  aggregationLabel: string;
  bucketUnit: BucketUnit;
}) {
  if (item.kind === 'reading') {
    return (
      <TooltipFrame
        head={<><strong>{actor}</strong> · {formatPosition(item.position)} on {formatDay(item.date)}</>}
        rows={[
          { key: 'source', label: 'Source', value: item.source },
          { key: 'analyst', label: 'Analyst', value: item.analyst },
          { key: 'confidence', label: 'Confidence', value: item.confidence },
          { key: 'reliability', label: 'Reliability', value: item.reliability },
          { key: 'credibility', label: 'Credibility', value: item.credibility },
        ]}
      >
        <ReadingQuote id={item.id} />
      </TooltipFrame>
    );
  }
  return (
    <TooltipFrame
      head={<><strong>{actor}</strong> · {formatBucket(item.start, bucketUnit)}</>}
      rows={[
        { key: 'value', label: aggregationLabel, value: formatPosition(item.value) },
        { key: 'n', label: 'Readings', value: item.n },
        { key: 'mean', label: 'Mean / median', value: `${formatPosition(item.mean)} / ${formatPosition(item.median)}` },
        { key: 'range', label: 'Range', value: `${formatPosition(item.min)}–${formatPosition(item.max)}` },
        { key: 'sd', label: 'SD (sample)', value: formatPosition(item.sdSample) },
        { key: 'sources', label: 'Sources', value: item.sources },
      ]}
    />
  );
}

/**
 * Rendered inside the chart: turns the active point's data coordinates into pixels with the chart's
 * own scales, rings the point and reports where it is, so the HTML tooltip can sit next to it.
 */
export type PointPosition = { cx: number; cy: number; width: number };

export function ActivePointLayer({ x, y, onPosition }: { x: number | null; y: number | null; onPosition: (p: PointPosition | null) => void }) {
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
  return <circle className="chart-active-ring" cx={cx as number} cy={cy as number} r={9} fill="none" stroke={CHART_INK.strong} strokeWidth={2} pointerEvents="none" />;
}

/** Next to the point, on the side with more room. */
export function tooltipStyle({ cx, cy, width }: PointPosition): CSSProperties {
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
