import Link from '@/components/ui/link';
import type { ReactNode } from 'react';

type Params = Record<string, string | number | undefined>;

function hrefWith(basePath: string, params: Params, changes: Params): string {
  const merged: Params = { ...params, ...changes };
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(merged)) {
    if (value !== undefined && value !== '' && value !== null) search.set(key, String(value));
  }
  const query = search.toString();
  return query ? `${basePath}?${query}` : basePath;
}

/** The link of a column header that sorts the list server-side via the URL. */
export function SortLink({ basePath, params, column, label }: { basePath: string; params: Params & { sort?: string; dir?: string }; column: string; label: ReactNode }) {
  const active = params.sort === column;
  const nextDir = active && params.dir === 'asc' ? 'desc' : 'asc';
  return (
    <Link href={hrefWith(basePath, params, { sort: column, dir: nextDir, page: undefined, cursor: undefined })}>
      {label} {active ? (params.dir === 'asc' ? '▲' : '▼') : ''}
    </Link>
  );
}

/** The aria-sort of a column header: set on the column the list is sorted by. */
export function sortState(params: { sort?: string; dir?: string }, column: string): 'ascending' | 'descending' | undefined {
  return params.sort === column ? (params.dir === 'asc' ? 'ascending' : 'descending') : undefined;
}

export function Pager({ basePath, params, page, pageCount, total, capped = false }: { basePath: string; params: Params; page: number; pageCount: number; total: number; capped?: boolean }) {
  return (
    <nav className="pager" aria-label="Pagination">
      <span className="muted">
        {capped ? `More than ${total.toLocaleString('en')} records · page ${page}` : `${total} ${total === 1 ? 'record' : 'records'} · page ${page} of ${pageCount}`}
      </span>
      {page > 1 ? <Link className="btn btn-small" href={hrefWith(basePath, params, { page: page - 1 })}>← Previous</Link> : null}
      {page < pageCount ? <Link className="btn btn-small" href={hrefWith(basePath, params, { page: page + 1 })}>Next →</Link> : null}
    </nav>
  );
}

/** A GET form: every filter lives in the URL, so a view can be bookmarked and shared. */
export function FilterBar({ basePath, children, params }: { basePath: string; children: ReactNode; params: Params }) {
  return (
    <form method="get" action={basePath} className="filters" role="search">
      {children}
      <input type="hidden" name="sort" value={String(params.sort ?? '')} />
      <input type="hidden" name="dir" value={String(params.dir ?? '')} />
      <button type="submit">Apply</button>
      <Link href={basePath} className="btn">
        Reset
      </Link>
    </form>
  );
}

export function DeletedToggle({ basePath, params }: { basePath: string; params: Params & { deleted?: string } }) {
  return params.deleted === 'only' ? (
    <Link href={hrefWith(basePath, params, { deleted: undefined, page: undefined, cursor: undefined })}>← Back to current records</Link>
  ) : (
    <Link href={hrefWith(basePath, params, { deleted: 'only', page: undefined, cursor: undefined })} className="small">
      Show deleted
    </Link>
  );
}

export function EmptyState({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="empty">
      <h2>{title}</h2>
      {children}
    </div>
  );
}

export { hrefWith };

/** Title, one-line explanation and the "New …" button (for those who may write) of a list page. */
export function ListHeader({ title, sub, newHref, newLabel, canWrite }: { title: string; sub: string; newHref: string; newLabel: string; canWrite: boolean }) {
  return (
    <div className="page-head">
      <div>
        <h1>{title}</h1>
        <div className="sub">{sub}</div>
      </div>
      {canWrite && (
        <Link className="btn btn-primary" href={newHref}>
          {newLabel}
        </Link>
      )}
    </div>
  );
}

export function SearchField({ value, placeholder, label = 'Search' }: { value: string; placeholder: string; label?: string }) {
  return (
    <div className="field">
      <label htmlFor="q">{label}</label>
      <input id="q" name="q" type="search" defaultValue={value} placeholder={placeholder} />
    </div>
  );
}

/** A filter select whose empty choice means "any". */
export function FilterSelect({ name, label, value, options }: { name: string; label: string; value: string | undefined; options: Array<[string, string]> }) {
  return (
    <div className="field">
      <label htmlFor={`f-${name}`}>{label}</label>
      <select id={`f-${name}`} name={name} defaultValue={value ?? ''}>
        <option value="">Any</option>
        {options.map(([optionValue, optionLabel]) => (
          <option key={optionValue} value={optionValue}>
            {optionLabel}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * Keyset paging: "Previous" and "Next" carry a cursor in the URL (with the filters and sort), so any page
 * costs what the first does. The count is capped: past the cap the list says "more than".
 */
export function CursorPager({ basePath, params, list }: { basePath: string; params: Params; list: CursorListState }) {
  const count = list.capped ? `More than ${list.total.toLocaleString('en')} records` : `${list.total.toLocaleString('en')} ${list.total === 1 ? 'record' : 'records'}`;
  return (
    <nav className="pager" aria-label="Pagination">
      <span className="muted">{count}</span>
      {list.prevCursor ? <Link className="btn btn-small" href={hrefWith(basePath, params, { cursor: list.prevCursor })}>← Previous</Link> : null}
      {list.nextCursor ? <Link className="btn btn-small" href={hrefWith(basePath, params, { cursor: list.nextCursor })}>Next →</Link> : null}
    </nav>
  );
}

interface OffsetListState {
  page: number;
  pageCount: number;
  total: number;
  capped?: boolean;
}
interface CursorListState {
  nextCursor: string | null;
  prevCursor: string | null;
  total: number;
  capped: boolean;
}

/** Below a list: the deleted-records toggle (not for records deleted outright, such as events) and the pager. */
export function ListFooter({
  basePath,
  params,
  list,
  deletedToggle = true,
}: {
  basePath: string;
  params: Params & { deleted?: string };
  list: OffsetListState | CursorListState;
  deletedToggle?: boolean;
}) {
  return (
    <div className="row" style={{ justifyContent: 'space-between' }}>
      {deletedToggle ? <DeletedToggle basePath={basePath} params={params} /> : <span />}
      {'nextCursor' in list ? (
        <CursorPager basePath={basePath} params={params} list={list} />
      ) : (
        <Pager basePath={basePath} params={params} page={list.page} pageCount={list.pageCount} total={list.total} capped={list.capped} />
      )}
    </div>
  );
}
