import { sourceComparisonCsv } from '@/lib/stance/export';
import { csvRoute } from '@/lib/stance/export-route';
import { rawSearchParams } from '@/lib/stance/schema';

// GET /api/stance/issues/:id/compare/export?actor=<id>&asOf=YYYY-MM-DD
export const GET = csvRoute<{ id: string }>(({ ctx, request, params }) =>
  sourceComparisonCsv(ctx, params.id, rawSearchParams(new URL(request.url).searchParams)),
);
