import { actorProfileCsv } from '@/lib/stance/export';
import { csvRoute } from '@/lib/stance/export-route';

// GET /api/stance/actors/:id/export?table=positions|series
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const table = new URL(request.url).searchParams.get('table') ?? 'positions';
  return csvRoute((ctx) => actorProfileCsv(ctx, id, table));
}
