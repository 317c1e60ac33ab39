import type { StanceSeries, StanceSource } from '@/lib/stance/queries';
import type { BucketUnit } from '@/lib/stance/schema';
import { CONFIDENCE_LABELS, CREDIBILITY_LABELS, RELIABILITY_LABELS } from '@/lib/stance/weights';
import { formatBucket, formatDay, formatPosition } from './format';
import { sourceLabel } from './stance-chart-data';

/** The lines of the stance chart as a table: one row per actor and bucket. */
export function SeriesTable({ series, unit, aggregationLabel, sources }: { series: StanceSeries[]; unit: BucketUnit; aggregationLabel: string; sources: Record<string, StanceSource> }) {
  return (
    <table className="data" data-table="stance-series">
      <caption className="chart-sr-only">{aggregationLabel} position per actor and {unit}</caption>
      <thead>
        <tr>
          <th>Actor</th>
          <th>{unit === 'day' ? 'Day' : unit[0]!.toUpperCase() + unit.slice(1)}</th>
          <th className="num">{aggregationLabel}</th>
          <th className="num">Readings</th>
          <th className="num">Mean</th>
          <th className="num">Median</th>
          <th className="num">SD (sample)</th>
          <th className="num">Min–max</th>
          <th>Sources</th>
        </tr>
      </thead>
      <tbody>
        {series.flatMap((s) =>
          s.buckets.map((b) => (
            <tr key={`${s.actorId}-${b.start}`}>
              <td>{s.actorName}</td>
              <td>{formatBucket(b.start, unit)}</td>
              <td className="num"><strong>{formatPosition(b.value)}</strong></td>
              <td className="num">{b.n}</td>
              <td className="num">{formatPosition(b.mean)}</td>
              <td className="num">{formatPosition(b.median)}</td>
              <td className="num">{formatPosition(b.sdSample)}</td>
              <td className="num">{formatPosition(b.min)}–{formatPosition(b.max)}</td>
              <td className="small">{b.sourceIds.map((id) => sources[id]?.outlet ?? 'Unknown').join('; ')}</td>
            </tr>
          )),
        )}
      </tbody>
    </table>
  );
}

/** The individual readings drawn on the chart (after thinning), one row each. */
export function ReadingsTable({ series, sources }: { series: StanceSeries[]; sources: Record<string, StanceSource> }) {
  const rows = series
    .flatMap((s) => s.readings.map((r) => ({ ...r, actorName: s.actorName })))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.actorName.localeCompare(b.actorName)));
  return (
    <table className="data" data-table="stance-readings">
      <caption className="chart-sr-only">Readings by actor, source and stance date</caption>
      <thead>
        <tr>
          <th>Stance date</th>
          <th>Actor</th>
          <th className="num">Position</th>
          <th>Source</th>
          <th>Analyst</th>
          <th>Confidence</th>
          <th>Reliability</th>
          <th>Credibility</th>
          <th>Quote</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} data-reading-id={r.id}>
            <td>{formatDay(r.date)}</td>
            <td>{r.actorName}</td>
            <td className="num">{formatPosition(r.position)}</td>
            <td className="small">{sourceLabel(sources[r.sourceId])}</td>
            <td>{r.analyst ?? 'Unknown'}</td>
            <td>{CONFIDENCE_LABELS[r.confidence]}</td>
            <td>{RELIABILITY_LABELS[r.reliability]}</td>
            <td>{CREDIBILITY_LABELS[r.credibility] ?? r.credibility}</td>
            <td className="quote-cell">{r.quote}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
