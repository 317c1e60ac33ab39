import { sourceComparisonCsv } from '@/lib/stance/export';
import { csvRoute } from '@/lib/stance/export-route';
import { rawSearchParams } from '@/lib/stance/schema';

// GET /api/stance/issues/:id/compare/export?actor=<id>&asOf=YYYY-MM-DD
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const raw = rawSearchParams(new URL(request.url).searchParams);
  return csvRoute((ctx) => sourceComparisonCsv(ctx, id, raw));
}
