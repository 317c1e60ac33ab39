import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { requirePageContext } from '@/lib/auth/request';
import { IssueForm } from '@/components/issues/issue-form';
import { createIssueAction } from '../actions';

export const metadata: Metadata = { title: 'New issue' };

export default async function NewIssuePage() {
  await requirePageContext({ permission: 'records:write' });
  return (
    <>
      <div className="breadcrumbs"><Link href="/issues">Issues</Link> /</div>
      <div className="page-head"><h1>New issue</h1></div>
      <IssueForm action={createIssueAction} initial={{ title: '', description: '', anchors: [] }} submitLabel="Create issue" />
    </>
  );
}
