import type { ReactNode } from 'react';
import { SortHeader } from './list-controls';

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
  const headerClass = (c: RecordColumn<T>) => (c.className?.split(' ').includes('num') ? 'num' : undefined);
  return (
    <table className="data">
      <thead>
        <tr>
          {shown.map((c) =>
            c.sortable ? (
              <SortHeader key={c.key} basePath={basePath} params={params} column={c.key} label={c.label} className={headerClass(c)} />
            ) : (
              <th key={c.key} className={headerClass(c)}>
                {c.label}
              </th>
            ),
          )}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id}>
            {shown.map((c) => (
              <td key={c.key} className={c.className} style={c.maxWidth ? { maxWidth: c.maxWidth } : undefined}>
                {c.cell(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
