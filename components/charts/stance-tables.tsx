import type { StanceSeries, StanceSource } from '@/lib/stance/types';
import type { stanceReadings } from '@/lib/stance/readings';
import type { BucketUnit } from '@/lib/stance/schema';
import { CONFIDENCE_LABELS, CREDIBILITY_LABELS } from '@/lib/assessments/schema';
import { RELIABILITY_LABELS } from '@/lib/sources/schema';
import { formatBucket, formatDay, formatPosition } from './format';
import { bucketSources, sourceLabel } from './stance-chart-data';

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
              <td className="small">{bucketSources(b, sources)}</td>
            </tr>
          )),
        )}
      </tbody>
    </table>
  );
}

type ReadingRow = Awaited<ReturnType<typeof stanceReadings>>['rows'][number];

/**
 * One page of the readings that match the filters, every one (not only those drawn), oldest first, with
 * a link to the next page (keyset: any page costs the same). `nextHref` is null on the last page.
 */
export function ReadingsTable({ rows, nextHref, firstHref }: { rows: ReadingRow[]; nextHref: string | null; firstHref: string | null }) {
  return (
    <>
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
              <td>{r.actor}</td>
              <td className="num">{formatPosition(r.position)}</td>
              <td className="small">{sourceLabel({ title: r.source_title, outlet: r.source_outlet })}</td>
              <td>{r.analyst ?? 'Unknown'}</td>
              <td>{CONFIDENCE_LABELS[r.confidence]}</td>
              <td>{RELIABILITY_LABELS[r.reliability]}</td>
              <td>{CREDIBILITY_LABELS[r.credibility] ?? r.credibility}</td>
              <td className="quote-cell">{r.quote}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {(nextHref || firstHref) && (
        <p className="row" style={{ gap: 12 }}>
          {firstHref && <a href={firstHref}>First readings</a>}
          {nextHref && <a href={nextHref}>Next {rows.length} readings</a>}
        </p>
      )}
    </>
  );
}
