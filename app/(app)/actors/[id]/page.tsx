import '@/components/charts/charts.css';
import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { requirePageContext } from '@/lib/auth/request';
import { roleCan } from '@/lib/auth/permissions';
import { getActor } from '@/lib/actors/queries';
import { ACTOR_KIND_LABELS } from '@/lib/actors/schema';
import { findOrNull } from '@/lib/records/find-or-null';
import { RecordActionButton } from '@/components/records/record-actions';
import { ActorStance } from '@/components/charts/actor-stance';
import { TableSkeleton } from '@/components/charts/skeletons';
import { actorProfile } from '@/lib/stance/actor-profile';
import { timelineEvents } from '@/lib/events/queries';
import { deleteActorAction, restoreActorAction } from '../actions';
import { formatDay } from '@/lib/format';
import { watchOf } from '@/lib/notifications/queries';
import { WatchForm } from '@/components/notifications/watch-form';
import { removeWatchAction, saveWatchAction } from '../../notifications/actions';

export const metadata: Metadata = { title: 'Actor' };

export default async function ActorPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requirePageContext();
  const { id } = await params;
  const actor = await findOrNull(getActor(ctx, id));
  if (!actor) notFound();
  const canWrite = roleCan(ctx.role, 'records:write');
  const watch = await watchOf(ctx, { actorId: actor.id });
  return (
    <>
      <div className="breadcrumbs"><Link href="/actors">Actors</Link> /</div>
      <div className="page-head">
        <div>
          <h1>{actor.name}</h1>
          <div className="sub">
            {ACTOR_KIND_LABELS[actor.kind]}
            {actor.parent && <> · part of <Link href={`/actors/${actor.parent.id}`}>{actor.parent.name}</Link></>}
            {actor.aliases.length > 0 && <> · also {actor.aliases.join(', ')}</>}
          </div>
        </div>
        {canWrite && (
          <div className="actions">
            {actor.deletedAt ? (
              <RecordActionButton action={restoreActorAction} id={actor.id} label="Restore" className="btn" />
            ) : (
              <>
                <Link className="btn" href={`/actors/${actor.id}/edit`}>Edit</Link>
                <RecordActionButton action={deleteActorAction} id={actor.id} label="Delete" className="btn btn-danger" confirmText={`Delete ${actor.name}? It can be restored later.`} />
              </>
            )}
          </div>
        )}
      </div>
      {actor.deletedAt && <div className="notice notice-warn">This actor was deleted on {formatDay(actor.deletedAt)}. Restore it to use it again.</div>}
      {actor.description && <div className="panel"><p>{actor.description}</p></div>}
      {actor.members.length > 0 && (
        <div className="panel">
          <h2>Members</h2>
          <ul>{actor.members.map((m) => <li key={m.id}><Link href={`/actors/${m.id}`}>{m.name}</Link></li>)}</ul>
        </div>
      )}
      <Suspense fallback={<div className="panel"><TableSkeleton title="Positions on every issue" /></div>}>
        <ActorStance profile={actorProfile(ctx, actor.id)} events={timelineEvents(ctx, null)} canWrite={canWrite && !actor.deletedAt} />
      </Suspense>
      {!actor.deletedAt && <WatchForm target={{ actorId: actor.id }} watch={watch} saveAction={saveWatchAction} removeAction={removeWatchAction} />}
    </>
  );
}
