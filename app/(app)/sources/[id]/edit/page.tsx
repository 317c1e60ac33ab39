import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { requirePageContext } from '@/lib/auth/request';
import { getSource, originOptions, sourceOptions } from '@/lib/sources/queries';
import { findOrNull } from '@/lib/records/find-or-null';
import { SourceForm } from '@/components/sources/source-form';
import { updateSourceAction } from '../../actions';

export const metadata: Metadata = { title: 'Edit source' };

export default async function EditSourcePage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requirePageContext({ permission: 'records:write' });
  const source = await findOrNull(getSource(ctx, (await params).id));
  if (!source || source.deletedAt) notFound();
  const [carriers, origins] = await Promise.all([sourceOptions(ctx), originOptions(ctx)]);
  return (
    <>
      <div className="breadcrumbs"><Link href="/sources">Sources</Link> / <Link href={`/sources/${source.id}`}>{source.title}</Link> /</div>
      <div className="page-head"><h1>Edit source</h1></div>
      <SourceForm
        action={updateSourceAction}
        initial={{ ...source, publishedAt: source.publishedAt.toISOString().slice(0, 10) }}
        carriers={carriers}
        origins={origins}
        submitLabel="Save changes"
      />
    </>
  );
}
