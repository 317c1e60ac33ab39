import 'server-only';
import { env } from '../env';
import { importWorkspace } from '../export/import-workspace';
import { workspaceExportStream } from '../export/workspace';
import { csvFileName } from '../stance/csv';
import { readLimitedBody } from './body';
import { apiRoute, json } from './handler';

/** GET /api/v1/export — the whole workspace as JSON (lib/export/format.ts), as a download. */
export const exportWorkspaceRoute = apiRoute({ permission: 'workspace:read' }, async ({ ctx }) => {
  const name = csvFileName(ctx.workspaceName, 'export', new Date().toISOString().slice(0, 10)).replace(/\.csv$/, '.json');
  return new Response(workspaceExportStream(ctx), {
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Content-Disposition': `attachment; filename="${name}"` },
  });
});

/** POST /api/v1/import/workspace — an export as the body, into this (empty) workspace. Admins only. */
export const importWorkspaceRoute = apiRoute({ permission: 'members:manage' }, async ({ ctx, request }) => {
  const bytes = await readLimitedBody(request, env().IMPORT_MAX_BYTES);
  const text = new TextDecoder('utf-8').decode(bytes);
  return json(await importWorkspace(ctx, text), { status: 201 });
});
