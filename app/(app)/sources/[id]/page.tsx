import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { requirePageContext } from '@/lib/auth/request';
import { roleCan } from '@/lib/auth/permissions';
import { getSource, sourcesSharingOrigin } from '@/lib/sources/queries';
import { actorOptions } from '@/lib/actors/queries';
import { listAssessments } from '@/lib/assessments/queries';
import { RELIABILITY_LABELS, SOURCE_KIND_LABELS } from '@/lib/sources/schema';
import { findOrNull } from '@/lib/records/find-or-null';
import { RecordActionButton } from '@/components/records/record-actions';
import { QuickCapture } from '@/components/sources/quick-capture';
import { AssessmentTable } from '@/components/assessments/assessment-table';
import { deleteSourceAction, restoreSourceAction } from '../actions';
import { formatDay } from '@/lib/format';

export const metadata: Metadata = { title: 'Source' };

export default async function SourcePage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requirePageContext();
  const source = await findOrNull(getSource(ctx, (await params).id));
  if (!source) notFound();
  const [actors, assessments, sameOrigin] = await Promise.all([
    actorOptions(ctx),
    listAssessments(ctx, { source: source.id, pageSize: 100 }),
    sourcesSharingOrigin(ctx, source.id, source.origin),
  ]);
  const canWrite = roleCan(ctx.role, 'records:write');
  const text = source.body || source.citedIn?.body || '';
  return (
    <>
      <div className="breadcrumbs"><Link href="/sources">Sources</Link> /</div>
      <div className="page-head">
        <div>
          <h1>{source.title}</h1>
          <div className="sub">
            {source.outlet}
            {source.author && <> · {source.author}</>} · published {formatDay(source.publishedAt)} · {SOURCE_KIND_LABELS[source.kind]} ·{' '}
            <span className="badge">{RELIABILITY_LABELS[source.reliability]}</span>
          </div>
          {source.url && <div className="small"><a href={source.url} rel="noreferrer noopener" target="_blank">{source.url}</a></div>}
          {source.citedIn && <div className="small">Quoted in <Link href={`/sources/${source.citedIn.id}`}>{source.citedIn.title}</Link></div>}
          {source.origin && (
            <div className="small">
              Origin: {source.origin}
              {sameOrigin.length > 0 && (
                <>
                  {' '}· shared with{' '}
                  {sameOrigin.map((o, i) => (
                    <span key={o.id}>
                      {i > 0 && '; '}
                      <Link href={`/sources/${o.id}`}>{o.title}</Link>
                    </span>
                  ))}{' '}
                  (in weighted figures they count once)
                </>
              )}
            </div>
          )}
        </div>
        {canWrite && (
          <div className="actions">
            {source.deletedAt ? (
              <RecordActionButton action={restoreSourceAction} id={source.id} label="Restore" className="btn" />
            ) : (
              <>
                <Link className="btn btn-primary" href={`/assessments/new?sourceId=${source.id}`}>Record assessment</Link>
                <Link className="btn" href={`/sources/${source.id}/edit`}>Edit</Link>
                <RecordActionButton action={deleteSourceAction} id={source.id} label="Delete" className="btn btn-danger" confirmText="Delete this source? It can be restored later." />
              </>
            )}
          </div>
        )}
      </div>
      {source.deletedAt && <div className="notice notice-warn">This source was deleted. Restore it to record assessments from it.</div>}
      <div className="grid-2 grid-wide-main">
        <div className="panel">
          <h2>Quick capture</h2>
          <p className="small muted">
            {source.body ? 'Actor names are highlighted.' : source.citedIn?.body ? `Text of the carrying source, ${source.citedIn.title}.` : ''} Choose “+ assess” after a sentence, or select any passage, to start an assessment quoting it.
          </p>
          <QuickCapture sourceId={source.id} storedText={text} actors={actors.map((a) => ({ actorId: a.id, name: a.name, aliases: a.aliases }))} canWrite={canWrite && !source.deletedAt} />
        </div>
        <div className="stack">
          <div className="panel">
            <h2>Assessments from this source ({assessments.total})</h2>
            <AssessmentTable items={assessments.items} compact />
          </div>
          {source.citations.length > 0 && (
            <div className="panel">
              <h2>Sources quoted in it</h2>
              <ul>{source.citations.map((c) => <li key={c.id}><Link href={`/sources/${c.id}`}>{c.title}</Link></li>)}</ul>
            </div>
          )}
        </div>
      </div>
    </>
  );
}
