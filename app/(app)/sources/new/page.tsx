import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { requirePageContext } from '@/lib/auth/request';
import { originOptions, sourceOptions } from '@/lib/sources/queries';
import { SourceForm } from '@/components/sources/source-form';
import { createSourceAction } from '../actions';

export const metadata: Metadata = { title: 'New source' };

export default async function NewSourcePage() {
  const ctx = await requirePageContext({ permission: 'records:write' });
  const [carriers, origins] = await Promise.all([sourceOptions(ctx), originOptions(ctx)]);
  return (
    <>
      <div className="breadcrumbs"><Link href="/sources">Sources</Link> /</div>
      <div className="page-head"><h1>New source</h1></div>
      <SourceForm
        action={createSourceAction}
        initial={{ title: '', outlet: '', author: '', url: '', publishedAt: '', kind: '', reliability: '', body: '', citedInId: null, origin: null }}
        carriers={carriers}
        origins={origins}
        submitLabel="Create source"
      />
    </>
  );
}
