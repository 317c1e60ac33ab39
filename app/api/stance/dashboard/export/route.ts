import { dashboardCsv } from '@/lib/stance/export';
import { csvRoute } from '@/lib/stance/export-route';
import { shiftsWindowSchema, sinceFromWindow } from '@/lib/stance/schema';

// GET /api/stance/dashboard/export?table=shifts|spread|latest&shifts=7|30|90|365|all
export const GET = csvRoute(({ ctx, request }) => {
  const search = new URL(request.url).searchParams;
  const since = sinceFromWindow(shiftsWindowSchema.parse(search.get('shifts') ?? undefined));
  return dashboardCsv(ctx, search.get('table') ?? 'shifts', { since });
});
