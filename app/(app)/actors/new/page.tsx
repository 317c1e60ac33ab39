import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { requirePageContext } from '@/lib/auth/request';
import { actorOptions } from '@/lib/actors/queries';
import { ActorForm } from '@/components/actors/actor-form';
import { createActorAction } from '../actions';

export const metadata: Metadata = { title: 'New actor' };

export default async function NewActorPage() {
  const ctx = await requirePageContext({ permission: 'records:write' });
  const parents = await actorOptions(ctx);
  return (
    <>
      <div className="breadcrumbs"><Link href="/actors">Actors</Link> /</div>
      <div className="page-head"><h1>New actor</h1></div>
      <ActorForm
        action={createActorAction}
        initial={{ name: '', kind: '', aliases: [], parentId: null, description: '' }}
        parents={parents}
        submitLabel="Create actor"
      />
    </>
  );
}
