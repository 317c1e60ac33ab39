import type { ReactNode } from 'react';

export interface DataColumn<T> {
  /** React key of the column's cells. */
  key: string;
  header: ReactNode;
  cell: (row: T, index: number) => ReactNode;
  /** Right-aligned tabular figures, the header too (`num` in globals.css). */
  numeric?: boolean;
  /** More classes for the body cells (`muted`, `small`, `nowrap`, `mono`, `quote-cell`), fixed or per row. */
  className?: string | ((row: T) => string | undefined);
  /** The cell names its row: drawn as `<th scope="row">`. */
  rowHeader?: boolean;
  /** The header's aria-sort, for a column the rows are sorted by. */
  sort?: 'ascending' | 'descending';
  /** Long text (quotes, summaries) wraps within this width, in pixels. */
  maxWidth?: number;
}

type Falsy = false | null | undefined;

const classes = (...names: (string | Falsy)[]) => names.filter(Boolean).join(' ') || undefined;

/**
 * The one table of figures and records: a header row from the column specs, one row per item.
 * Styled by `table.data` (globals.css); on a narrow screen it scrolls inside itself. With `empty`,
 * no rows draw that message instead of an empty table.
 */
export function DataTable<T>({
  rows,
  columns,
  rowKey,
  label,
  caption,
  captionHidden = false,
  empty,
  className,
  scroll = false,
  dataTable,
}: {
  rows: readonly T[];
  /** Columns; a falsy entry is left out, so a column can depend on a condition. */
  columns: ReadonlyArray<DataColumn<T> | Falsy>;
  rowKey: (row: T, index: number) => string | number;
  /** The accessible name (aria-label) when there is no caption. */
  label?: string;
  caption?: ReactNode;
  /** The caption is read by screen readers but not shown. */
  captionHidden?: boolean;
  empty?: ReactNode;
  /** More classes of the table besides `data`. */
  className?: string;
  /** Wrap the table in `.table-scroll`. */
  scroll?: boolean;
  /** The `data-table` attribute tests and exports find the table by. */
  dataTable?: string;
}) {
  if (rows.length === 0 && empty !== undefined) return <>{empty}</>;
  const shown = columns.filter((c): c is DataColumn<T> => Boolean(c));
  const table = (
    <table className={classes('data', className)} aria-label={label} data-table={dataTable}>
      {caption !== undefined && <caption className={captionHidden ? 'visually-hidden' : undefined}>{caption}</caption>}
      <thead>
        <tr>
          {shown.map((c) => (
            <th key={c.key} scope="col" className={c.numeric ? 'num' : undefined} aria-sort={c.sort}>
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <tr key={rowKey(row, i)}>
            {shown.map((c) => {
              const className = classes(c.numeric && 'num', typeof c.className === 'function' ? c.className(row) : c.className);
              return c.rowHeader ? (
                <th key={c.key} scope="row" className={className}>
                  {c.cell(row, i)}
                </th>
              ) : (
                <td key={c.key} className={className} style={c.maxWidth ? { maxWidth: c.maxWidth } : undefined}>
                  {c.cell(row, i)}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
  return scroll ? <div className="table-scroll">{table}</div> : table;
}

/** A record's facts as label / value rows, each label a row header. */
export function FactTable({ label, facts }: { label?: string; facts: ReadonlyArray<{ label: ReactNode; value: ReactNode } | Falsy> }) {
  return (
    <table className="data" aria-label={label}>
      <tbody>
        {facts
          .filter((f): f is { label: ReactNode; value: ReactNode } => Boolean(f))
          .map((f, i) => (
            <tr key={i}>
              <th scope="row">{f.label}</th>
              <td>{f.value}</td>
            </tr>
          ))}
      </tbody>
    </table>
  );
}
