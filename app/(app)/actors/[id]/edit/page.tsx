import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { requirePageContext } from '@/lib/auth/request';
import { actorOptions, getActor } from '@/lib/actors/queries';
import { ActorForm } from '@/components/actors/actor-form';
import { updateActorAction } from '../../actions';
import { findOrNull } from '@/lib/records/find-or-null';

export const metadata: Metadata = { title: 'Edit actor' };

export default async function EditActorPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requirePageContext({ permission: 'records:write' });
  const { id } = await params;
  const actor = await findOrNull(getActor(ctx, id));
  if (!actor || actor.deletedAt) notFound();
  const parents = await actorOptions(ctx);
  return (
    <>
      <div className="breadcrumbs">
        <Link href="/actors">Actors</Link> / <Link href={`/actors/${actor.id}`}>{actor.name}</Link> /
      </div>
      <div className="page-head"><h1>Edit {actor.name}</h1></div>
      <ActorForm action={updateActorAction} initial={actor} parents={parents} submitLabel="Save changes" />
    </>
  );
}
