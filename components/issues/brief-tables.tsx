import Link from '@/components/ui/link';
import { DataTable } from '@/components/ui/data-table';
import { formatDay, formatDelta, formatPosition } from '@/components/charts/format';
import type { ForecastResult } from '@/lib/decision-models';
import type { currentPositions } from '@/lib/stance/current-position';
import type { StanceShift } from '@/lib/stance/dashboard';
import type { listScenarios } from '@/lib/scenarios/queries';
import type { scenarioTeamAggregate } from '@/lib/scenarios/team-forecasts';
import { LIKELIHOOD_LABELS, OUTCOME_LABELS } from '@/lib/scenarios/likelihood';

type CurrentPosition = Awaited<ReturnType<typeof currentPositions>>[number];

/** Where each actor stands now on the issue: the table view of the brief's dot plot. */
export function StandingNowTable({ positions, anchorLabel }: { positions: CurrentPosition[]; anchorLabel: (position: number) => string }) {
  return (
    <DataTable
      rows={positions}
      rowKey={(p) => p.actorId}
      columns={[
        { key: 'actor', header: 'Actor', cell: (p) => p.actorName },
        { key: 'position', header: 'Position', numeric: true, cell: (p) => formatPosition(p.position) },
        { key: 'anchor', header: 'Nearest anchor', cell: (p) => anchorLabel(p.position) },
        { key: 'range', header: 'Min–max', numeric: true, cell: (p) => <>{formatPosition(p.min)}–{formatPosition(p.max)}</> },
        { key: 'sources', header: 'Sources', numeric: true, cell: (p) => p.sources },
        { key: 'asOf', header: 'Latest stance date', cell: (p) => formatDay(p.asOf) },
      ]}
    />
  );
}

/** The brief's largest shifts on one issue. */
export function BriefShiftsTable({ shifts }: { shifts: StanceShift[] }) {
  return (
    <DataTable
      scroll
      rows={shifts}
      rowKey={(s) => s.actorId}
      columns={[
        { key: 'actor', header: 'Actor', cell: (s) => s.actorName },
        { key: 'from', header: 'From', numeric: true, cell: (s) => formatPosition(s.from) },
        { key: 'to', header: 'To', numeric: true, cell: (s) => formatPosition(s.to) },
        { key: 'change', header: 'Change', numeric: true, cell: (s) => formatDelta(s.delta) },
        { key: 'dates', header: 'Dates', cell: (s) => <>{formatDay(s.fromDate)} → {formatDay(s.toDate)}</> },
        { key: 'sources', header: 'Sources of the latest readings', cell: (s) => s.toSources.map((src) => src.outlet).join(', ') },
      ]}
    />
  );
}

export interface BriefScenarioRow {
  item: Awaited<ReturnType<typeof listScenarios>>['items'][number];
  aggregate: Awaited<ReturnType<typeof scenarioTeamAggregate>>;
  headline: ForecastResult | null;
  problem: string | null;
}

const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 1000) / 10}%`);

/** The brief's scenarios: headline forecast, the team's likelihood, the latest estimate and the outcome. */
export function BriefScenariosTable({ rows }: { rows: BriefScenarioRow[] }) {
  return (
    <DataTable
      scroll
      rows={rows}
      rowKey={(r) => r.item.id}
      columns={[
        { key: 'scenario', header: 'Scenario', cell: ({ item }) => <Link href={`/scenarios/${item.id}`}>{item.name}</Link> },
        { key: 'asOf', header: 'Baseline as of', cell: ({ item }) => formatDay(item.asOf) },
        {
          key: 'headline',
          header: 'Headline forecast',
          numeric: true,
          cell: ({ headline, problem }) =>
            headline ? (
              <>
                {formatPosition(headline.value)} <span className="muted small">({formatPosition(headline.interval.p10)}–{formatPosition(headline.interval.p90)})</span>
              </>
            ) : (
              <span className="muted small">{problem}</span>
            ),
        },
        {
          key: 'team',
          header: 'Team likelihood',
          cell: ({ aggregate }) => (aggregate === null ? 'Hidden until you estimate' : aggregate.n === 0 ? '—' : `${pct(aggregate.median)} (n = ${aggregate.n})`),
        },
        {
          key: 'latest',
          header: 'Latest estimate',
          cell: ({ item }) =>
            item.lastEstimate ? `${LIKELIHOOD_LABELS[item.lastEstimate.likelihood]}, ${item.lastEstimate.analystName}, ${formatDay(item.lastEstimate.estimatedOn)}` : '—',
        },
        {
          key: 'outcome',
          header: 'Outcome',
          cell: ({ item }) => (item.outcome ? `${OUTCOME_LABELS[item.outcome]}${item.outcomePosition !== null ? ` at ${formatPosition(item.outcomePosition)}` : ''}` : 'Open'),
        },
      ]}
    />
  );
}
