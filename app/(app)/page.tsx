import '@/components/charts/charts.css';
import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { Suspense } from 'react';
import type { Ctx } from '@/lib/auth/context';
import { requirePageContext } from '@/lib/auth/request';
import { roleCan } from '@/lib/auth/permissions';
import { currentPositionDefinition } from '@/lib/stance/current-position';
import { issueSpread, largestShifts, latestAssessments } from '@/lib/stance/dashboard';
import { shiftsWindowSchema, sinceFromWindow, type ShiftsWindow } from '@/lib/stance/schema';
import { ChartFrame } from '@/components/charts/chart-frame';
import { formatDay, formatPosition } from '@/components/charts/format';
import { seriesStyle } from '@/components/charts/palette';
import { ScaleDotPlot } from '@/components/charts/scale-dot-plot';
import { TableSkeleton } from '@/components/charts/skeletons';
import { LatestAssessmentsTable, ShiftsTable } from '@/components/dashboard/dashboard-tables';

export const metadata: Metadata = { title: 'Dashboard' };

const WINDOWS: { value: ShiftsWindow; label: string }[] = [
  { value: '7', label: 'Last 7 days' },
  { value: '30', label: 'Last 30 days' },
  { value: '90', label: 'Last 90 days' },
  { value: '365', label: 'Last year' },
  { value: 'all', label: 'All time' },
];

export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requirePageContext();
  const window = shiftsWindowSchema.parse((await searchParams).shifts);
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Dashboard</h1>
          <div className="sub">{ctx.workspaceName}: what moved, what was recorded last, and where every actor stands now.</div>
        </div>
        {roleCan(ctx.role, 'records:write') && <Link className="btn btn-primary" href="/assessments/new">Record an assessment</Link>}
      </div>
      <div className="panel">
        <Suspense key={window} fallback={<TableSkeleton title="Largest shifts" />}>
          <Shifts ctx={ctx} window={window} />
        </Suspense>
      </div>
      <div className="panel">
        <Suspense fallback={<TableSkeleton title="Where each actor stands now" rows={8} />}>
          <Spread ctx={ctx} />
        </Suspense>
      </div>
      <div className="panel">
        <Suspense fallback={<TableSkeleton title="Latest assessments" />}>
          <Latest ctx={ctx} />
        </Suspense>
      </div>
    </>
  );
}

async function Shifts({ ctx, window }: { ctx: Ctx; window: ShiftsWindow }) {
  const since = sinceFromWindow(window);
  const shifts = await largestShifts(ctx, { since, limit: 10 });
  const windowLabel = WINDOWS.find((w) => w.value === window)!.label.toLowerCase();
  return (
    <ChartFrame
      id="shifts"
      title="Largest shifts"
      description={
        <>
          For each actor and issue, its mean position on the latest stance date with readings against the date before, largest moves first
          {since ? <> (latest readings dated on or after {formatDay(since)})</> : null}.
        </>
      }
      csvHref={`/api/stance/dashboard/export?table=shifts&shifts=${window}`}
      extraLinks={
        <form method="get" action="/" className="row row-tight">
          <label htmlFor="shifts-window" className="chart-sr-only">Window</label>
          <select id="shifts-window" name="shifts" defaultValue={window} className="select-small">
            {WINDOWS.map((w) => (
              <option key={w.value} value={w.value}>{w.label}</option>
            ))}
          </select>
          <button type="submit" className="btn-small">Show</button>
        </form>
      }
    >
      {shifts.length === 0 ? (
        <p className="muted">
          No actor changed position {window === 'all' ? 'yet' : `in the ${windowLabel}`}.{' '}
          {window !== 'all' && <Link href="/?shifts=all">Show all time</Link>}
        </p>
      ) : (
        <ShiftsTable shifts={shifts} />
      )}
    </ChartFrame>
  );
}

/** Per issue, the dashboard draws the actors whose position rests on the most evidence; the issue page has them all. */
const ACTORS_PER_ISSUE = 8;

async function Spread({ ctx }: { ctx: Ctx }) {
  const spread = await issueSpread(ctx, { topPerIssue: ACTORS_PER_ISSUE });
  return (
    <ChartFrame
      id="spread"
      title="Where each actor stands now"
      description={`Per issue, where the ${ACTORS_PER_ISSUE} actors with the most weight of evidence stand now, with a bar from the lowest to the highest of the readings each position is made of; every actor, with the median and the stance dates, is on the issue's page and in the CSV. ${currentPositionDefinition()} The labelled anchor points of each issue's scale are under its axis.`}
      csvHref="/api/stance/dashboard/export?table=spread"
      exportChart={spread.length > 0 ? { filters: `the ${ACTORS_PER_ISSUE} actors with the most weight of evidence per issue` } : undefined}
    >
      {spread.length === 0 && <p className="muted">No issues yet.</p>}
      <div className="stack" data-chart-drawing>
        {spread.map(({ issue, actors, actorCount }) => (
          <section key={issue.id} aria-labelledby={`spread-${issue.id}`}>
            <h3 id={`spread-${issue.id}`}>
              <Link href={`/issues/${issue.id}`}>{issue.title}</Link>
            </h3>
            {actorCount > actors.length && (
              <p className="small muted" data-spread-more>
                The {actors.length} of {actorCount} actors with the most weight of evidence. <Link href={`/issues/${issue.id}`}>All {actorCount} actors</Link>
              </p>
            )}
            {actors.length === 0 ? (
              <p className="muted small">No assessments yet.</p>
            ) : (
              <>
                <ScaleDotPlot
                  anchors={issue.anchors}
                  label={`Current positions on ${issue.title}`}
                  description={actors.map((a) => `${a.actorName} ${formatPosition(a.position)} (${a.sources} sources, ${formatPosition(a.min)} to ${formatPosition(a.max)})`).join('; ')}
                  rows={actors.map((a) => {
                    const style = seriesStyle(a.styleIndex);
                    return {
                      key: a.actorId,
                      label: a.actorName,
                      href: `/issues/${issue.id}/compare?actor=${a.actorId}`,
                      note: `${a.sources} ${a.sources === 1 ? 'source' : 'sources'} · latest ${formatDay(a.asOf)}`,
                      value: a.position,
                      lo: a.min,
                      hi: a.max,
                      color: style.color,
                      shape: style.shape,
                      title: `${a.actorName}: ${formatPosition(a.position)} (weighted mean of ${a.sources} sources; median ${formatPosition(a.median)}; ${formatPosition(a.min)}–${formatPosition(a.max)})`,
                    };
                  })}
                />
              </>
            )}
          </section>
        ))}
      </div>
    </ChartFrame>
  );
}

async function Latest({ ctx }: { ctx: Ctx }) {
  const latest = await latestAssessments(ctx, 10);
  return (
    <ChartFrame id="latest" title="Latest assessments" description="The ten most recently recorded readings." csvHref="/api/stance/dashboard/export?table=latest">
      {latest.length === 0 ? (
        <p className="muted">Nothing recorded yet.</p>
      ) : (
        <LatestAssessmentsTable assessments={latest} />
      )}
    </ChartFrame>
  );
}
