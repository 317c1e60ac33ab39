import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { requirePageContext } from '@/lib/auth/request';
import { getAssessment } from '@/lib/assessments/queries';
import { assessmentFormOptions } from '@/lib/assessments/form-options';
import { findOrNull } from '@/lib/records/find-or-null';
import { AssessmentForm } from '@/components/assessments/assessment-form';
import { updateAssessmentAction } from '../../actions';

export const metadata: Metadata = { title: 'Edit assessment' };

export default async function EditAssessmentPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requirePageContext({ permission: 'records:write' });
  const a = await findOrNull(getAssessment(ctx, (await params).id));
  if (!a || a.deletedAt) notFound();
  const options = await assessmentFormOptions(ctx);
  return (
    <>
      <div className="breadcrumbs"><Link href="/assessments">Assessments</Link> / <Link href={`/assessments/${a.id}`}>{a.actor.name} on {a.issue.title}</Link> /</div>
      <div className="page-head"><h1>Edit assessment</h1></div>
      <AssessmentForm
        action={updateAssessmentAction}
        initial={{ ...a, stanceDate: a.stanceDate.toISOString().slice(0, 10) }}
        {...options}
        submitLabel="Save changes"
      />
    </>
  );
}
