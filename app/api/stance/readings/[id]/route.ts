import { requireContext } from '@/lib/auth/request';
import { errorResponse } from '@/lib/errors';
import { readingDetail } from '@/lib/stance/readings';

// GET /api/stance/readings/:id: the quote and rationale of one reading, for the chart's tooltip.
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const ctx = await requireContext();
    const { id } = await params;
    return Response.json(await readingDetail(ctx, id), { headers: { 'Cache-Control': 'private, max-age=60' } });
  } catch (error) {
    return errorResponse(error);
  }
}
