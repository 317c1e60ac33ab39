import { issueReadingsCsv, issueSeriesCsv } from '@/lib/stance/export';
import { csvRoute } from '@/lib/stance/export-route';
import { parseStanceFilters } from '@/lib/stance/schema';
import { invalid } from '@/lib/errors';

// GET /api/stance/issues/:id/export?table=series|readings&<the issue page's filters>
export const GET = csvRoute<{ id: string }>(async ({ ctx, request, params }) => {
  const search = new URL(request.url).searchParams;
  const filters = parseStanceFilters(search);
  const table = search.get('table') ?? 'series';
  if (table === 'series') return issueSeriesCsv(ctx, params.id, filters);
  if (table === 'readings') return issueReadingsCsv(ctx, params.id, filters);
  throw invalid({ table: ['Choose series or readings'] });
});
