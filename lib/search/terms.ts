// Pure helpers shared by the search query (lib/search/queries.ts) and the highlighting of its results.

/** At most this many words of a query are used: a pasted paragraph must not become a huge tsquery. */
export const MAX_SEARCH_WORDS = 8;

/** The words of a query: runs of letters and digits, in order, without repeats (case-insensitive). */
export function searchWords(query: string): string[] {
  const seen = new Set<string>();
  const words: string[] = [];
  for (const match of query.matchAll(/[\p{L}\p{N}]+/gu)) {
    const word = match[0];
    const key = foldText(word);
    if (seen.has(key)) continue;
    seen.add(key);
    words.push(word);
    if (words.length === MAX_SEARCH_WORDS) break;
  }
  return words;
}

/**
 * A tsquery of every word as a prefix ("erdo" finds "Erdogan"). The words hold only letters and digits,
 * so nothing in them can be read as tsquery syntax; PostgreSQL folds accents and case (search_fold).
 */
export function prefixTsQuery(words: readonly string[]): string {
  return words.map((word) => `${word}:*`).join(' & ');
}

/**
 * Lower case without accents, character by character, like PostgreSQL's search_fold (unaccent): each
 * character of the result stands for the character at the same index of the input, so matches found
 * in the folded text can be cut out of the original. Characters that fold to several (ß, æ) keep one.
 */
export function foldText(text: string): string {
  let out = '';
  for (const char of text) {
    const folded = char.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    if (folded.length === char.length) out += folded;
    else {
      const lower = char.toLowerCase();
      out += lower.length === char.length ? lower : char;
    }
  }
  return out;
}
