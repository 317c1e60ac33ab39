-- Independent sources. A source may name the original reporting its content comes from ("origin":
-- the article it quotes, the wire story it rewrites). Sources sharing an origin are one piece of
-- evidence, not several: in "where an actor stands now" their readings of an actor on an issue share
-- one weight, so circular reporting cannot inflate it. The rule (lib/stance/origins.ts): a reading's
-- weight (confidence × reliability) is divided by the number of sources with the same origin among the
-- readings being combined; a source without an origin is its own origin.

-- AlterTable
ALTER TABLE "Source" ADD COLUMN "origin" TEXT;

-- AlterTable
ALTER TABLE "CurrentPosition" ADD COLUMN "origins" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "CurrentPosition" ALTER COLUMN "origins" DROP DEFAULT;

-- How two origins are compared: case and runs of spaces do not matter; blank is no origin.
CREATE FUNCTION "source_origin_key"(origin TEXT) RETURNS TEXT
LANGUAGE sql IMMUTABLE AS $$
  SELECT nullif(lower(regexp_replace(btrim(origin), '\s+', ' ', 'g')), '')
$$;

CREATE OR REPLACE FUNCTION "current_position_refresh"(ws UUID[], iss UUID[], act UUID[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(k.h)
    FROM (SELECT DISTINCT hashtextextended(w::text || i::text || a::text, 7077) AS h FROM unnest(ws, iss, act) AS u(w, i, a) ORDER BY 1) k;

  DELETE FROM "CurrentPosition" p
   USING (SELECT DISTINCT w, i, a FROM unnest(ws, iss, act) AS u(w, i, a)) k
   WHERE p."workspaceId" = k.w AND p."issueId" = k.i AND p."actorId" = k.a;

  WITH readings AS (
    SELECT c."workspaceId", c."issueId", c."actorId", c."position", c."stanceDate",
           "reading_weight_tenths"(c."confidence", s."reliability") AS t,
           coalesce("source_origin_key"(s."origin"), c."sourceId"::text) AS g
      FROM (SELECT DISTINCT w, i, a FROM unnest(ws, iss, act) AS u(w, i, a)) k
      JOIN "CurrentReading" c ON c."workspaceId" = k.w AND c."issueId" = k.i AND c."actorId" = k.a
      JOIN "Source" s ON s."id" = c."sourceId" AND s."workspaceId" = c."workspaceId" AND s."deletedAt" IS NULL
  ),
  shared AS (
    -- One reading per source here, so the readings sharing g are the sources sharing the origin.
    SELECT r.*, r.t::float8 / count(*) OVER (PARTITION BY r."workspaceId", r."issueId", r."actorId", r.g) AS w FROM readings r
  )
  INSERT INTO "CurrentPosition" ("workspaceId", "issueId", "actorId", "position", "median", "min", "max", "sources", "origins", "weight", "asOf", "oldest")
  SELECT "workspaceId", "issueId", "actorId",
         sum(w * "position") / sum(w),
         percentile_cont(0.5) WITHIN GROUP (ORDER BY "position"),
         min("position"), max("position"), count(*)::int, count(DISTINCT g)::int, sum(w) / 10.0::float8,
         max("stanceDate"), min("stanceDate")
    FROM shared
   GROUP BY "workspaceId", "issueId", "actorId";
END;
$$;

-- A source's reliability, origin or deletion changes the weight (or the presence) of its readings and,
-- through the origin, of the readings of the sources sharing it, all on the keys this source reads.
CREATE OR REPLACE FUNCTION "current_position_after_source_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "current_position_refresh"(array_agg("workspaceId"), array_agg("issueId"), array_agg("actorId"))
    FROM (SELECT DISTINCT c."workspaceId", c."issueId", c."actorId"
            FROM old_rows o JOIN new_rows n ON n."id" = o."id"
            JOIN "CurrentReading" c ON c."workspaceId" = n."workspaceId" AND c."sourceId" = n."id"
           WHERE o."reliability" IS DISTINCT FROM n."reliability" OR o."deletedAt" IS DISTINCT FROM n."deletedAt"
              OR "source_origin_key"(o."origin") IS DISTINCT FROM "source_origin_key"(n."origin")) k;
  RETURN NULL;
END;
$$;

-- Existing data (no source has an origin yet, but "origins" must be filled).
SELECT "current_position_refresh"(array_agg("workspaceId"), array_agg("issueId"), array_agg("actorId"))
  FROM (SELECT DISTINCT "workspaceId", "issueId", "actorId" FROM "CurrentReading") k;
