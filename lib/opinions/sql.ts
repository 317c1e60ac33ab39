import { Prisma } from '../generated/prisma/client';

// What "disputed" means, once: a reading is disputed while at least one colleague's live opinion
// disagrees with it. "Partly agree" is a nuance, not a dispute.

/** SQL condition: the assessment aliased `alias` has no live disagreeing opinion. */
export function undisputedSql(alias = 'a'): Prisma.Sql {
  return Prisma.sql`NOT EXISTS (SELECT 1 FROM "AssessmentOpinion" o
    WHERE o."assessmentId" = ${Prisma.raw(`${alias}."id"`)} AND o."workspaceId" = ${Prisma.raw(`${alias}."workspaceId"`)}
      AND o."stance" = 'DISAGREE' AND o."deletedAt" IS NULL)`;
}
