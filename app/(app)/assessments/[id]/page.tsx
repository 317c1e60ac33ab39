import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { requirePageContext } from '@/lib/auth/request';
import { roleCan } from '@/lib/auth/permissions';
import { assessmentRevisions, getAssessment } from '@/lib/assessments/queries';
import { CREDIBILITY_LABELS } from '@/lib/assessments/schema';
import { nearestAnchor } from '@/lib/issues/schema';
import { RELIABILITY_LABELS } from '@/lib/sources/schema';
import { findOrNull } from '@/lib/records/find-or-null';
import { RecordPageActions } from '@/components/records/record-actions';
import { ConfidenceBadge } from '@/components/assessments/assessment-table';
import { RevisionHistoryTable } from '@/components/assessments/revision-history';
import { FactTable } from '@/components/ui/data-table';
import { deleteAssessmentAction, restoreAssessmentAction } from '../actions';
import { formatDay } from '@/lib/format';
import { listOpinions, opinionDistribution } from '@/lib/opinions/queries';
import { OpinionsPanel } from '@/components/opinions/opinions-panel';
import { createOpinionAction, deleteOpinionAction, updateOpinionAction } from './actions';

export const metadata: Metadata = { title: 'Assessment' };

export default async function AssessmentPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requirePageContext();
  const a = await findOrNull(getAssessment(ctx, (await params).id));
  if (!a) notFound();
  const [revisions, opinions, distribution] = await Promise.all([assessmentRevisions(ctx, a.id), listOpinions(ctx, a.id), opinionDistribution(ctx, a.id)]);
  const canWrite = roleCan(ctx.role, 'records:write');
  const anchor = nearestAnchor(a.issue.anchors, a.position);
  return (
    <>
      <div className="breadcrumbs"><Link href="/assessments">Assessments</Link> /</div>
      <div className="page-head">
        <div>
          <h1>
            <Link href={`/actors/${a.actor.id}`}>{a.actor.name}</Link> on <Link href={`/issues/${a.issue.id}`}>{a.issue.title}</Link>
          </h1>
          <div className="sub">
            Stance as of {formatDay(a.stanceDate)} · recorded by {a.recordedByName} · version {a.version}
          </div>
        </div>
        {canWrite && (
          <RecordPageActions
            id={a.id}
            deleted={Boolean(a.deletedAt)}
            editHref={`/assessments/${a.id}/edit`}
            deleteAction={deleteAssessmentAction}
            restoreAction={restoreAssessmentAction}
            confirmText="Delete this assessment? It can be restored later."
          />
        )}
      </div>
      {a.deletedAt && <div className="notice notice-warn">This assessment was deleted on {formatDay(a.deletedAt)}; it is hidden from charts until restored.</div>}
      <div className="grid-2">
        <div className="panel">
          <h2>Reading</h2>
          <FactTable
            facts={[
              { label: 'Position', value: <><strong>{a.position}</strong>{anchor && <span className="muted"> ≈ {anchor.label}</span>}</> },
              { label: 'Salience', value: a.salience },
              { label: 'Capability', value: a.capability ?? '—' },
              { label: 'Confidence', value: <ConfidenceBadge value={a.confidence} /> },
              { label: 'Credibility', value: CREDIBILITY_LABELS[a.credibility] },
              {
                label: 'Source',
                value: (
                  <>
                    <Link href={`/sources/${a.source.id}`}>{a.source.title}</Link>{' '}
                    <div className="small muted">{a.source.outlet}, published {formatDay(a.source.publishedAt)} · {RELIABILITY_LABELS[a.source.reliability]}</div>
                  </>
                ),
              },
            ]}
          />
        </div>
        <div className="panel">
          <h2>Quote</h2>
          <p className="quote">{a.quote}</p>
          <h2 className="mt-14">Rationale</h2>
          <p>{a.rationale || <span className="muted">None given.</span>}</p>
        </div>
      </div>
      <OpinionsPanel
        assessment={{ id: a.id, position: a.position, recordedByName: a.recordedByName, deleted: Boolean(a.deletedAt) }}
        anchors={a.issue.anchors}
        opinions={opinions}
        distribution={distribution}
        viewer={{ userId: ctx.userId, canWrite, canModerate: roleCan(ctx.role, 'members:manage'), isRecorder: a.recordedById === ctx.userId }}
        actions={{ create: createOpinionAction, update: updateOpinionAction, remove: deleteOpinionAction }}
      />
      <div className="panel">
        <h2>History</h2>
        <RevisionHistoryTable revisions={revisions} />
      </div>
    </>
  );
}
