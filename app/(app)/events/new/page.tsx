import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { requirePageContext } from '@/lib/auth/request';
import { issueOptions } from '@/lib/issues/queries';
import { sourceOptions } from '@/lib/sources/queries';
import { EventForm } from '@/components/events/event-form';
import { createEventAction } from '../actions';

export const metadata: Metadata = { title: 'New event' };

export default async function NewEventPage({ searchParams }: { searchParams: Promise<{ issue?: string | string[] }> }) {
  const ctx = await requirePageContext({ permission: 'records:write' });
  const [issues, sources, { issue }] = await Promise.all([issueOptions(ctx), sourceOptions(ctx), searchParams]);
  return (
    <>
      <div className="breadcrumbs">
        <Link href="/events">Events</Link> /
      </div>
      <div className="page-head">
        <h1>New event</h1>
      </div>
      <EventForm action={createEventAction} issues={issues} sources={sources} initialIssueIds={[issue ?? []].flat()} />
    </>
  );
}
