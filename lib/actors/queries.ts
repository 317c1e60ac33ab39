import { authorize, type Ctx } from '../auth/context';
import { db, readDb } from '../db';
import { notFound } from '../errors';
import type { Prisma } from '../generated/prisma/client';
import { cursorListParams, type SortSpecs } from '../records/cursor';
import { parseListParams, runList, type ListFrom, type ListPage } from '../records/list';
import { ActorKind } from '../generated/prisma/enums';
import { z } from 'zod';

const ACTOR_SORTS: SortSpecs<'name' | 'kind' | 'updatedAt' | 'createdAt'> = {
  name: { type: 'string' },
  kind: { type: 'enum', values: Object.values(ActorKind) },
  updatedAt: { type: 'date' },
  createdAt: { type: 'date' },
};

/** The actor list's params, for the actors page (read from the address bar) and GET /api/v1/actors alike. */
export const actorListSchema = cursorListParams(['name', 'kind', 'updatedAt', 'createdAt'] as const, 'name', 'asc').extend({
  kind: z.enum(ActorKind, { error: `kind must be one of: ${Object.values(ActorKind).join(', ')}` }).optional(),
  parent: z.uuid({ error: 'parent must be an actor id' }).optional(),
});
export type ActorListParams = z.output<typeof actorListSchema>;

export function actorWhere(workspaceId: string, p: ActorListParams): Prisma.ActorWhereInput {
  return {
    workspaceId,
    deletedAt: p.deleted === 'only' ? { not: null } : null,
    ...(p.kind ? { kind: p.kind } : {}),
    ...(p.parent ? { parentId: p.parent } : {}),
    ...(p.q
      ? { OR: [{ name: { contains: p.q, mode: 'insensitive' } }, { aliases: { has: p.q } }, { description: { contains: p.q, mode: 'insensitive' } }] }
      : {}),
  };
}

const actorPageInclude = {
  parent: { select: { id: true, name: true } },
  _count: { select: { assessments: { where: { deletedAt: null } } } },
} satisfies Prisma.ActorInclude;

type Actor = Prisma.ActorGetPayload<object>;
type ActorListed = Prisma.ActorGetPayload<{ include: typeof actorPageInclude }>;

/** The page view carries the parent and assessment count it shows; the API view the bare rows. */
export function listActors(ctx: Ctx, raw: unknown, from: 'api'): Promise<ListPage<Actor, ActorListParams>>;
export function listActors(ctx: Ctx, raw: unknown, from?: 'page'): Promise<ListPage<ActorListed, ActorListParams>>;
export async function listActors(ctx: Ctx, raw: unknown, from: ListFrom = 'page') {
  authorize(ctx, 'workspace:read');
  const p = parseListParams(actorListSchema, raw, from);
  const where = actorWhere(ctx.workspaceId, p);
  return runList(
    p,
    from,
    ACTOR_SORTS,
    where,
    (args) => readDb(ctx).actor.findMany({ ...(args as Prisma.ActorFindManyArgs), ...(from === 'page' ? { include: actorPageInclude } : {}) }),
    (args) => readDb(ctx).actor.count(args as Prisma.ActorCountArgs),
  );
}

export async function getActor(ctx: Ctx, id: string) {
  authorize(ctx, 'workspace:read');
  if (!z.uuid().safeParse(id).success) throw notFound('Actor');
  const actor = await db().actor.findFirst({
    where: { id, workspaceId: ctx.workspaceId },
    include: {
      parent: { select: { id: true, name: true } },
      members: { where: { deletedAt: null }, select: { id: true, name: true, kind: true }, orderBy: { name: 'asc' } },
    },
  });
  if (!actor) throw notFound('Actor');
  return actor;
}

/** Id and name of every live actor, for select inputs and alias highlighting. */
export async function actorOptions(ctx: Ctx) {
  authorize(ctx, 'workspace:read');
  return db().actor.findMany({
    where: { workspaceId: ctx.workspaceId, deletedAt: null },
    select: { id: true, name: true, aliases: true, kind: true },
    orderBy: { name: 'asc' },
  });
}
