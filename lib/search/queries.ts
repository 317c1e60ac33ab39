import 'server-only';
import { ACTOR_KIND_LABELS } from '../actors/schema';
import { authorize, type Ctx } from '../auth/context';
import { db } from '../db';
import { Prisma } from '../generated/prisma/client';
import type { ActorKind } from '../generated/prisma/enums';
import { parseInput } from '../validation';
import { searchInputSchema, type SearchKind } from './schema';
import { prefixTsQuery, searchWords } from './terms';

export interface SearchHit {
  kind: SearchKind;
  id: string;
  href: string;
  /** The record's name, or for quotes the actor and issue. */
  title: string;
  /** A short line of context (kind, outlet, date, ...), not highlighted. */
  context: string;
  /** Longer texts that may hold the matching words (description, quote, rationale), highlighted. */
  texts: string[];
}

export interface SearchResults {
  q: string;
  /** The words the results were matched on, for highlighting. */
  words: string[];
  groups: { kind: SearchKind; hits: SearchHit[] }[];
}

/** Word similarity (pg_trgm) from which a name counts as a misspelling of the query: "Pashinian" ~ "Pashinyan" is 0.6. */
const FUZZY_THRESHOLD = 0.5;
/** Trigram matching of shorter queries finds mostly noise. */
const FUZZY_MIN_LENGTH = 4;
/**
 * Quotes, rationales, interests and source texts are ranked among their first matches only, so that a
 * common word in a large workspace costs a bounded amount of work (see scripts/bench-search.ts).
 */
const CANDIDATES = 200;

const day = (date: Date) => date.toISOString().slice(0, 10);

/**
 * Everything in the caller's workspace that matches: full-text (every word as a prefix, accents and
 * case folded) over names, aliases, descriptions, quotes and rationales, plus trigram similarity on
 * names for misspellings. Deleted records are left out.
 */
