import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { requirePageContext } from '@/lib/auth/request';
import { assessmentFormOptions } from '@/lib/assessments/form-options';
import { searchParamsObject } from '@/lib/records/list-params';
import { AssessmentForm } from '@/components/assessments/assessment-form';
import { createAssessmentAction } from '../actions';

export const metadata: Metadata = { title: 'Record assessment' };

export default async function NewAssessmentPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requirePageContext({ permission: 'records:write' });
  const prefill = searchParamsObject(await searchParams);
  const options = await assessmentFormOptions(ctx);
  const known = (id: string | undefined, list: { id: string }[]) => (id && list.some((x) => x.id === id) ? id : '');
  return (
    <>
      <div className="breadcrumbs"><Link href="/assessments">Assessments</Link> /</div>
      <div className="page-head">
        <div>
          <h1>Record assessment</h1>
          <div className="sub">One reading, from one source, of where one actor stands on one issue.</div>
        </div>
      </div>
      {options.issues.length === 0 || options.actors.length === 0 || options.sources.length === 0 ? (
        <div className="notice notice-info">
          Before recording an assessment you need at least one <Link href="/actors/new">actor</Link>, one <Link href="/issues/new">issue</Link> and one{' '}
          <Link href="/sources/new">source</Link>.
        </div>
      ) : (
        <AssessmentForm
          action={createAssessmentAction}
          initial={{
            actorId: known(prefill.actorId, options.actors),
            issueId: known(prefill.issueId, options.issues),
            sourceId: known(prefill.sourceId, options.sources),
            position: '',
            salience: '',
            capability: '',
            confidence: '',
            credibility: '',
            stanceDate: prefill.stanceDate ?? '',
            quote: prefill.quote?.slice(0, 5000) ?? '',
            rationale: '',
          }}
          {...options}
          submitLabel="Save assessment"
        />
      )}
    </>
  );
}
