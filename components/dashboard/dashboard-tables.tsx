import Link from '@/components/ui/link';
import { DataTable } from '@/components/ui/data-table';
import { formatDay, formatDelta, formatPosition } from '@/components/charts/format';
import { CONFIDENCE_LABELS } from '@/lib/assessments/schema';
import type { latestAssessments, StanceShift } from '@/lib/stance/dashboard';

/** The dashboard's largest shifts: each actor on each issue, from its previous stance date to its latest. */
export function ShiftsTable({ shifts }: { shifts: StanceShift[] }) {
  return (
    <DataTable
      dataTable="shifts"
      rows={shifts}
      rowKey={(s) => `${s.issueId}-${s.actorId}`}
      columns={[
        { key: 'actor', header: 'Actor', cell: (s) => <Link href={`/actors/${s.actorId}`}>{s.actorName}</Link> },
        { key: 'issue', header: 'Issue', cell: (s) => <Link href={`/issues/${s.issueId}?actor=${s.actorId}`}>{s.issueTitle}</Link> },
        { key: 'from', header: 'From', numeric: true, cell: (s) => formatPosition(s.from) },
        { key: 'to', header: 'To', numeric: true, cell: (s) => formatPosition(s.to) },
        {
          key: 'change',
          header: 'Change',
          numeric: true,
          className: (s) => `${s.delta > 0 ? 'delta-up' : 'delta-down'} nowrap`,
          cell: (s) => (
            <>
              <span aria-hidden="true">{s.delta > 0 ? '▲ ' : '▼ '}</span>
              {formatDelta(s.delta)}
            </>
          ),
        },
        { key: 'when', header: 'When (stance dates)', className: 'nowrap', cell: (s) => <>{formatDay(s.fromDate)} → {formatDay(s.toDate)}</> },
        {
          key: 'sources',
          header: 'Sources',
          className: 'small',
          cell: (s) => (
            <>
              {s.toSources.map((x) => x.outlet).join('; ')}
              {s.fromSources.length > 0 && <span className="muted"> (before: {s.fromSources.map((x) => x.outlet).join('; ')})</span>}
            </>
          ),
        },
      ]}
    />
  );
}

type LatestAssessment = Awaited<ReturnType<typeof latestAssessments>>[number];

/** The most recently recorded readings, newest first. */
export function LatestAssessmentsTable({ assessments }: { assessments: LatestAssessment[] }) {
  return (
    <DataTable
      dataTable="latest"
      rows={assessments}
      rowKey={(a) => a.id}
      columns={[
        { key: 'recorded', header: 'Recorded', className: 'nowrap', cell: (a) => <Link href={`/assessments/${a.id}`}>{formatDay(a.createdAt.toISOString())}</Link> },
        { key: 'actor', header: 'Actor', cell: (a) => <Link href={`/actors/${a.actor.id}`}>{a.actor.name}</Link> },
        { key: 'issue', header: 'Issue', cell: (a) => <Link href={`/issues/${a.issue.id}`}>{a.issue.title}</Link> },
        { key: 'position', header: 'Position', numeric: true, cell: (a) => formatPosition(a.position) },
        { key: 'stanceDate', header: 'Stance date', className: 'nowrap', cell: (a) => formatDay(a.stanceDate) },
        { key: 'source', header: 'Source', className: 'small', cell: (a) => <>{a.source.outlet} <span className="muted">({a.source.reliability})</span></> },
        { key: 'analyst', header: 'Analyst', cell: (a) => a.analyst ?? 'Unknown' },
        { key: 'confidence', header: 'Confidence', cell: (a) => <span className={`badge badge-${a.confidence.toLowerCase()}`}>{CONFIDENCE_LABELS[a.confidence]}</span> },
      ]}
    />
  );
}
