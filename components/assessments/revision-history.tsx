import { DataTable } from '@/components/ui/data-table';
import type { assessmentRevisions } from '@/lib/assessments/queries';
import { ASSESSMENT_FIELD_LABELS } from '@/lib/assessments/schema';

type Revision = Awaited<ReturnType<typeof assessmentRevisions>>[number];

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  const text = String(value);
  return text.length > 120 ? `${text.slice(0, 120)}…` : text;
}

/** Every saved version of an assessment: when, who, and each field's old and new value. */
export function RevisionHistoryTable({ revisions }: { revisions: Revision[] }) {
  return (
    <DataTable
      label="Revision history"
      rows={revisions}
      rowKey={(r) => r.id}
      columns={[
        { key: 'version', header: 'Version', cell: (r) => r.version },
        { key: 'when', header: 'When', className: 'nowrap', cell: (r) => `${r.editedAt.toISOString().replace('T', ' ').slice(0, 16)} UTC` },
        { key: 'who', header: 'Who', cell: (r) => r.editedByName },
        {
          key: 'changes',
          header: 'What changed',
          cell: (r) =>
            r.version === 1 ? (
              <span className="muted">Created</span>
            ) : (
              <ul className="list-flush">
                {Object.entries(r.changes).map(([field, change]) => (
                  <li key={field}>
                    {ASSESSMENT_FIELD_LABELS[field] ?? field}: <del>{show(change.from)}</del> → <ins>{show(change.to)}</ins>
                  </li>
                ))}
                {Object.keys(r.changes).length === 0 && <li className="muted">Saved without changes</li>}
              </ul>
            ),
        },
      ]}
    />
  );
}
