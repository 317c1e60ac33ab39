import '@/components/charts/charts.css';
import '@/app/scenarios.css';
import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import type { Ctx } from '@/lib/auth/context';
import { requirePageContext } from '@/lib/auth/request';
import { findOrNull } from '@/lib/records/find-or-null';
import { currentPositionDefinition, currentPositions } from '@/lib/stance/current-position';
import { actorStyleIndexes, stanceIssue } from '@/lib/stance/series';
import { largestShifts } from '@/lib/stance/dashboard';
import { type Anchor } from '@/lib/stance/types';
import { parseStanceFilters } from '@/lib/stance/schema';
import { nearestAnchor } from '@/lib/issues/schema';
import { issueEvents } from '@/lib/events/queries';
import { getScenario, listScenarios, scenarioModel } from '@/lib/scenarios/queries';
import { modelProblem } from '@/lib/scenarios/inputs';
import { scenarioTeamAggregate } from '@/lib/scenarios/team-forecasts';
import { forecast } from '@/lib/decision-models';
import { formatDay, formatPosition } from '@/components/charts/format';
import { seriesStyle } from '@/components/charts/palette';
import { ScaleDotPlot } from '@/components/charts/scale-dot-plot';
import { ChartFrame } from '@/components/charts/chart-frame';
import { ChartSkeleton, TableSkeleton } from '@/components/charts/skeletons';
import { PrintButton } from '@/components/ui/print-button';
import { BriefScenariosTable, BriefShiftsTable, StandingNowTable } from '@/components/issues/brief-tables';
import { StanceOverTime } from '../stance-over-time';

export const metadata: Metadata = { title: 'Issue brief' };

/** The label of the anchor point nearest a position. */
const anchorLabel = (anchors: Anchor[], value: number) => nearestAnchor(anchors, value)?.label ?? '';

/**
 * One issue on paper: where each actor stands, how it moved, the largest shifts, the events, and the
 * scenarios with their forecasts and the team's likelihoods. Made to be printed (or saved as PDF).
 */
export default async function IssueBriefPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requirePageContext();
  const { id } = await params;
  const data = await findOrNull(stanceIssue(ctx, id));
  if (!data || data.issue.deletedAt) notFound();
  const { issue } = data;
  const filters = parseStanceFilters({});
  const prepared = new Date();

  return (
    <div className="brief">
      <div className="breadcrumbs">
        <Link href="/issues">Issues</Link> / <Link href={`/issues/${issue.id}`}>{issue.title}</Link> /
      </div>
      <div className="page-head">
        <div>
          <h1>Issue brief: {issue.title}</h1>
          {issue.description && <div className="sub measure-wide">{issue.description}</div>}
          <div className="small muted">
            Prepared {formatDay(prepared)} from {ctx.workspaceName} by {ctx.userName}. Positions on the issue&apos;s 0–100 scale, whose anchor points are under the first chart.
          </div>
        </div>
        <div className="actions">
          <PrintButton />
        </div>
      </div>

      <section className="panel" aria-labelledby="brief-now">
        <Suspense fallback={<TableSkeleton title="Where each actor stands now" rows={6} />}>
          <StandingNow ctx={ctx} issueId={issue.id} anchors={issue.anchors} />
        </Suspense>
      </section>

      <section className="panel">
        <Suspense fallback={<ChartSkeleton title="Stance over time" />}>
          <StanceOverTime ctx={ctx} issueId={issue.id} anchors={issue.anchors} filters={filters} filtersText="" query="" after={undefined} brief />
        </Suspense>
      </section>

      <section className="panel" aria-labelledby="brief-shifts">
        <Suspense fallback={<TableSkeleton title="Largest shifts" />}>
          <Shifts ctx={ctx} issueId={issue.id} />
        </Suspense>
      </section>

      <section className="panel" aria-labelledby="brief-scenarios">
        <Suspense fallback={<TableSkeleton title="Scenarios and likelihoods" />}>
          <Scenarios ctx={ctx} issueId={issue.id} />
        </Suspense>
      </section>

      <section className="panel" aria-labelledby="brief-events">
        <Suspense fallback={<TableSkeleton title="Events" />}>
          <Events ctx={ctx} issueId={issue.id} />
        </Suspense>
      </section>

    </div>
  );
}

