import type { ReactNode } from 'react';
import { DataTable } from '@/components/ui/data-table';
import { SortLink, sortState } from './list-controls';

type Params = Record<string, string | number | undefined>;

export interface RecordColumn<T> {
  /** React key, and the sort field when `sortable` */
  key: string;
  label: ReactNode;
  /** The column header sorts the list server-side (the key is the list's sort field). */
  sortable?: boolean;
  /** The cells' classes: `num` (right-aligned figures, header too), `muted`, `small`, `nowrap` (dates stay on one line). */
  className?: string;
  /** Long text (quotes, summaries) wraps within this width. */
  maxWidth?: number;
  cell: (row: T) => ReactNode;
}

/**
 * The table of a list page: sortable headers through the URL, one row per record. On a narrow
 * screen the table scrolls inside itself (globals.css, table.data).
 */
export function RecordTable<T extends { id: string }>({
  rows,
  columns,
  basePath,
  params,
}: {
  rows: T[];
  columns: ReadonlyArray<RecordColumn<T> | false | null | undefined>;
  basePath: string;
  params: Params & { sort?: string; dir?: string };
}) {
  const shown = columns.filter((c): c is RecordColumn<T> => Boolean(c));
  return (
    <DataTable
      rows={rows}
      rowKey={(row) => row.id}
      columns={shown.map((c) => {
        const names = c.className?.split(' ') ?? [];
        return {
          key: c.key,
          header: c.sortable ? <SortLink basePath={basePath} params={params} column={c.key} label={c.label} /> : c.label,
          sort: c.sortable ? sortState(params, c.key) : undefined,
          numeric: names.includes('num'),
          className: names.filter((n) => n !== 'num').join(' ') || undefined,
          maxWidth: c.maxWidth,
          cell: (row: T) => c.cell(row),
        };
      })}
    />
  );
}
