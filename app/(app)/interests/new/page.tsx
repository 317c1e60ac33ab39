import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { requirePageContext } from '@/lib/auth/request';
import { actorOptions } from '@/lib/actors/queries';
import { sourceOptions } from '@/lib/sources/queries';
import { searchParamsObject } from '@/lib/records/list-params';
import { InterestForm } from '@/components/interests/interest-form';
import { createInterestAction } from '../actions';

export const metadata: Metadata = { title: 'New stated interest' };

export default async function NewInterestPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requirePageContext({ permission: 'records:write' });
  const prefill = searchParamsObject(await searchParams);
  const [actors, sources] = await Promise.all([actorOptions(ctx), sourceOptions(ctx)]);
  return (
    <>
      <div className="breadcrumbs"><Link href="/interests">Stated interests</Link> /</div>
      <div className="page-head"><h1>New stated interest</h1></div>
      <InterestForm
        action={createInterestAction}
        initial={{ actorId: prefill.actorId ?? '', sourceId: prefill.sourceId ?? '', statedOn: '', quote: prefill.quote ?? '', summary: '' }}
        actors={actors}
        sources={sources}
        submitLabel="Save stated interest"
      />
    </>
  );
}
