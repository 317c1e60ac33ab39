import { apiRoute, json } from '@/lib/api/handler';
import { searchWorkspace } from '@/lib/search/queries';

// GET /api/search?q=…&limit=8: the global search, grouped by kind (session or API token).
export const GET = apiRoute({ permission: 'workspace:read' }, async ({ ctx, request }) =>
  json(await searchWorkspace(ctx, Object.fromEntries(new URL(request.url).searchParams))),
);
