import { apiRoute } from '@/lib/api/handler';
import { notificationStream } from '@/lib/notifications/stream';

// GET /api/notifications/stream: the caller's notifications in their current workspace as server-sent
// events (session or API token; one LISTEN connection per app instance fans out to every stream).
export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export const GET = apiRoute({ permission: 'workspace:read' }, async ({ ctx, request }) => notificationStream(ctx, request.signal));
