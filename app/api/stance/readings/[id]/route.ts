import { apiRoute, json } from '@/lib/api/handler';
import { readingDetail } from '@/lib/stance/readings';

// GET /api/stance/readings/:id: the quote and rationale of one reading, for the chart's tooltip.
export const GET = apiRoute<{ id: string }>({ permission: 'workspace:read' }, async ({ ctx, params }) =>
  json(await readingDetail(ctx, params.id), { headers: { 'Cache-Control': 'private, max-age=60' } }),
);
