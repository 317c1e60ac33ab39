import { authorize, type Ctx } from '../auth/context';
import { db } from '../db';
import { invalid, type FieldErrors } from '../errors';

/**
 * Checks that referenced actor/issue/source ids are live records of the caller's workspace. An id of
 * another workspace gets the same message as an unknown one, so the check leaks nothing.
 */
export async function assertReferences(ctx: Ctx, refs: { actorId?: string; issueId?: string; sourceId?: string }): Promise<void> {
  authorize(ctx, 'workspace:read');
  const where = { workspaceId: ctx.workspaceId, deletedAt: null };
  const [actor, issue, source] = await Promise.all([
    refs.actorId ? db().actor.findFirst({ where: { ...where, id: refs.actorId }, select: { id: true } }) : true,
    refs.issueId ? db().issue.findFirst({ where: { ...where, id: refs.issueId }, select: { id: true } }) : true,
    refs.sourceId ? db().source.findFirst({ where: { ...where, id: refs.sourceId }, select: { id: true } }) : true,
  ]);
  throwUnlessReferencesFound({ actor: Boolean(actor), issue: Boolean(issue), source: Boolean(source) });
}

/** The refusal for references found missing (by assertReferences or a write that checks them in its own statement). */
export function throwUnlessReferencesFound(found: { actor: boolean; issue: boolean; source: boolean }): void {
  const errors: FieldErrors = {};
  if (!found.actor) errors.actorId = ['Choose an actor from the list'];
  if (!found.issue) errors.issueId = ['Choose an issue from the list'];
  if (!found.source) errors.sourceId = ['Choose a source from the list'];
  if (Object.keys(errors).length) throw invalid(errors);
}
