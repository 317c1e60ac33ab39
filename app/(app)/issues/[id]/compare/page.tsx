import '@/components/charts/charts.css';
import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { requirePageContext } from '@/lib/auth/request';
import { findOrNull } from '@/lib/records/find-or-null';
import { opinionCounts } from '@/lib/opinions/queries';
import { sourceComparison } from '@/lib/stance/source-comparison';
import { stanceIssue } from '@/lib/stance/series';
import { rawSearchParams, sourceComparisonSchema } from '@/lib/stance/schema';
import { CONFIDENCE_LABELS } from '@/lib/assessments/schema';
import { SOURCE_KIND_LABELS } from '@/lib/sources/schema';
import { ChartFrame } from '@/components/charts/chart-frame';
import { formatDay, formatPosition, truncate } from '@/components/charts/format';
import { seriesStyle } from '@/components/charts/palette';
import { ScaleDotPlot } from '@/components/charts/scale-dot-plot';
import { SourceComparisonTable } from '@/components/charts/source-comparison-table';

export const metadata: Metadata = { title: 'Source comparison' };

export default async function CompareSourcesPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await requirePageContext();
  const { id } = await params;
  const data = await findOrNull(stanceIssue(ctx, id));
  if (!data || data.issue.deletedAt) notFound();
  const { issue, actors } = data;
  const parsed = sourceComparisonSchema.safeParse(rawSearchParams(await searchParams));
  const chosen = parsed.success ? parsed.data : null;
  const comparison = chosen ? await findOrNull(sourceComparison(ctx, chosen.actor, issue.id, { asOf: chosen.asOf })) : null;
  if (chosen && !comparison) notFound();
  const opinions = comparison ? await opinionCounts(ctx, comparison.placements.map((p) => p.assessmentId)) : new Map();

  return (
    <>
      <div className="breadcrumbs">
        <Link href="/issues">Issues</Link> / <Link href={`/issues/${issue.id}`}>{issue.title}</Link> /
      </div>
      <div className="page-head">
        <div>
          <h1>{comparison ? `Where sources place ${comparison.actor.name}` : 'Compare sources'}</h1>
          <div className="sub">
            On <Link href={`/issues/${issue.id}`}>{issue.title}</Link>: each source&apos;s latest reading
            {chosen?.asOf ? <> with a stance date up to {formatDay(chosen.asOf)}</> : null}, and how far apart the sources are.
          </div>
        </div>
      </div>

      <div className="panel">
        <form method="get" action={`/issues/${issue.id}/compare`} className="filters" aria-label="Choose the actor">
          <div className="field">
            <label htmlFor="c-actor">Actor</label>
            <select id="c-actor" name="actor" defaultValue={chosen?.actor ?? ''} required>
              <option value="" disabled>Choose…</option>
              {actors.map((a) => (
                <option key={a.id} value={a.id}>{a.name}</option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="c-asof">As of (stance date)</label>
            <input id="c-asof" name="asOf" type="date" defaultValue={chosen?.asOf ?? ''} />
          </div>
          <button type="submit" className="btn-primary">Compare</button>
        </form>
      </div>

      {!comparison ? (
        <div className="panel">
          <p className="muted">Choose an actor to see where each source places it.</p>
          <ul>
            {actors.map((a) => (
              <li key={a.id}><Link href={`/issues/${issue.id}/compare?actor=${a.id}`}>{a.name}</Link></li>
            ))}
          </ul>
        </div>
      ) : (
        <Comparison issueId={issue.id} anchors={issue.anchors} comparison={comparison} opinions={opinions} asOf={chosen?.asOf} />
      )}
    </>
  );
}

function Comparison({
  issueId,
  anchors,
  comparison,
  opinions,
  asOf,
}: {
  issueId: string;
  anchors: Awaited<ReturnType<typeof stanceIssue>>['issue']['anchors'];
  comparison: Awaited<ReturnType<typeof sourceComparison>>;
  opinions: Awaited<ReturnType<typeof opinionCounts>>;
  asOf?: string;
}) {
  const { actor, placements, stats, sharedOrigins } = comparison;
  const titleOf = new Map(placements.map((p) => [p.sourceId, `${p.outlet}: ${p.title}`]));
  const independent = placements.length - sharedOrigins.reduce((n, g) => n + g.sourceIds.length - 1, 0);
  const csv = `/api/stance/issues/${issueId}/compare/export?actor=${actor.id}${asOf ? `&asOf=${asOf}` : ''}`;
  const sd = stats.sdSample;
  const disputed = placements.filter((p) => (opinions.get(p.assessmentId)?.DISAGREE ?? 0) > 0).length;
  return (
    <div className="panel">
      <ChartFrame
        id="source-comparison"
        title={`${actor.name}: one marker per source`}
        exportChart={{ filters: asOf ? `readings up to ${formatDay(asOf)}` : undefined }}
        description={
          <>
            Each source&apos;s latest reading of {actor.name} on the 0–100 scale (sorted by position); the last row is the mean of the sources with a bar of ±1
            sample standard deviation. Disagreement is reported as the sample standard deviation (n − 1) of the source placements, as expert surveys such as the
            Chapel Hill Expert Survey report the spread of expert placements; the population SD (n) is given alongside.
          </>
        }
        csvHref={csv}
        table={
          <SourceComparisonTable placements={placements} opinions={opinions} />
        }
      >
        {stats.n === 0 ? (
          <p className="muted">No readings of {actor.name} on this issue{asOf ? ` up to ${formatDay(asOf)}` : ''}.</p>
        ) : (
          <>
            <div className="stat-grid" aria-label="Spread across sources">
              <div className="stat"><div className="k">Sources (n)</div><div className="v">{stats.n}</div></div>
              <div className="stat">
                <div className="k">Independent</div>
                <div className="v">{independent}</div>
                <div className="small muted">sharing an origin counts once</div>
              </div>
              <div className="stat"><div className="k">Mean</div><div className="v">{formatPosition(stats.mean)}</div></div>
              <div className="stat"><div className="k">Median</div><div className="v">{formatPosition(stats.median)}</div></div>
              <div className="stat"><div className="k">SD, sample (n − 1)</div><div className="v">{formatPosition(sd)}</div></div>
              <div className="stat"><div className="k">SD, population (n)</div><div className="v">{formatPosition(stats.sdPopulation)}</div></div>
              <div className="stat">
                <div className="k">Disputed readings</div>
                <div className="v">{disputed}</div>
                <div className="small muted">a colleague disagrees</div>
              </div>
              <div className="stat">
                <div className="k">Range</div>
                <div className="v">{formatPosition(stats.range)}</div>
                <div className="small muted">{formatPosition(stats.min)}–{formatPosition(stats.max)}</div>
              </div>
            </div>
            <ScaleDotPlot
              anchors={anchors}
              label={`Where each source places ${actor.name}`}
              description={placements.map((p) => `${p.outlet} ${formatPosition(p.position)} (${formatDay(p.stanceDate)})`).join('; ')}
              rows={[
                ...placements.map((p, i) => {
                  const style = seriesStyle(i);
                  return {
                    key: p.sourceId,
                    label: p.outlet,
                    note: `${SOURCE_KIND_LABELS[p.kind]} · ${p.reliability} · ${formatDay(p.stanceDate)} · ${CONFIDENCE_LABELS[p.confidence].toLowerCase()} confidence${p.sharingOrigin > 1 ? ` · shares its origin with ${p.sharingOrigin - 1} other${p.sharingOrigin > 2 ? 's' : ''}` : ''}`,
                    value: p.position,
                    color: style.color,
                    shape: style.shape,
                    title: `${p.outlet}: ${formatPosition(p.position)} — “${truncate(p.quote, 200)}”`,
                  };
                }),
                {
                  key: 'mean',
                  label: 'Mean of the sources',
                  note: sd === null ? 'one source: no standard deviation' : `bar: ±1 sample SD (${formatPosition(sd)})`,
                  value: stats.mean,
                  lo: sd === null || stats.mean === null ? undefined : stats.mean - sd,
                  hi: sd === null || stats.mean === null ? undefined : stats.mean + sd,
                  color: '#1b2430',
                  shape: 'diamond' as const,
                  title: `Mean ${formatPosition(stats.mean)}, sample SD ${formatPosition(sd)}`,
                },
              ]}
            />
            <section aria-labelledby="shared-origins" className="mt-12">
              <h2 id="shared-origins" className="heading-small">Sources that share an origin</h2>
              {sharedOrigins.length === 0 ? (
                <p className="small muted">None: every source here is independent (no two name the same origin).</p>
              ) : (
                <>
                  <p className="small muted">
                    Their readings come from the same original, so in where {actor.name} stands now (and in weighted lines) each group counts once: each
                    source&apos;s weight is divided by the size of its group.
                  </p>
                  <ul>
                    {sharedOrigins.map((g) => (
                      <li key={g.origin}>
                        <strong>{g.origin}</strong> ({g.sourceIds.length} sources): {g.sourceIds.map((id) => titleOf.get(id) ?? id).join('; ')}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </section>
          </>
        )}
      </ChartFrame>
      <p className="small muted mt-10">
        <Link href={`/issues/${issueId}?actor=${actor.id}`}>See {actor.name} over time on this issue</Link>
      </p>
    </div>
  );
}
