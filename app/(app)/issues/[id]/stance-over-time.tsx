import Link from '@/components/ui/link';
import type { Ctx } from '@/lib/auth/context';
import { currentPositionDefinition, currentPositions } from '@/lib/stance/current-position';
import { formatReadingsCursor, stanceReadings, type ReadingsCursor } from '@/lib/stance/readings';
import { stanceSeries } from '@/lib/stance/series';
import { type Anchor } from '@/lib/stance/types';
import { aggregationLabel, stanceFiltersQuery, type StanceFilters } from '@/lib/stance/schema';
import { MAX_READINGS_PER_CHART } from '@/lib/stance/weights';
import { timelineEvents } from '@/lib/events/queries';
import { ChartFrame } from '@/components/charts/chart-frame';
import { formatPosition } from '@/components/charts/format';
import { LazyStanceChart } from '@/components/charts/lazy-stance-chart';
import { toChartMarks, toChartSeries } from '@/components/charts/stance-chart-data';
import { weightsText } from '@/components/charts/stance-filters';
import { ReadingsTable, SeriesTable } from '@/components/charts/stance-tables';

/** Readings per page of the table view (every reading is there, page by page, and in the CSV). */
const READINGS_PAGE = 100;
/** Above this many line points in all, the lines' table view is left to the CSV (the page stays small). */
const MAX_LINE_TABLE_ROWS = 400;

/**
 * The issue's stance chart with its description, table view, CSV and image downloads: on the issue page,
 * and (`brief`) on the printable issue brief, where the paged readings table and the links are left out.
 */
export async function StanceOverTime({ ctx, issueId, anchors, filters, filtersText, query, after, brief = false }: {
  ctx: Ctx; issueId: string; anchors: Anchor[]; filters: StanceFilters; filtersText: string; query: string; after: ReadingsCursor | undefined; brief?: boolean;
}) {
  const [result, current, readings, events] = await Promise.all([
    stanceSeries(ctx, issueId, filters),
    currentPositions(ctx, { issueId, origins: filters.origins }),
    brief ? null : stanceReadings(ctx, issueId, filters, { limit: READINGS_PAGE, after }),
    timelineEvents(ctx, [issueId]),
  ]);
  const pageHref = (cursor: ReadingsCursor | null) =>
    `/issues/${issueId}?${[query, cursor ? `after=${formatReadingsCursor(cursor)}` : ''].filter(Boolean).join('&')}#stance-over-time`;
  const lineRows = result.series.reduce((n, s) => n + s.buckets.length, 0);
  const agg = aggregationLabel(filters);
  const unit = result.bucketUnit;
  const bandLabel =
    filters.band === 'range' ? `lowest to highest reading in the ${unit}` : filters.band === 'sd' ? `mean ± 1 sample standard deviation of the readings in the ${unit}` : null;
  const chartSeries = toChartSeries(result.series, result.sources, { unit, band: filters.band });
  const thinned = result.series.filter((s) => s.thinned);
  const coarsened = filters.bucket !== 'auto' && filters.bucket !== unit;
  const low = anchors[0];
  const high = anchors[anchors.length - 1];
  const drawn = new Set(result.series.map((s) => s.actorId));
  const latest = current
    .filter((p) => drawn.has(p.actorId))
    .map((p) => `${p.actorName} ${formatPosition(p.position)}`)
    .join('; ');
  const description =
    `Position of each actor (0 = ${low?.label ?? 'low end'}, 100 = ${high?.label ?? 'high end'}) by stance date: ` +
    `each line is the ${agg.toLowerCase()} of the readings per ${unit}; hollow markers are individual readings from each source` +
    (bandLabel ? `; the shaded band runs from ${bandLabel}` : '') +
    (latest ? `. Where each actor stands now: ${latest}.` : '.');
  const base = `/api/stance/issues/${issueId}/export`;
  const withQuery = (table: string) => `${base}?${stanceFiltersQuery(filters, { table })}`;

  return (
    <ChartFrame
      id="stance-over-time"
      title="Stance over time"
      description={description}
      csvHref={withQuery('series')}
      csvLabel="Lines (CSV)"
      exportChart={{ filters: filtersText || undefined }}
      extraLinks={<a className="btn btn-small" href={withQuery('readings')} download>All readings (CSV)</a>}
      table={
        result.series.length > 0 && (
          <>
            <h3>Lines: {agg.toLowerCase()} per {unit}</h3>
            {lineRows <= MAX_LINE_TABLE_ROWS ? (
              <SeriesTable series={result.series} unit={unit} aggregationLabel={agg} sources={result.sources} />
            ) : (
              <p className="muted">{lineRows.toLocaleString('en')} line points: download them as “Lines (CSV)” above.</p>
            )}
            {readings && (
              <>
                <h3 id="readings">Readings{after ? ' (continued)' : ''}</h3>
                <ReadingsTable rows={readings.rows} nextHref={readings.next ? pageHref(readings.next) : null} firstHref={after ? pageHref(null) : null} />
              </>
            )}
          </>
        )
      }
    >
      <LazyStanceChart
        title={`Stance over time: ${result.series.map((s) => s.actorName).join(', ') || 'no readings'}`}
        description={description}
        anchors={anchors}
        series={chartSeries}
        marks={toChartMarks(filters.marks)}
        events={events}
        aggregationLabel={agg}
        bucketUnit={unit}
        bandLabel={bandLabel}
      />
      {!brief && result.series.length > 0 && (
        <nav className="compare-links" aria-label="Compare sources">
          <span className="muted">Compare sources:</span>
          {result.series.map((s) => (
            <Link key={s.actorId} href={`/issues/${issueId}/compare?actor=${s.actorId}`}>{s.actorName}</Link>
          ))}
        </nav>
      )}
      <div className="chart-notes">
        {latest && (
          <p>
            Where each actor stands now: {currentPositionDefinition()}
            {filters.origins === 'all' ? ' With “Count every source whole” on, every source keeps its whole weight here.' : ''}
          </p>
        )}
        {filters.weighted && <p>Weighted: {weightsText()}.</p>}
        {coarsened && (
          <p>
            Grouped by {unit} rather than {filters.bucket}: {filters.bucket} buckets would give a line more points than a chart can show.
          </p>
        )}
        {thinned.length > 0 && (
          <p>
            Readings thinned for {thinned.map((s) => s.actorName).join(', ')}: at most {MAX_READINGS_PER_CHART.toLocaleString('en')} markers are drawn in all, shared
            by the actors (for each, the first, last, lowest and highest of equal time slices). Lines use every reading; the table below and the CSV have them all.
            Choose a shorter date range to see finer buckets and more of its readings.
          </p>
        )}
        {query && !brief && (
          <p>
            <Link href={`/issues/${issueId}`}>Clear the filters</Link>
          </p>
        )}
      </div>
    </ChartFrame>
  );
}
