import { actorProfileCsv } from '@/lib/stance/export';
import { csvRoute } from '@/lib/stance/export-route';

// GET /api/stance/actors/:id/export?table=positions|series
export const GET = csvRoute<{ id: string }>(({ ctx, request, params }) =>
  actorProfileCsv(ctx, params.id, new URL(request.url).searchParams.get('table') ?? 'positions'),
);
