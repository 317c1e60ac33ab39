import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { requirePageContext } from '@/lib/auth/request';
import { getIssue } from '@/lib/issues/queries';
import { findOrNull } from '@/lib/records/find-or-null';
import { IssueForm } from '@/components/issues/issue-form';
import { RecordActionButton } from '@/components/records/record-actions';
import { deleteIssueAction, updateIssueAction } from '../../actions';

export const metadata: Metadata = { title: 'Edit issue' };

export default async function EditIssuePage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requirePageContext({ permission: 'records:write' });
  const issue = await findOrNull(getIssue(ctx, (await params).id));
  if (!issue || issue.deletedAt) notFound();
  return (
    <>
      <div className="breadcrumbs"><Link href="/issues">Issues</Link> / <Link href={`/issues/${issue.id}`}>{issue.title}</Link> /</div>
      <div className="page-head">
        <h1>Edit issue</h1>
        <RecordActionButton action={deleteIssueAction} id={issue.id} label="Delete issue" className="btn btn-danger" confirmText="Delete this issue? It can be restored from the deleted list." />
      </div>
      <IssueForm action={updateIssueAction} initial={issue} submitLabel="Save changes" />
    </>
  );
}
