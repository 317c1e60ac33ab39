// Turns lib/stance results into the plain, serialisable props of <StanceChart>. Runs on the server,
// so the client component gets ready-made data (numbers for the axes, labels for the tooltips).
import type { Anchor, StanceBucket, StanceSeries, StanceSource } from '@/lib/stance/types';
import type { Band, BucketUnit } from '@/lib/stance/schema';
import { CONFIDENCE_LABELS, CREDIBILITY_LABELS } from '@/lib/assessments/schema';
import { RELIABILITY_LABELS } from '@/lib/sources/schema';
import { dayMs, formatDay } from './format';

export interface ChartBucket {
  kind: 'bucket';
  x: number;
  value: number;
  band: [number, number] | null;
  start: string;
  end: string;
  n: number;
  mean: number;
  median: number;
  sdSample: number | null;
  min: number;
  max: number;
  sources: string;
}

export interface ChartReading {
  kind: 'reading';
  /** The assessment; its quote is fetched when the reading is pointed at (GET /api/stance/readings/:id). */
  id: string;
  x: number;
  position: number;
  date: string;
  source: string;
  analyst: string;
  confidence: string;
  reliability: string;
  credibility: string;
}

export interface ChartSeries {
  key: string;
  name: string;
  /** Index into the palette: the actor's own style, the same in every chart (lib/stance actorStyleIndexes). */
  styleIndex: number;
  total: number;
  shown: number;
  buckets: ChartBucket[];
  readings: ChartReading[];
}

export interface ChartMark {
  x: number;
  label: string;
}

export function sourceLabel(source: Pick<StanceSource, 'title' | 'outlet'> | undefined): string {
  if (!source) return 'Unknown source';
  return source.outlet && !source.title.startsWith(source.outlet) ? `${source.outlet}: ${source.title}` : source.title;
}

/** The sources of a bucket by outlet, "and N more" when the chart was sent only some of them. */
export function bucketSources(b: Pick<StanceBucket, 'sourceIds' | 'sourceCount'>, sources: Record<string, StanceSource>): string {
  const names = b.sourceIds.map((id) => sources[id]?.outlet ?? 'Unknown source').join('; ');
  const more = b.sourceCount - b.sourceIds.length;
  return more > 0 ? `${names} and ${more} more` : names;
}

function bucketX(b: StanceBucket, unit: BucketUnit): number {
  // A day sits on its date; longer buckets at their middle, among the readings they summarise.
  return unit === 'day' ? dayMs(b.start) : (dayMs(b.start) + dayMs(b.end) - 86_400_000) / 2;
}

function bandOf(b: StanceBucket, band: Band): [number, number] | null {
  if (band === 'range') return [b.min, b.max];
  if (band === 'sd') {
    if (b.sdSample === null) return null;
    return [Math.max(0, b.mean - b.sdSample), Math.min(100, b.mean + b.sdSample)];
  }
  return null;
}

export function toChartSeries(
  series: StanceSeries[],
  sources: Record<string, StanceSource>,
  { unit, band }: { unit: BucketUnit; band: Band },
): ChartSeries[] {
  return series.map((s) => ({
    key: s.actorId,
    name: s.actorName,
    styleIndex: s.styleIndex,
    total: s.total,
    shown: s.shown,
    buckets: s.buckets.map((b) => ({
      kind: 'bucket' as const,
      x: bucketX(b, unit),
      value: b.value,
      band: bandOf(b, band),
      start: b.start,
      end: b.end,
      n: b.n,
      mean: b.mean,
      median: b.median,
      sdSample: b.sdSample,
      min: b.min,
      max: b.max,
      sources: bucketSources(b, sources),
    })),
    readings: s.readings.map((r) => ({
      kind: 'reading' as const,
      id: r.id,
      x: dayMs(r.date),
      position: r.position,
      date: r.date,
      source: sourceLabel(sources[r.sourceId]),
      analyst: r.analyst ?? 'Unknown analyst',
      confidence: CONFIDENCE_LABELS[r.confidence],
      reliability: RELIABILITY_LABELS[r.reliability],
      credibility: CREDIBILITY_LABELS[r.credibility] ?? String(r.credibility),
    })),
  }));
}

export function toChartMarks(marks: string[]): ChartMark[] {
  return marks.map((m) => ({ x: dayMs(m), label: formatDay(m) }));
}

export type { Anchor };
