import 'server-only';
import type { Ctx } from '../auth/context';
import { Prisma } from '../generated/prisma/client';
import { undisputedSql } from '../opinions/sql';
import type { StanceFilters } from './schema';
import { CONFIDENCE_ORDER, RELIABILITY_ORDER, STANCE_WEIGHTS, confidenceAtLeast, reliabilityAtLeast } from './weights';

// SQL fragments shared by the stance queries. Every user value goes in as a bound parameter through
// Prisma.sql; nothing here concatenates input into the statement text.

/**
 * FROM/JOIN/WHERE for the live readings of the caller's workspace: the assessment and its actor,
 * issue and source must all belong to the workspace and none may be soft-deleted.
 * Aliases: a = Assessment, ac = Actor, s = Source, i = Issue.
 */
export function readingScope(
  ctx: Ctx,
  scope: { issueIds?: readonly string[] | null; actorIds?: readonly string[] | null; filters?: StanceFilters; asOf?: string; since?: string },
): Prisma.Sql {
  const where: Prisma.Sql[] = [Prisma.sql`a."workspaceId" = ${ctx.workspaceId}::uuid`, Prisma.sql`a."deletedAt" IS NULL`];
  if (scope.issueIds) where.push(oneOf(Prisma.sql`a."issueId"`, scope.issueIds));
  if (scope.actorIds) where.push(oneOf(Prisma.sql`a."actorId"`, scope.actorIds));
  const f = scope.filters;
  if (f) {
    if (f.actors.length) where.push(Prisma.sql`a."actorId" = ANY(${f.actors}::uuid[])`);
    if (f.sources.length) where.push(Prisma.sql`a."sourceId" = ANY(${f.sources}::uuid[])`);
    if (f.kinds.length) where.push(Prisma.sql`s."kind"::text = ANY(${f.kinds}::text[])`);
    if (f.from) where.push(Prisma.sql`a."stanceDate" >= ${f.from}::date`);
    if (f.to) where.push(Prisma.sql`a."stanceDate" <= ${f.to}::date`);
    if (f.minConfidence) where.push(Prisma.sql`a."confidence"::text = ANY(${confidenceAtLeast(f.minConfidence)}::text[])`);
    if (f.minReliability && f.minReliability !== 'F')
      where.push(Prisma.sql`s."reliability"::text = ANY(${reliabilityAtLeast(f.minReliability)}::text[])`);
    if (f.undisputed) where.push(undisputedSql('a'));
  }
  if (scope.asOf) where.push(Prisma.sql`a."stanceDate" <= ${scope.asOf}::date`);
  if (scope.since) where.push(Prisma.sql`a."stanceDate" >= ${scope.since}::date`);
  return Prisma.sql`
    FROM "Assessment" a
    JOIN "Actor" ac ON ac."id" = a."actorId" AND ac."workspaceId" = a."workspaceId" AND ac."deletedAt" IS NULL
    JOIN "Issue" i ON i."id" = a."issueId" AND i."workspaceId" = a."workspaceId" AND i."deletedAt" IS NULL
    JOIN "Source" s ON s."id" = a."sourceId" AND s."workspaceId" = a."workspaceId" AND s."deletedAt" IS NULL
    WHERE ${Prisma.join(where, ' AND ')}`;
}

/**
 * `column = id` for one id: PostgreSQL (before 17) reads an index in order only under equality, so the
 * readings table's first page, (stance date, id) order, stops after its rows instead of sorting them all.
 */
function oneOf(column: Prisma.Sql, ids: readonly string[]): Prisma.Sql {
  return ids.length === 1 ? Prisma.sql`${column} = ${ids[0]}::uuid` : Prisma.sql`${column} = ANY(${[...ids]}::uuid[])`;
}

/** Weight ×10 of reading a (see STANCE_WEIGHTS), an integer 1..30. */
export function weightTenthsSql(): Prisma.Sql {
  const conf = Prisma.join(
    CONFIDENCE_ORDER.map((c) => Prisma.sql`WHEN ${c} THEN ${STANCE_WEIGHTS.confidence[c]}::int`),
    ' ',
  );
  const rel = Prisma.join(
    RELIABILITY_ORDER.map((g) => Prisma.sql`WHEN ${g} THEN ${Math.round(STANCE_WEIGHTS.reliability[g] * 10)}::int`),
    ' ',
  );
  return Prisma.sql`((CASE a."confidence"::text ${conf} END) * (CASE s."reliability"::text ${rel} END))`;
}
