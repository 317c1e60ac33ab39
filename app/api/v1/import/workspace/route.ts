import { importWorkspaceRoute } from '@/lib/api/export-routes';

/** The body is a workspace export (GET /api/v1/export); the workspace must be empty. */
export const POST = importWorkspaceRoute;
