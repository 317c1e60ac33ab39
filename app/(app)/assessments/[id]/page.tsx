import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { requirePageContext } from '@/lib/auth/request';
import { roleCan } from '@/lib/auth/permissions';
import { assessmentRevisions, getAssessment } from '@/lib/assessments/queries';
import { ASSESSMENT_FIELD_LABELS, CREDIBILITY_LABELS } from '@/lib/assessments/schema';
import { nearestAnchor } from '@/lib/issues/schema';
import { RELIABILITY_LABELS } from '@/lib/sources/schema';
import { findOrNull } from '@/lib/records/find-or-null';
import { RecordPageActions } from '@/components/records/record-actions';
import { ConfidenceBadge } from '@/components/assessments/assessment-table';
import { deleteAssessmentAction, restoreAssessmentAction } from '../actions';
import { formatDay } from '@/lib/format';
import { listOpinions, opinionDistribution } from '@/lib/opinions/queries';
import { OpinionsPanel } from '@/components/opinions/opinions-panel';
import { createOpinionAction, deleteOpinionAction, updateOpinionAction } from './actions';

export const metadata: Metadata = { title: 'Assessment' };

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  const text = String(value);
  return text.length > 120 ? `${text.slice(0, 120)}…` : text;
}

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
          <table className="data">
            <tbody>
              <tr><th>Position</th><td><strong>{a.position}</strong>{anchor && <span className="muted"> ≈ {anchor.label}</span>}</td></tr>
              <tr><th>Salience</th><td>{a.salience}</td></tr>
              <tr><th>Capability</th><td>{a.capability ?? '—'}</td></tr>
              <tr><th>Confidence</th><td><ConfidenceBadge value={a.confidence} /></td></tr>
              <tr><th>Credibility</th><td>{CREDIBILITY_LABELS[a.credibility]}</td></tr>
              <tr><th>Source</th><td><Link href={`/sources/${a.source.id}`}>{a.source.title}</Link> <div className="small muted">{a.source.outlet}, published {formatDay(a.source.publishedAt)} · {RELIABILITY_LABELS[a.source.reliability]}</div></td></tr>
            </tbody>
          </table>
        </div>
        <div className="panel">
          <h2>Quote</h2>
          <p className="quote">{a.quote}</p>
          <h2 style={{ marginTop: 14 }}>Rationale</h2>
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
        <table className="data" aria-label="Revision history">
          <thead><tr><th>Version</th><th>When</th><th>Who</th><th>What changed</th></tr></thead>
          <tbody>
            {revisions.map((r) => (
              <tr key={r.id}>
                <td>{r.version}</td>
                <td style={{ whiteSpace: 'nowrap' }}>{r.editedAt.toISOString().replace('T', ' ').slice(0, 16)} UTC</td>
                <td>{r.editedByName}</td>
                <td>
                  {r.version === 1 ? (
                    <span className="muted">Created</span>
                  ) : (
                    <ul style={{ margin: 0, paddingLeft: 16 }}>
                      {Object.entries(r.changes).map(([field, change]) => (
                        <li key={field}>
                          {ASSESSMENT_FIELD_LABELS[field] ?? field}: <del>{show(change.from)}</del> → <ins>{show(change.to)}</ins>
                        </li>
                      ))}
                      {Object.keys(r.changes).length === 0 && <li className="muted">Saved without changes</li>}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
