import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { requirePageContext } from '@/lib/auth/request';
import { actorOptions } from '@/lib/actors/queries';
import { sourceOptions } from '@/lib/sources/queries';
import { getInterest } from '@/lib/interests/queries';
import { findOrNull } from '@/lib/records/find-or-null';
import { InterestForm } from '@/components/interests/interest-form';
import { updateInterestAction } from '../../actions';

export const metadata: Metadata = { title: 'Edit stated interest' };

export default async function EditInterestPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requirePageContext({ permission: 'records:write' });
  const interest = await findOrNull(getInterest(ctx, (await params).id));
  if (!interest || interest.deletedAt) notFound();
  const [actors, sources] = await Promise.all([actorOptions(ctx), sourceOptions(ctx)]);
  return (
    <>
      <div className="breadcrumbs"><Link href="/interests">Stated interests</Link> /</div>
      <div className="page-head"><h1>Edit stated interest</h1></div>
      <InterestForm
        action={updateInterestAction}
        initial={{ ...interest, statedOn: interest.statedOn.toISOString().slice(0, 10) }}
        actors={actors}
        sources={sources}
        submitLabel="Save changes"
      />
    </>
  );
}
