import 'server-only';
import { redirect } from 'next/navigation';
import { authorize, type Ctx } from './context';
import { roleCan, type Permission } from './permissions';
import { requirePageContext } from './request';

/**
 * For pages that only some roles may open (forms): the caller, or a page that says why not.
 * The actions behind those pages check again; this only spares a viewer a form they cannot submit.
 */
export async function requirePagePermission(permission: Permission): Promise<Ctx> {
  const ctx = await requirePageContext();
  if (!roleCan(ctx.role, permission)) redirect(`/forbidden?need=${encodeURIComponent(permission)}`);
  return authorize(ctx, permission);
}
