import type { Metadata } from 'next';
import { requirePageContext } from '@/lib/auth/request';
import { isAppError } from '@/lib/errors';
import { searchWorkspace, type SearchResults } from '@/lib/search/queries';
import { searchParamsObject } from '@/lib/records/list-params';
import { SearchResultGroups } from '@/components/search/search-results';

export const metadata: Metadata = { title: 'Search' };

export default async function SearchPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requirePageContext();
  const raw = searchParamsObject(await searchParams);
  const q = typeof raw.q === 'string' ? raw.q : '';
  let results: SearchResults | null = null;
  let problem: string | null = null;
  if (q.trim()) {
    try {
      results = await searchWorkspace(ctx, raw);
    } catch (error) {
      if (!isAppError(error) || error.code !== 'VALIDATION') throw error;
      problem = error.extra.fieldErrors?.q?.[0] ?? error.message;
    }
  }
  return (
    <>
      <div className="page-head">
        <div>
          <h1>{q.trim() ? `Search: ${q.trim()}` : 'Search'}</h1>
          <p className="sub">Actors and aliases, issues, sources, stated interests, quotes and rationales, scenarios.</p>
        </div>
      </div>
      {problem ? (
        <p className="notice notice-error" role="alert">
          {problem}
        </p>
      ) : results ? (
        <SearchResultGroups results={results} />
      ) : (
        <p className="muted">Type in the search box (Ctrl+K or / from any page) to search the whole workspace.</p>
      )}
    </>
  );
}
