import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { formatBytes } from '@/lib/format';
import { requirePageContext } from '@/lib/auth/request';
import { roleCan } from '@/lib/auth/permissions';
import { env } from '@/lib/env';
import { IMPORT_COLUMNS } from '@/lib/import/columns';
import { workspaceIsEmpty } from '@/lib/export/queries';
import { ImportWizard } from '@/components/import/import-wizard';
import { WorkspaceImportForm } from '@/components/import/workspace-import-form';
import { ImportColumnsTable } from '@/components/import/import-columns-table';

export const metadata: Metadata = { title: 'Import and export' };

const CSV_LISTS = [
  { path: 'actors', label: 'Actors' },
  { path: 'issues', label: 'Issues' },
  { path: 'sources', label: 'Sources' },
  { path: 'interests', label: 'Stated interests' },
  { path: 'assessments', label: 'Assessments' },
  { path: 'scenarios', label: 'Scenarios' },
];

export default async function ImportPage() {
  const ctx = await requirePageContext();
  const canWrite = roleCan(ctx.role, 'records:write');
  const isAdmin = roleCan(ctx.role, 'members:manage');
  const empty = isAdmin ? await workspaceIsEmpty(ctx) : false;
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Import and export</h1>
          <div className="sub">
            Bring assessments in from a spreadsheet or another tool, and take {ctx.workspaceName} out as CSV or JSON. Scripts can do the same
            through the <Link href="/api-docs">API</Link>.
          </div>
        </div>
      </div>

      <h2>Import assessments</h2>
      {canWrite ? (
        <ImportWizard maxBytes={env().IMPORT_MAX_BYTES} columns={IMPORT_COLUMNS.map((c) => ({ ...c }))} />
      ) : (
        <div className="notice notice-info" role="status">
          Viewers can read and export but not import. Ask an analyst or admin of {ctx.workspaceName}.
        </div>
      )}

      <details className="panel mt-16">
        <summary>
          <strong>Columns of an import file</strong> <span className="small muted">(JSON: the same names as keys)</span>
        </summary>
        <ImportColumnsTable />
        <p className="small muted mt-8">
          Names match loosely (“Stance date”, “stanceDate” and “stance_date” are the same column); other columns are ignored, so an assessments
          CSV export can be imported back. Actors, issues and sources are found by name, ignoring case. An issue is created only with
          issue_anchors, because its scale must have labelled points. Files up to {formatBytes(env().IMPORT_MAX_BYTES)}.
        </p>
      </details>

      <h2 className="mt-24">Export</h2>
      <div className="panel">
        <div className="row">
          <a className="btn btn-primary" href="/api/v1/export" download>
            Whole workspace (JSON)
          </a>
          <span className="small muted">Every record with its history, deleted ones too; restores into an empty workspace.</span>
        </div>
        <div className="row mt-12">
          <span className="small">Lists as CSV (opens in Excel or LibreOffice):</span>
          {CSV_LISTS.map((l) => (
            <a key={l.path} className="btn btn-small" href={`/api/v1/${l.path}?format=csv`} download>
              {l.label}
            </a>
          ))}
        </div>
      </div>

      {isAdmin && (
        <>
          <h2 className="mt-24">Restore a workspace export</h2>
          <div className="panel">
            <WorkspaceImportForm empty={empty} />
          </div>
        </>
      )}
    </>
  );
}
