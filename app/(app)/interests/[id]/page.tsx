import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { requirePageContext } from '@/lib/auth/request';
import { roleCan } from '@/lib/auth/permissions';
import { formatDay } from '@/lib/format';
import { getInterest } from '@/lib/interests/queries';
import { findOrNull } from '@/lib/records/find-or-null';
import { RELIABILITY_LABELS } from '@/lib/sources/schema';
import { RecordPageActions } from '@/components/records/record-actions';
import { FactTable } from '@/components/ui/data-table';
import { deleteInterestAction, restoreInterestAction } from '../actions';

export const metadata: Metadata = { title: 'Stated interest' };

export default async function InterestPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requirePageContext();
  const interest = await findOrNull(getInterest(ctx, (await params).id));
  if (!interest) notFound();
  const canWrite = roleCan(ctx.role, 'records:write');
  return (
    <>
      <div className="breadcrumbs"><Link href="/interests">Stated interests</Link> /</div>
      <div className="page-head">
        <div>
          <h1>What {interest.actor.name} says it wants</h1>
          <div className="sub">
            Stated on {formatDay(interest.statedOn)} · recorded by {interest.createdByName} · version {interest.version}
          </div>
        </div>
        {canWrite && (
          <RecordPageActions
            id={interest.id}
            deleted={Boolean(interest.deletedAt)}
            editHref={`/interests/${interest.id}/edit`}
            deleteAction={deleteInterestAction}
            restoreAction={restoreInterestAction}
            confirmText="Delete this stated interest? It can be restored later."
          />
        )}
      </div>
      {interest.deletedAt && <div className="notice notice-warn">This stated interest was deleted on {formatDay(interest.deletedAt)}.</div>}
      <div className="panel">
        <blockquote className="quote">“{interest.quote}”</blockquote>
        {interest.summary && <p>{interest.summary}</p>}
        <FactTable
          label="Where it was stated"
          facts={[
            { label: 'Actor', value: <Link href={`/actors/${interest.actor.id}`}>{interest.actor.name}</Link> },
            {
              label: 'Source',
              value: (
                <>
                  <Link href={`/sources/${interest.source.id}`}>{interest.source.title}</Link>
                  <div className="small muted">{interest.source.outlet}, published {formatDay(interest.source.publishedAt)} · {RELIABILITY_LABELS[interest.source.reliability]}</div>
                </>
              ),
            },
          ]}
        />
      </div>
    </>
  );
}
