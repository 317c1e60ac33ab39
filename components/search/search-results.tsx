import Link from '@/components/ui/link';
import type { SearchResults } from '@/lib/search/queries';
import { SEARCH_KIND_LABELS } from '@/lib/search/schema';
import { highlight } from '@/lib/search/highlight';
import { HighlightedText } from './highlighted-text';

const EXCERPT = 240;

/** Results grouped by kind; a long text is shown only when it holds a matching word. */
export function SearchResultGroups({ results }: { results: SearchResults }) {
  const groups = results.groups.filter((g) => g.hits.length > 0);
  if (groups.length === 0) {
    return (
      <div className="panel empty">
        <h2>Nothing matches “{results.q}”</h2>
        <p className="muted">Search looks at names and aliases, issues, sources, stated interests, quotes, rationales and scenarios. Try fewer or shorter words.</p>
      </div>
    );
  }
  return (
    <>
      {groups.map((group) => (
        <section key={group.kind} className="panel search-group" aria-labelledby={`search-${group.kind}`}>
          <h2 id={`search-${group.kind}`}>
            {SEARCH_KIND_LABELS[group.kind]} <span className="muted small">({group.hits.length})</span>
          </h2>
          <ul className="search-hits">
            {group.hits.map((hit) => {
              const texts = hit.texts.filter((text, i) => i === 0 || highlight(text, results.words).segments.some((s) => s.match));
              return (
                <li key={hit.id}>
                  <Link href={hit.href} prefetch={false} className="search-hit-title">
                    <HighlightedText text={hit.title} words={results.words} />
                  </Link>
                  <div className="muted small">{hit.context}</div>
                  {texts.map((text, i) => (
                    <p key={i} className="search-hit-text">
                      <HighlightedText text={text} words={results.words} maxLength={EXCERPT} />
                    </p>
                  ))}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </>
  );
}
