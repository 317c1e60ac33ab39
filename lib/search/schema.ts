import { z } from 'zod';
import { wholeNumber } from '../validation';

export const SEARCH_KINDS = ['actor', 'issue', 'source', 'interest', 'assessment', 'scenario'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export const SEARCH_KIND_LABELS: Record<SearchKind, string> = {
  actor: 'Actors',
  issue: 'Issues',
  source: 'Sources',
  interest: 'Stated interests',
  assessment: 'Assessments',
  scenario: 'Scenarios',
};

/** One schema for the search page and GET /api/search. */
export const searchInputSchema = z.object({
  q: z
    .string({ error: 'Type something to search for.' })
    .trim()
    .min(2, { error: 'Type at least 2 characters to search.' })
    .max(200, { error: 'Search for at most 200 characters.' })
    .refine((q) => /[\p{L}\p{N}]/u.test(q), { error: 'Search for a word or a number.' }),
  /** Results per kind. */
  limit: wholeNumber('limit', 1, 50).catch(8).default(8),
});
export type SearchInput = z.infer<typeof searchInputSchema>;