async function StandingNow({ ctx, issueId, anchors }: { ctx: Ctx; issueId: string; anchors: Anchor[] }) {
  const [positions, styles] = await Promise.all([currentPositions(ctx, { issueId }), actorStyleIndexes(ctx)]);
  return (
    <ChartFrame
      id="brief-now"
      title="Where each actor stands now"
      description={`${currentPositionDefinition()} The bar runs from the lowest to the highest of the readings each position is made of.`}
      exportChart={positions.length > 0 ? {} : undefined}
      table={
        positions.length > 0 && (
          <StandingNowTable positions={positions} anchorLabel={(position) => anchorLabel(anchors, position)} />
        )
      }
    >
      {positions.length === 0 ? (
        <p className="muted">No readings on this issue yet.</p>
      ) : (
        <ScaleDotPlot
          anchors={anchors}
          label="Current positions"
          description={positions.map((p) => `${p.actorName} ${formatPosition(p.position)} (${p.sources} sources)`).join('; ')}
          rows={positions.map((p) => {
            const style = seriesStyle(styles.get(p.actorId) ?? 0);
            return {
              key: p.actorId,
              label: p.actorName,
              note: `${p.sources} ${p.sources === 1 ? 'source' : 'sources'} · latest ${formatDay(p.asOf)} · ${anchorLabel(anchors, p.position)}`,
              value: p.position,
              lo: p.min,
              hi: p.max,
              color: style.color,
              shape: style.shape,
              title: `${p.actorName}: ${formatPosition(p.position)} (median ${formatPosition(p.median)}; ${formatPosition(p.min)}–${formatPosition(p.max)})`,
            };
          })}
        />
      )}
    </ChartFrame>
  );
}

async function Shifts({ ctx, issueId }: { ctx: Ctx; issueId: string }) {
  const shifts = await largestShifts(ctx, { issueId, limit: 10 });
  return (
    <>
      <h2 id="brief-shifts">Largest shifts</h2>
      <p className="small muted">For each actor, its mean position on its latest stance date with readings against the date before, largest moves first.</p>
      {shifts.length === 0 ? (
        <p className="muted">No actor has moved on this issue.</p>
      ) : (
        <BriefShiftsTable shifts={shifts} />
      )}
    </>
  );
}

/** Scenarios shown in a brief: the most recently updated. */
const BRIEF_SCENARIOS = 10;

async function Scenarios({ ctx, issueId }: { ctx: Ctx; issueId: string }) {
  const { items, total } = await listScenarios(ctx, { issue: issueId, pageSize: BRIEF_SCENARIOS, sort: 'updatedAt', dir: 'desc' });
  const rows = await Promise.all(
    items.map(async (item) => {
      const [scenario, aggregate] = await Promise.all([getScenario(ctx, item.id), scenarioTeamAggregate(ctx, item.id)]);
      const { composed } = await scenarioModel(ctx, scenario);
      const problem = modelProblem(composed.model);
      return { item, aggregate, headline: problem ? null : forecast(composed.model), problem };
    }),
  );
  return (
    <>
      <h2 id="brief-scenarios">Scenarios and likelihoods</h2>
      {rows.length === 0 ? (
        <p className="muted">No scenarios on this issue.</p>
      ) : (
        <>
          <p className="small muted">
            Headline forecast: where the bargaining lands by the scenario&apos;s inputs, with its 80% interval. Team likelihood: the median of each analyst&apos;s latest
            estimate that the scenario happens{total > rows.length ? `; the ${rows.length} most recently updated of ${total} scenarios` : ''}.
          </p>
          <BriefScenariosTable rows={rows} />
        </>
      )}
    </>
  );
}

async function Events({ ctx, issueId }: { ctx: Ctx; issueId: string }) {
  const events = await issueEvents(ctx, issueId);
  return (
    <>
      <h2 id="brief-events">Events</h2>
      {events.length === 0 ? (
        <p className="muted">No events recorded for this issue.</p>
      ) : (
        <ul className="stack row-tight">
          {events.map((e) => (
            <li key={e.id}>
              <b>{formatDay(e.date)}</b> {e.title}
              {e.source && <span className="muted"> ({e.source.title})</span>}
              {e.description && <span className="muted"> — {e.description}</span>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
