import '@/app/charts.css';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { requirePageContext } from '@/lib/auth/request';
import { roleCan } from '@/lib/auth/permissions';
import type { Ctx } from '@/lib/auth/context';
import { findOrNull } from '@/lib/records/find-or-null';
import { currentPositionDefinition, currentPositions } from '@/lib/stance/current-position';
import { formatReadingsCursor, parseReadingsCursor, stanceIssue, stanceReadings, stanceSeries, type Anchor, type ReadingsCursor } from '@/lib/stance/queries';
import { aggregationLabel, describeFilters, parseStanceFilters, stanceFiltersQuery, type StanceFilters } from '@/lib/stance/schema';
import { MAX_READINGS_PER_CHART } from '@/lib/stance/weights';
import { RecordActionButton } from '@/components/records/record-actions';
import { ChartFrame } from '@/components/charts/chart-frame';
import { formatDay, formatPosition } from '@/components/charts/format';
import { LazyStanceChart } from '@/components/charts/lazy-stance-chart';
import { toChartMarks, toChartSeries } from '@/components/charts/stance-chart-data';
import { StanceFilterForm, weightsText } from '@/components/charts/stance-filters';
import { ReadingsTable, SeriesTable } from '@/components/charts/stance-tables';
import { ChartSkeleton } from '@/components/charts/skeletons';
import { timelineEvents } from '@/lib/events/queries';
import { restoreIssueAction } from '../actions';
import { watchOf } from '@/lib/notifications/queries';
import { WatchForm } from '@/components/notifications/watch-form';
import { removeWatchAction, saveWatchAction } from '../../notifications/actions';

export const metadata: Metadata = { title: 'Stance over time' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function IssuePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: SearchParams }) {
  const ctx = await requirePageContext();
  const { id } = await params;
  const data = await findOrNull(stanceIssue(ctx, id));
  if (!data) notFound();
  const { issue, actors, sources } = data;
  const search = await searchParams;
  const filters = parseStanceFilters(search);
  const after = parseReadingsCursor(search.after);
  const canWrite = roleCan(ctx.role, 'records:write');
  const query = stanceFiltersQuery(filters);
  const applied = describeFilters(filters, { actors, sources });
  const watch = await watchOf(ctx, { issueId: issue.id });

  return (
    <>
      <div className="breadcrumbs"><Link href="/issues">Issues</Link> /</div>
      <div className="page-head">
        <div>
          <h1>{issue.title}</h1>
          {issue.description && <div className="sub" style={{ maxWidth: 900 }}>{issue.description}</div>}
        </div>
        {!issue.deletedAt && (
          <div className="actions" style={{ flexShrink: 0 }}>
            {canWrite && <Link className="btn btn-primary" href={`/assessments/new?issueId=${issue.id}`}>Record an assessment</Link>}
            {canWrite && <Link className="btn" href={`/events/new?issue=${issue.id}`} prefetch={false}>Record an event</Link>}
            {canWrite && <Link className="btn" href={`/issues/${issue.id}/edit`}>Edit issue</Link>}
            <Link className="btn" href={`/scenarios?issue=${issue.id}`}>Scenarios</Link>
          </div>
        )}
      </div>

      {issue.deletedAt ? (
        <div className="notice notice-warn row" style={{ justifyContent: 'space-between' }}>
          <span>This issue was deleted on {formatDay(issue.deletedAt.toISOString())}; its readings are hidden from the dashboard until it is restored.</span>
          {roleCan(ctx.role, 'records:restore') && <RecordActionButton action={restoreIssueAction} id={issue.id} label="Restore" className="btn" />}
        </div>
      ) : (
        <>
          <div className="panel">
            <details>
              <summary className="label" style={{ cursor: 'pointer' }}>
                Filters{applied.length ? ': ' : ''}
                {applied.length > 0 && <span className="muted" style={{ fontWeight: 400 }}>{applied.join(' · ')}</span>}
              </summary>
              <div style={{ marginTop: 10 }}>
                <StanceFilterForm action={`/issues/${issue.id}`} filters={filters} actors={actors} sources={sources} />
              </div>
            </details>
          </div>
          <div className="panel">
            <Suspense key={`${query}|${search.after ?? ''}`} fallback={<ChartSkeleton title="Stance over time" />}>
              <StanceOverTime ctx={ctx} issueId={issue.id} anchors={issue.anchors} filters={filters} query={query} after={after} />
            </Suspense>
          </div>
          <div className="panel">
            <h2>The scale</h2>
            <ol className="scale-key" aria-label="Anchor points of the position scale">
              {issue.anchors.map((a) => (
                <li key={a.value}><b>{a.value}</b> {a.label}</li>
              ))}
            </ol>
          </div>
          <WatchForm target={{ issueId: issue.id }} watch={watch} saveAction={saveWatchAction} removeAction={removeWatchAction} />
        </>
      )}
    </>
  );
}

/** Readings per page of the table view (every reading is there, page by page, and in the CSV). */
const READINGS_PAGE = 100;
/** Above this many line points in all, the lines' table view is left to the CSV (the page stays small). */
const MAX_LINE_TABLE_ROWS = 400;

async function StanceOverTime({ ctx, issueId, anchors, filters, query, after }: {
  ctx: Ctx; issueId: string; anchors: Anchor[]; filters: StanceFilters; query: string; after: ReadingsCursor | undefined;
}) {
  const [result, current, readings] = await Promise.all([
    stanceSeries(ctx, issueId, filters),
    currentPositions(ctx, { issueId }),
    stanceReadings(ctx, issueId, filters, { limit: READINGS_PAGE, after }),
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
            <h3 id="readings">Readings{after ? ' (continued)' : ''}</h3>
            <ReadingsTable rows={readings.rows} nextHref={readings.next ? pageHref(readings.next) : null} firstHref={after ? pageHref(null) : null} />
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
        events={await timelineEvents(ctx, [issueId])}
        aggregationLabel={agg}
        bucketUnit={unit}
        bandLabel={bandLabel}
      />
      {result.series.length > 0 && (
        <nav className="compare-links" aria-label="Compare sources">
          <span className="muted">Compare sources:</span>
          {result.series.map((s) => (
            <Link key={s.actorId} href={`/issues/${issueId}/compare?actor=${s.actorId}`}>{s.actorName}</Link>
          ))}
        </nav>
      )}
      <div className="chart-notes">
        {latest && <p>Where each actor stands now: {currentPositionDefinition()}</p>}
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
        {query && (
          <p>
            <Link href={`/issues/${issueId}`}>Clear the filters</Link>
          </p>
        )}
      </div>
    </ChartFrame>
  );
}
