-- "current_position_refresh" was redefined twice on the same day: by 20261203100000_notifications (note
-- the positions before, notify the watchers of the keys that moved) and by 20261203200000_source_origins
-- (sources sharing an origin share one weight). The later definition replaced the earlier one; this is
-- the two together.
CREATE OR REPLACE FUNCTION "current_position_refresh"(ws UUID[], iss UUID[], act UUID[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  bw UUID[];
  bi UUID[];
  ba UUID[];
  bp DOUBLE PRECISION[];
BEGIN
  -- The same per-key lock as "current_reading_refresh" (re-entrant there).
  PERFORM pg_advisory_xact_lock(k.h)
    FROM (SELECT DISTINCT hashtextextended(w::text || i::text || a::text, 7077) AS h FROM unnest(ws, iss, act) AS u(w, i, a) ORDER BY 1) k;

  -- The positions before, kept only when someone in these workspaces watches anything.
  IF EXISTS (SELECT 1 FROM "Watch" WHERE "workspaceId" = ANY(ws)) THEN
    SELECT array_agg(p."workspaceId"), array_agg(p."issueId"), array_agg(p."actorId"), array_agg(p."position")
      INTO bw, bi, ba, bp
      FROM "CurrentPosition" p
      JOIN (SELECT DISTINCT w, i, a FROM unnest(ws, iss, act) AS u(w, i, a)) k
        ON p."workspaceId" = k.w AND p."issueId" = k.i AND p."actorId" = k.a;
  END IF;

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

  IF bw IS NOT NULL THEN
    PERFORM "notify_position_shifts"(bw, bi, ba, bp);
  END IF;
END;
$$;
