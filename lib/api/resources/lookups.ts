import { authorize, type Ctx } from '../../auth/context';
import { db } from '../../db';

/** Names of referenced records for CSV cells, one query per table and page. */
export async function nameMaps(ctx: Ctx, ids: { actors?: string[]; issues?: string[]; sources?: string[]; users?: string[] }) {
  authorize(ctx, 'workspace:read');
  const { workspaceId } = ctx;
  const uniq = (list?: string[]) => [...new Set((list ?? []).filter(Boolean))];
  const [actors, issues, sources, users] = await Promise.all([
    uniq(ids.actors).length ? db().actor.findMany({ where: { workspaceId, id: { in: uniq(ids.actors) } }, select: { id: true, name: true } }) : [],
    uniq(ids.issues).length ? db().issue.findMany({ where: { workspaceId, id: { in: uniq(ids.issues) } }, select: { id: true, title: true } }) : [],
    uniq(ids.sources).length
      ? db().source.findMany({
          where: { workspaceId, id: { in: uniq(ids.sources) } },
          select: { id: true, title: true, outlet: true, publishedAt: true, kind: true, reliability: true },
        })
      : [],
    uniq(ids.users).length ? db().user.findMany({ where: { id: { in: uniq(ids.users) } }, select: { id: true, name: true } }) : [],
  ]);
  return {
    actor: new Map(actors.map((a) => [a.id, a.name])),
    issue: new Map(issues.map((i) => [i.id, i.title])),
    source: new Map(sources.map((s) => [s.id, s])),
    user: new Map(users.map((u) => [u.id, u.name])),
  };
}

/** Anchors as one cell: "0=No foreign forces|50=Joint peacekeeping|100=Russian only" (the import's issue_anchors format). */
export function anchorsCell(anchors: { value: number; label: string }[]): string {
  return anchors.map((a) => `${a.value}=${a.label}`).join('|');
}
