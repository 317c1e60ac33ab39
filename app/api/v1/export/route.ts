import { exportWorkspaceRoute } from '@/lib/api/export-routes';

export const GET = exportWorkspaceRoute;
