import { issueReadingsCsv, issueSeriesCsv } from '@/lib/stance/export';
import { csvRoute } from '@/lib/stance/export-route';
import { parseStanceFilters } from '@/lib/stance/schema';
import { invalid } from '@/lib/errors';

// GET /api/stance/issues/:id/export?table=series|readings&<the issue page's filters>
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const search = new URL(request.url).searchParams;
  const filters = parseStanceFilters(search);
  const table = search.get('table') ?? 'series';
  return csvRoute(async (ctx) => {
    if (table === 'series') return issueSeriesCsv(ctx, id, filters);
    if (table === 'readings') return issueReadingsCsv(ctx, id, filters);
    throw invalid({ table: ['Choose series or readings'] });
  });
}
