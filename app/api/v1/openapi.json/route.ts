import { apiRoute, json } from '@/lib/api/handler';
import { apiDocument } from '@/lib/api/resources';

/** The OpenAPI 3.1 document. Needs a session or a token, like the rest of the API. */
export const GET = apiRoute({ permission: 'workspace:read' }, async () => json(apiDocument().document));
