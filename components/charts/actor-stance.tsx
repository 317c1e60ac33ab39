import Link from '@/components/ui/link';
import type { actorProfile } from '@/lib/stance/actor-profile';
import { currentPositionDefinition } from '@/lib/stance/current-position';
import { aggregationLabel, describeFilters } from '@/lib/stance/schema';
import { ChartFrame } from './chart-frame';
import { formatBucket, formatDay, formatPosition } from './format';
import { seriesStyle } from './palette';
import { ScaleDotPlot } from './scale-dot-plot';
import { LazyStanceChart } from './lazy-stance-chart';
import { eventsForIssue, type TimelineEvent } from '@/lib/events/timeline';
import { bucketSources, toChartSeries } from './stance-chart-data';

type Profile = Awaited<ReturnType<typeof actorProfile>>;

/**
 * The stance sections of an actor's page: its current position on every issue, its stated interests,
 * and its stance over time per issue as small multiples. Receives the profile (a promise, so that the
 * page can stream it in under Suspense) from lib/stance.
 */
export async function ActorStance({ profile: pending, events: pendingEvents, canWrite }: { profile: Promise<Profile>; events: Promise<TimelineEvent[]>; canWrite: boolean }) {
  const [profile, events] = await Promise.all([pending, pendingEvents]);
  const { actor, issues, interests, sources, filters } = profile;
  const style = seriesStyle(actor.styleIndex);
  const agg = aggregationLabel(filters);
  const withPositions = issues.filter((i) => i.current);

  return (
    <>
      <div className="panel">
        <ChartFrame
          id="actor-positions"
          title="Positions on every issue"
          exportChart={withPositions.length > 0 ? {} : undefined}
          description={`Where ${actor.name} stands now on each issue, with a bar from the lowest to the highest of the readings it is made of. ${currentPositionDefinition()} Each issue has its own scale.`}
          csvHref={issues.length ? `/api/stance/actors/${actor.id}/export?table=positions` : undefined}
          table={
            withPositions.length > 0 && (
              <table className="data">
                <thead>
                  <tr>
                    <th>Issue</th>
                    <th className="num">Position</th>
                    <th className="num">Median</th>
                    <th className="num">Min–max</th>
                    <th className="num">Sources</th>
                    <th>Latest stance date</th>
                  </tr>
                </thead>
                <tbody>
                  {withPositions.map(({ issue, current }) => (
                    <tr key={issue.id}>
                      <td>{issue.title}</td>
                      <td className="num">{formatPosition(current!.position)}</td>
                      <td className="num">{formatPosition(current!.median)}</td>
                      <td className="num">{formatPosition(current!.min)}–{formatPosition(current!.max)}</td>
                      <td className="num">{current!.sources}</td>
                      <td>{formatDay(current!.asOf)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )
          }
        >
          {withPositions.length === 0 ? (
            <p className="muted">
              {actor.deletedAt ? 'This actor is deleted; its assessments are hidden until it is restored.' : `No assessments of ${actor.name} yet.`}{' '}
              {canWrite && <Link href={`/assessments/new?actorId=${actor.id}`}>Record one</Link>}
            </p>
          ) : (
            <div className="stack">
              {withPositions.map(({ issue, current }) => (
                <ScaleDotPlot
                  key={issue.id}
                  anchors={issue.anchors}
                  label={`${actor.name} on ${issue.title}`}
                  description={`${formatPosition(current!.position)} on the 0-100 scale of ${issue.title} (${current!.sources} sources, ${formatPosition(current!.min)} to ${formatPosition(current!.max)})`}
                  rows={[
                    {
                      key: issue.id,
                      label: issue.title,
                      href: `/issues/${issue.id}/compare?actor=${actor.id}`,
                      note: `${current!.sources} ${current!.sources === 1 ? 'source' : 'sources'}${current!.origins < current!.sources ? ` (${current!.origins} independent)` : ''} · latest ${formatDay(current!.asOf)} · compare sources`,
                      value: current!.position,
                      lo: current!.min,
                      hi: current!.max,
                      color: style.color,
                      shape: style.shape,
                      title: `${formatPosition(current!.position)} (${formatPosition(current!.min)}–${formatPosition(current!.max)} across ${current!.sources} sources)`,
                    },
                  ]}
                />
              ))}
            </div>
          )}
        </ChartFrame>
      </div>

      <div className="panel">
        <h2>Stated interests</h2>
        {interests.length === 0 ? (
          <p className="muted">
            None recorded. {canWrite && <Link href={`/interests/new?actorId=${actor.id}`}>Record a stated interest</Link>}
          </p>
        ) : (
          <ul className="stack" style={{ listStyle: 'none', padding: 0, margin: 0, gap: 12 }}>
            {interests.map((i) => (
              <li key={i.id}>
                <blockquote className="quote">“{i.quote}”</blockquote>
                {i.summary && <p style={{ margin: '4px 0' }}>{i.summary}</p>}
                <div className="small muted">
                  {formatDay(i.statedOn)} · {i.source.outlet}: {i.source.title} ({i.source.reliability}) · <Link href={`/interests/${i.id}`}>details</Link>
                </div>
              </li>
            ))}
          </ul>
        )}
      </div>

      {issues.length > 0 && (
        <div className="panel">
          <ChartFrame
            id="actor-over-time"
            title="Stance over time"
            exportChart={{ filters: describeFilters(filters, { actors: [], sources: [] }).join('; ') || undefined }}
            description={`${actor.name}'s position on each issue by stance date: the line is the ${agg.toLowerCase()} of the readings per period, hollow markers are the individual readings, the band runs from the lowest to the highest reading.`}
            csvHref={`/api/stance/actors/${actor.id}/export?table=series`}
            table={
              <table className="data">
                <thead>
                  <tr>
                    <th>Issue</th>
                    <th>Period</th>
                    <th className="num">{agg}</th>
                    <th className="num">Readings</th>
                    <th className="num">Min–max</th>
                    <th>Sources</th>
                  </tr>
                </thead>
                <tbody>
                  {issues.flatMap(({ issue, series, bucketUnit }) =>
                    series.buckets.map((b) => (
                      <tr key={`${issue.id}-${b.start}`}>
                        <td>{issue.title}</td>
                        <td>{formatBucket(b.start, bucketUnit)}</td>
                        <td className="num">{formatPosition(b.value)}</td>
                        <td className="num">{b.n}</td>
                        <td className="num">{formatPosition(b.min)}–{formatPosition(b.max)}</td>
                        <td className="small">{bucketSources(b, sources)}</td>
                      </tr>
                    )),
                  )}
                </tbody>
              </table>
            }
          >
            <div className="small-multiples">
              {issues.map(({ issue, series, bucketUnit }) => (
                <section key={issue.id} className="small-multiple" aria-labelledby={`sm-${issue.id}`}>
                  <h3 id={`sm-${issue.id}`}>{issue.title}</h3>
                  <div className="small muted small-multiple-scale">
                    {issue.anchors[0]?.value} = {issue.anchors[0]?.label}; {issue.anchors[issue.anchors.length - 1]?.value} = {issue.anchors[issue.anchors.length - 1]?.label}
                  </div>
                  <LazyStanceChart
                    compact
                    title={`${actor.name} on ${issue.title}, over time`}
                    description={`${series.total} readings grouped by ${bucketUnit}; latest ${agg.toLowerCase()} ${formatPosition(series.buckets[series.buckets.length - 1]?.value)}.`}
                    anchors={issue.anchors}
                    series={toChartSeries([series], sources, { unit: bucketUnit, band: 'range' })}
                    aggregationLabel={agg}
                    bucketUnit={bucketUnit}
                    bandLabel={`lowest to highest reading in the ${bucketUnit}`}
                    events={eventsForIssue(events, issue.id)}
                  />
                  <div className="links">
                    <Link href={`/issues/${issue.id}?actor=${actor.id}`}>Open the issue chart</Link>
                    <Link href={`/issues/${issue.id}/compare?actor=${actor.id}`}>Compare sources</Link>
                    <span className="muted">
                      {series.shown < series.total ? `${series.shown} of ${series.total} readings drawn` : `${series.total} ${series.total === 1 ? 'reading' : 'readings'}`}
                    </span>
                  </div>
                </section>
              ))}
            </div>
          </ChartFrame>
        </div>
      )}
    </>
  );
}