export async function searchWorkspace(ctx: Ctx, raw: unknown): Promise<SearchResults> {
  authorize(ctx, 'workspace:read');
  const input = parseInput(searchInputSchema, raw);
  const words = searchWords(input.q);
  const text = words.join(' ');
  const ws = Prisma.sql`${ctx.workspaceId}::uuid`;
  const fuzzy = text.length >= FUZZY_MIN_LENGTH;
  const search = Prisma.sql`(SELECT to_tsquery('simple', search_fold(${prefixTsQuery(words)})) AS tsq, search_fold(${text}) AS folded) s`;
  const limit = input.limit;

  const groups = await db().$transaction(async (tx) => {
    // The <% operator (served by the trigram indexes) compares with this setting, for this transaction only.
    await tx.$executeRaw`SELECT set_config('pg_trgm.word_similarity_threshold', ${String(FUZZY_THRESHOLD)}, true)`;
    const nameMatch = (alias: string) =>
      fuzzy ? Prisma.sql`OR s.folded <% ${Prisma.raw(`${alias}."searchName"`)}` : Prisma.empty;
    const nameRank = (alias: string) =>
      fuzzy ? Prisma.sql`+ word_similarity(s.folded, ${Prisma.raw(`${alias}."searchName"`)})` : Prisma.empty;

    const actors = await tx.$queryRaw<{ id: string; name: string; aliases: string[]; kind: ActorKind; description: string }[]>`
      SELECT a."id", a."name", a."aliases", a."kind"::text AS "kind", a."description"
        FROM "Actor" a CROSS JOIN ${search}
       WHERE a."workspaceId" = ${ws} AND a."deletedAt" IS NULL AND (a."searchVector" @@ s.tsq ${nameMatch('a')})
       ORDER BY ts_rank(a."searchVector", s.tsq) ${nameRank('a')} DESC, a."name" LIMIT ${limit}`;

    const issues = await tx.$queryRaw<{ id: string; title: string; description: string }[]>`
      SELECT i."id", i."title", i."description"
        FROM "Issue" i CROSS JOIN ${search}
       WHERE i."workspaceId" = ${ws} AND i."deletedAt" IS NULL AND (i."searchVector" @@ s.tsq ${nameMatch('i')})
       ORDER BY ts_rank(i."searchVector", s.tsq) ${nameRank('i')} DESC, i."title" LIMIT ${limit}`;

    const sources = await tx.$queryRaw<{ id: string; title: string; outlet: string; author: string; publishedAt: Date; body: string }[]>`
      WITH hits AS (
        SELECT src."id" FROM "Source" src CROSS JOIN ${search}
         WHERE src."workspaceId" = ${ws} AND src."deletedAt" IS NULL AND (src."searchVector" @@ s.tsq ${nameMatch('src')})
         LIMIT ${CANDIDATES})
      SELECT src."id", src."title", src."outlet", src."author", src."publishedAt", left(src."body", 2000) AS "body"
        FROM hits JOIN "Source" src ON src."id" = hits."id" CROSS JOIN ${search}
       ORDER BY ts_rank(src."searchVector", s.tsq) ${nameRank('src')} DESC, src."publishedAt" DESC LIMIT ${limit}`;

    const interests = await tx.$queryRaw<{ id: string; quote: string; summary: string; statedOn: Date; actorId: string; actorName: string }[]>`
      WITH hits AS (
        SELECT si."id" FROM "StatedInterest" si CROSS JOIN ${search}
         WHERE si."workspaceId" = ${ws} AND si."deletedAt" IS NULL AND si."searchVector" @@ s.tsq
         LIMIT ${CANDIDATES})
      SELECT si."id", si."quote", si."summary", si."statedOn", si."actorId", a."name" AS "actorName"
        FROM hits JOIN "StatedInterest" si ON si."id" = hits."id" JOIN "Actor" a ON a."id" = si."actorId" CROSS JOIN ${search}
       ORDER BY ts_rank(si."searchVector", s.tsq) DESC, si."statedOn" DESC LIMIT ${limit}`;

    const assessments = await tx.$queryRaw<
      { id: string; quote: string; rationale: string; stanceDate: Date; position: number; actorName: string; issueTitle: string; sourceTitle: string }[]
    >`
      WITH hits AS (
        SELECT x."id" FROM "Assessment" x CROSS JOIN ${search}
         WHERE x."workspaceId" = ${ws} AND x."deletedAt" IS NULL AND x."searchVector" @@ s.tsq
         LIMIT ${CANDIDATES})
      SELECT x."id", x."quote", x."rationale", x."stanceDate", x."position",
             a."name" AS "actorName", i."title" AS "issueTitle", src."title" AS "sourceTitle"
        FROM hits JOIN "Assessment" x ON x."id" = hits."id"
        JOIN "Actor" a ON a."id" = x."actorId" JOIN "Issue" i ON i."id" = x."issueId" JOIN "Source" src ON src."id" = x."sourceId"
        CROSS JOIN ${search}
       ORDER BY ts_rank(x."searchVector", s.tsq) DESC, x."stanceDate" DESC LIMIT ${limit}`;

    const scenarios = await tx.$queryRaw<{ id: string; name: string; description: string; asOf: Date; issueTitle: string }[]>`
      SELECT sc."id", sc."name", sc."description", sc."asOf", i."title" AS "issueTitle"
        FROM "Scenario" sc JOIN "Issue" i ON i."id" = sc."issueId" CROSS JOIN ${search}
       WHERE sc."workspaceId" = ${ws} AND sc."deletedAt" IS NULL AND (sc."searchVector" @@ s.tsq ${nameMatch('sc')})
       ORDER BY ts_rank(sc."searchVector", s.tsq) ${nameRank('sc')} DESC, sc."name" LIMIT ${limit}`;

    const hits: Record<SearchKind, SearchHit[]> = {
      actor: actors.map((r) => ({
        kind: 'actor',
        id: r.id,
        href: `/actors/${r.id}`,
        title: r.name,
        context: ACTOR_KIND_LABELS[r.kind],
        texts: [r.aliases.length ? `Also: ${r.aliases.join(', ')}` : '', r.description].filter(Boolean),
      })),
      issue: issues.map((r) => ({ kind: 'issue', id: r.id, href: `/issues/${r.id}`, title: r.title, context: 'Issue', texts: [r.description].filter(Boolean) })),
      source: sources.map((r) => ({
        kind: 'source',
        id: r.id,
        href: `/sources/${r.id}`,
        title: r.title,
        context: [r.outlet, r.author, day(r.publishedAt)].filter(Boolean).join(' · '),
        texts: [r.body].filter(Boolean),
      })),
      interest: interests.map((r) => ({
        kind: 'interest',
        id: r.id,
        href: `/actors/${r.actorId}`,
        title: r.actorName,
        context: `Stated ${day(r.statedOn)}`,
        texts: [r.quote, r.summary].filter(Boolean),
      })),
      assessment: assessments.map((r) => ({
        kind: 'assessment',
        id: r.id,
        href: `/assessments/${r.id}`,
        title: `${r.actorName} on ${r.issueTitle}`,
        context: `Position ${r.position} on ${day(r.stanceDate)} · ${r.sourceTitle}`,
        texts: [r.quote, r.rationale].filter(Boolean),
      })),
      scenario: scenarios.map((r) => ({
        kind: 'scenario',
        id: r.id,
        href: `/scenarios/${r.id}`,
        title: r.name,
        context: `${r.issueTitle} · as of ${day(r.asOf)}`,
        texts: [r.description].filter(Boolean),
      })),
    };
    return (Object.keys(hits) as SearchKind[]).map((kind) => ({ kind, hits: hits[kind] }));
  });
  return { q: input.q, words, groups };
}
