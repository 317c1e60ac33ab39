import { DataTable } from '@/components/ui/data-table';
import { IMPORT_COLUMNS } from '@/lib/import/columns';

/** The columns an import file may have: name, whether it is required, and what it holds. */
export function ImportColumnsTable() {
  return (
    <DataTable
      className="mt-10"
      rows={IMPORT_COLUMNS}
      rowKey={(c) => c.name}
      columns={[
        { key: 'name', header: 'Column', className: 'mono', cell: (c) => c.name },
        { key: 'required', header: 'Required', cell: (c) => (c.required ? 'yes' : '') },
        { key: 'description', header: 'What it holds', cell: (c) => c.description },
      ]}
    />
  );
}
