import 'server-only';
import { isUuid } from '../validation';
import { authorize, type Ctx } from '../auth/context';
import { readDb } from '../db';
import { notFound } from '../errors';
import { readingScope } from './sql';
import { sharedOrigins } from './origins';
import { type ConfidenceLevel, type ReliabilityGrade, type SourceKindCode } from './weights';

// Where each source places an actor on an issue (the compare page), with the sources that share an origin.

export interface SourcePlacement {
  assessmentId: string;
  sourceId: string;
  title: string;
  outlet: string;
  kind: SourceKindCode;
  reliability: ReliabilityGrade;
  position: number;
  stanceDate: string;
  confidence: ConfidenceLevel;
  credibility: number;
  analyst: string | null;
  quote: string;
  /** Readings from this source on this actor and issue up to the date (the latest is shown). */
  readings: number;
  /** The source's origin (lib/stance/origins.ts), null when it names none. */
  origin: string | null;
  /** Sources placed here that share this source's origin, itself included (1: independent). */
  sharingOrigin: number;
}

export interface SourceComparison {
  actor: { id: string; name: string };
  issue: { id: string; title: string };
  asOf: string | null;
  placements: SourcePlacement[];
  /** Groups of two or more placed sources with the same origin: in weighted figures each group counts once. */
  sharedOrigins: { origin: string; sourceIds: string[] }[];
  stats: {
    n: number;
    mean: number | null;
    median: number | null;
    /** Sample SD (n − 1), the one displayed, as expert surveys such as Chapel Hill report expert disagreement. */
    sdSample: number | null;
    sdPopulation: number | null;
    min: number | null;
    max: number | null;
    range: number | null;
  };
}

/** Where each source places an actor on an issue: its latest reading up to `asOf`, and the spread across sources. */
export async function sourceComparison(ctx: Ctx, actorId: string, issueId: string, { asOf }: { asOf?: string } = {}): Promise<SourceComparison> {
  authorize(ctx, 'workspace:read');
  if (!isUuid(actorId)) throw notFound('Actor');
  if (!isUuid(issueId)) throw notFound('Issue');
  const [row] = await readDb(ctx).$queryRaw<
    {
      actor: { id: string; name: string } | null;
      issue: { id: string; title: string } | null;
      placements: (Omit<SourcePlacement, 'stanceDate' | 'sharingOrigin'> & { stanceDate: string })[];
      stats: SourceComparison['stats'];
    }[]
  >`
    WITH scoped AS (
      SELECT a."id", a."sourceId", a."position", a."stanceDate", a."createdAt", a."confidence", a."credibility", a."quote", a."recordedById"
      ${readingScope(ctx, { issueIds: [issueId], actorIds: [actorId], asOf })}
    ),
    latest AS (
      SELECT DISTINCT ON ("sourceId") * FROM scoped ORDER BY "sourceId", "stanceDate" DESC, "createdAt" DESC, "id" DESC
    ),
    counts AS (SELECT "sourceId", count(*)::int AS n FROM scoped GROUP BY "sourceId")
    SELECT
      (SELECT json_build_object('id', "id", 'name', "name") FROM "Actor"
        WHERE "id" = ${actorId}::uuid AND "workspaceId" = ${ctx.workspaceId}::uuid AND "deletedAt" IS NULL) AS actor,
      (SELECT json_build_object('id', "id", 'title', "title") FROM "Issue"
        WHERE "id" = ${issueId}::uuid AND "workspaceId" = ${ctx.workspaceId}::uuid AND "deletedAt" IS NULL) AS issue,
      (SELECT coalesce(json_agg(json_build_object(
                'assessmentId', l."id", 'sourceId', l."sourceId", 'title', s."title", 'outlet', s."outlet", 'kind', s."kind"::text,
                'reliability', s."reliability"::text, 'position', l."position", 'stanceDate', l."stanceDate",
                'confidence', l."confidence"::text, 'credibility', l."credibility", 'analyst', u."name", 'quote', l."quote",
                'readings', c.n, 'origin', s."origin") ORDER BY l."position", s."outlet", s."title"), '[]'::json)
         FROM latest l JOIN "Source" s ON s."id" = l."sourceId" JOIN counts c ON c."sourceId" = l."sourceId"
         LEFT JOIN "User" u ON u."id" = l."recordedById") AS placements,
      (SELECT json_build_object('n', count(*)::int, 'mean', avg("position"),
                'median', percentile_cont(0.5) WITHIN GROUP (ORDER BY "position"),
                'sdSample', stddev_samp("position"), 'sdPopulation', stddev_pop("position"),
                'min', min("position"), 'max', max("position"), 'range', max("position") - min("position"))
         FROM latest) AS stats`;
  if (!row?.actor) throw notFound('Actor');
  if (!row.issue) throw notFound('Issue');
  const groups = sharedOrigins(row.placements);
  const placements = row.placements.map((p) => ({ ...p, sharingOrigin: groups.find((g) => g.sourceIds.includes(p.sourceId))?.sourceIds.length ?? 1 }));
  return { actor: row.actor, issue: row.issue, asOf: asOf ?? null, placements, sharedOrigins: groups, stats: row.stats };
}

