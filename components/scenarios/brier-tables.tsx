import type { ReactNode } from 'react';
import { DataTable } from '@/components/ui/data-table';
import type { analystBrierScores } from '@/lib/scenarios/queries';
import type { BrierDecomposition, CalibrationBin } from '@/lib/scenarios/calibration';
import { formatProportion } from '@/components/charts/axes';

type NamedAnalystBrier = Awaited<ReturnType<typeof analystBrierScores>>[number];

/** Each analyst's Brier score over all resolved scenarios (the Scenarios page). */
export function AnalystBrierTable({ scores }: { scores: NamedAnalystBrier[] }) {
  return (
    <DataTable
      label="Brier score per analyst"
      rows={scores}
      rowKey={(s) => s.analystId}
      columns={[
        { key: 'analyst', header: 'Analyst', cell: (s) => s.analystName },
        { key: 'n', header: 'Resolved scenarios scored', numeric: true, cell: (s) => s.n },
        { key: 'brier', header: 'Brier score', numeric: true, cell: (s) => s.brier.toFixed(3) },
      ]}
    />
  );
}

/** Each analyst's final estimate before one scenario resolved, and its Brier score. */
export function ScenarioBrierTable({ scores }: { scores: NamedAnalystBrier[] }) {
  return (
    <DataTable
      label="Brier score of each analyst on this scenario"
      rows={scores.map((s) => ({ ...s, item: s.items[0]! }))}
      rowKey={(s) => s.analystId}
      columns={[
        { key: 'analyst', header: 'Analyst', cell: (s) => s.analystName },
        { key: 'estimatedOn', header: 'Final estimate before resolution', cell: (s) => s.item.estimatedOn },
        { key: 'probability', header: 'Probability', numeric: true, cell: (s) => `${Math.round(s.item.probability * 10_000) / 100}%` },
        { key: 'outcome', header: 'Outcome', numeric: true, cell: (s) => s.item.outcome },
        { key: 'score', header: 'Brier score', numeric: true, cell: (s) => s.item.score.toFixed(3) },
      ]}
    />
  );
}

const score = (v: number | null | undefined) => (v === null || v === undefined ? '—' : v.toFixed(3));
const pct = (v: number | null) => (v === null ? '—' : formatProportion(v));

/** The team's forecasts per probability bin against how often they happened. */
export function CalibrationBinsTable({ bins }: { bins: CalibrationBin[] }) {
  return (
    <DataTable
      label="Team calibration by bin"
      rows={bins}
      rowKey={(b) => b.lo}
      columns={[
        { key: 'bin', header: 'Forecast bin', cell: (b) => <>{Math.round(b.lo * 100)}–{Math.round(b.hi * 100)}%</> },
        { key: 'n', header: 'Forecasts', numeric: true, cell: (b) => b.n },
        { key: 'mean', header: 'Mean forecast', numeric: true, cell: (b) => pct(b.meanForecast) },
        { key: 'happened', header: 'Happened', numeric: true, cell: (b) => pct(b.observedFrequency) },
      ]}
    />
  );
}

interface ScoreRow {
  key: string;
  who: ReactNode;
  decomposition: BrierDecomposition;
  /** Absent on the team's own row. */
  vsTeam?: { teamMedianBrier: number | null; relative: number };
}

/** Brier scores and their decomposition: the team first, then each analyst against the team median. */
export function CalibrationScoresTable({
  team,
  analysts,
}: {
  team: BrierDecomposition;
  analysts: { analystId: string; name: string; decomposition: BrierDecomposition; teamMedianBrier: number | null; relative: number }[];
}) {
  const rows: ScoreRow[] = [
    { key: 'team', who: <strong>Team</strong>, decomposition: team },
    ...analysts.map((a) => ({ key: a.analystId, who: a.name, decomposition: a.decomposition, vsTeam: { teamMedianBrier: a.teamMedianBrier, relative: a.relative } })),
  ];
  return (
    <DataTable
      label="Brier scores and their decomposition"
      rows={rows}
      rowKey={(r) => r.key}
      columns={[
        { key: 'who', header: 'Who', cell: (r) => r.who },
        { key: 'n', header: 'Forecasts', numeric: true, cell: (r) => r.decomposition.n },
        { key: 'brier', header: 'Brier', numeric: true, cell: (r) => score(r.decomposition.brier) },
        { key: 'reliability', header: 'Reliability', numeric: true, cell: (r) => score(r.decomposition.reliability) },
        { key: 'resolution', header: 'Resolution', numeric: true, cell: (r) => score(r.decomposition.resolution) },
        { key: 'uncertainty', header: 'Uncertainty', numeric: true, cell: (r) => score(r.decomposition.uncertainty) },
        { key: 'teamMedian', header: 'Team median, same scenarios', numeric: true, cell: (r) => (r.vsTeam ? score(r.vsTeam.teamMedianBrier) : '—') },
        {
          key: 'relative',
          header: 'Relative',
          numeric: true,
          cell: (r) => (r.vsTeam ? <>{r.vsTeam.relative > 0 ? '+' : ''}{score(r.vsTeam.relative)}</> : '—'),
        },
      ]}
    />
  );
}
