import 'server-only';
import { isUuid } from '../validation';
import { isoDay } from '../format';
import { authorize, type Ctx } from '../auth/context';
import { readDb } from '../db';
import { notFound } from '../errors';
import { Prisma } from '../generated/prisma/client';
import { withFilterDefaults, type StanceFiltersInput } from './schema';
import { readingScope, weightTenthsSql } from './sql';
import { type ConfidenceLevel, type ReliabilityGrade, type SourceKindCode } from './weights';

// The issue page's readings, page by page (the table view and the CSV), and one reading on demand (the
// chart's tooltip). Like every stance read: the caller's Ctx, 'workspace:read', scoped to the workspace,
// soft-deleted assessments, actors, sources and issues left out.

export interface ReadingsCursor {
  date: string;
  id: string;
}

/** A cursor from its URL form `YYYY-MM-DD_<uuid>`; anything else starts at the first page. */
export function parseReadingsCursor(raw: unknown): ReadingsCursor | undefined {
  const m = typeof raw === 'string' ? /^(\d{4}-\d{2}-\d{2})_([0-9a-f-]{36})$/i.exec(raw) : null;
  return m && isUuid(m[2]!) && !Number.isNaN(Date.parse(m[1]!)) ? { date: m[1]!, id: m[2]! } : undefined;
}

export const formatReadingsCursor = (c: ReadingsCursor) => `${c.date}_${c.id}`;

/**
 * Matching readings on an issue, unthinned, oldest first (by stance date, then id): the CSV export
 * (up to `limit`) and the paged readings table (a page of `limit` after `after`, keyset-paged so that
 * any page costs the same).
 */
export async function stanceReadings(
  ctx: Ctx,
  issueId: string,
  filtersInput: StanceFiltersInput = {},
  { limit = 200_000, after }: { limit?: number; after?: ReadingsCursor } = {},
) {
  authorize(ctx, 'workspace:read');
  if (!isUuid(issueId)) throw notFound('Issue');
  const filters = withFilterDefaults(filtersInput);
  const rows = await readDb(ctx).$queryRaw<
    {
      id: string; date: Date; actor: string; position: number; salience: number; capability: number | null; confidence: ConfidenceLevel;
      credibility: number; source_title: string; source_outlet: string; source_kind: SourceKindCode; reliability: ReliabilityGrade;
      published_at: Date; source_origin: string | null; analyst: string | null; quote: string; rationale: string; weight10: number;
    }[]
  >`
    SELECT a."id", a."stanceDate" AS date, ac."name" AS actor, a."position", a."salience", a."capability",
           a."confidence"::text AS confidence, a."credibility", s."title" AS source_title, s."outlet" AS source_outlet,
           s."kind"::text AS source_kind, s."reliability"::text AS reliability, s."publishedAt" AS published_at, s."origin" AS source_origin,
           (SELECT u."name" FROM "User" u WHERE u."id" = a."recordedById") AS analyst, a."quote", a."rationale",
           ${weightTenthsSql()} AS weight10
    ${readingScope(ctx, { issueIds: [issueId], filters })}
    ${after ? Prisma.sql`AND (a."stanceDate", a."id") > (${after.date}::date, ${after.id}::uuid)` : Prisma.empty}
    ORDER BY a."stanceDate", a."id"
    LIMIT ${limit + 1}::int`;
  const page = rows.slice(0, limit).map((r) => ({ ...r, date: isoDay(r.date), published_at: isoDay(r.published_at), weight: r.weight10 / 10 }));
  const last = page[page.length - 1];
  return {
    filters,
    truncated: rows.length > limit,
    rows: page,
    next: rows.length > limit && last ? { date: last.date, id: last.id } : null,
  };
}

export interface ReadingDetail {
  id: string;
  quote: string;
  rationale: string;
}

/** What a chart leaves out of each reading marker (the quote and rationale), fetched when a reader points at it. */
export async function readingDetail(ctx: Ctx, id: string): Promise<ReadingDetail> {
  authorize(ctx, 'workspace:read');
  if (!isUuid(id)) throw notFound('Assessment');
  const row = await readDb(ctx).assessment.findFirst({
    where: { id, workspaceId: ctx.workspaceId, deletedAt: null, actor: { deletedAt: null }, issue: { deletedAt: null }, source: { deletedAt: null } },
    select: { id: true, quote: true, rationale: true },
  });
  if (!row) throw notFound('Assessment');
  return row;
}

