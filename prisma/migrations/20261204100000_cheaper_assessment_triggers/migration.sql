-- The triggers that keep "CurrentReading", "CurrentPosition" and the SHIFT notifications, doing less per
-- write with the same results (issue 11: the API write path; scripts/bench-write-sql.ts measures them
-- against the definitions before this migration).
--
-- Before, one new assessment recomputed its reading from "Assessment", and the upsert of "CurrentReading"
-- (which fires the INSERT and the UPDATE statement triggers) and the cleanup DELETE each ran a full
-- "current_position_refresh", two of the three on no keys at all; each refresh deleted and re-inserted the
-- position row. Now:
--   * a new assessment replaces the current reading of its key only when it is later in the reading order
--     (stance date, then recorded, then id), which is what the recomputation would find;
--   * an edit that changes nothing the reading is made of (the quote, the rationale, the credibility)
--     recomputes nothing; an upsert that would write the same reading writes nothing;
--   * "CurrentReading" changes recompute positions only for the keys whose position inputs (position,
--     confidence, stance date, source) changed, and a refresh of no keys returns at once;
--   * the position row is updated in place (a HOT update: no index entry) unless it did not change, and
--     deleted only when no live reading is left;
--   * the positions before are kept for the SHIFT check only when a watch could match one of the keys
--     (its actor or its issue), not whenever the workspace has a watch.

-- Recomputes the current position of the given (workspace, issue, actor) keys from "CurrentReading"
-- (the definition of 20261203400000_position_refresh_origins_alerts), and notifies the watchers of the
-- keys that moved.
CREATE OR REPLACE FUNCTION "current_position_refresh"(ws UUID[], iss UUID[], act UUID[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  bw UUID[];
  bi UUID[];
  ba UUID[];
  bp DOUBLE PRECISION[];
BEGIN
  IF coalesce(cardinality(ws), 0) = 0 THEN
    RETURN;
  END IF;

  -- The same per-key lock as "current_reading_refresh" (re-entrant there).
  PERFORM pg_advisory_xact_lock(k.h)
    FROM (SELECT DISTINCT hashtextextended(w::text || i::text || a::text, 7077) AS h FROM unnest(ws, iss, act) AS u(w, i, a) ORDER BY 1) k;

  -- The positions before, kept only when a watch could match one of these keys: "notify_position_shifts"
  -- matches a watch whose actor is the key's or whose issue is the key's (every watch names one of them).
  IF EXISTS (SELECT 1 FROM "Watch" w WHERE w."workspaceId" = ANY(ws) AND (w."actorId" = ANY(act) OR w."issueId" = ANY(iss))) THEN
    SELECT array_agg(p."workspaceId"), array_agg(p."issueId"), array_agg(p."actorId"), array_agg(p."position")
      INTO bw, bi, ba, bp
      FROM "CurrentPosition" p
      JOIN (SELECT DISTINCT w, i, a FROM unnest(ws, iss, act) AS u(w, i, a)) k
        ON p."workspaceId" = k.w AND p."issueId" = k.i AND p."actorId" = k.a;
  END IF;

  WITH keys AS (
    SELECT DISTINCT w, i, a FROM unnest(ws, iss, act) AS u(w, i, a)
  ),
  readings AS (
    SELECT c."workspaceId", c."issueId", c."actorId", c."position", c."stanceDate",
           "reading_weight_tenths"(c."confidence", s."reliability") AS t,
           coalesce("source_origin_key"(s."origin"), c."sourceId"::text) AS g
      FROM keys k
      JOIN "CurrentReading" c ON c."workspaceId" = k.w AND c."issueId" = k.i AND c."actorId" = k.a
      JOIN "Source" s ON s."id" = c."sourceId" AND s."workspaceId" = c."workspaceId" AND s."deletedAt" IS NULL
  ),
  shared AS (
    -- One reading per source here, so the readings sharing g are the sources sharing the origin.
    SELECT r.*, r.t::float8 / count(*) OVER (PARTITION BY r."workspaceId", r."issueId", r."actorId", r.g) AS w FROM readings r
  ),
  computed AS (
    SELECT "workspaceId", "issueId", "actorId",
           sum(w * "position") / sum(w) AS "position",
           percentile_cont(0.5) WITHIN GROUP (ORDER BY "position") AS "median",
           min("position") AS "min", max("position") AS "max", count(*)::int AS "sources", count(DISTINCT g)::int AS "origins",
           sum(w) / 10.0::float8 AS "weight", max("stanceDate") AS "asOf", min("stanceDate") AS "oldest"
      FROM shared
     GROUP BY "workspaceId", "issueId", "actorId"
  ),
  upserted AS (
    INSERT INTO "CurrentPosition" AS p ("workspaceId", "issueId", "actorId", "position", "median", "min", "max", "sources", "origins", "weight", "asOf", "oldest")
    SELECT "workspaceId", "issueId", "actorId", "position", "median", "min", "max", "sources", "origins", "weight", "asOf", "oldest" FROM computed
    ON CONFLICT ("workspaceId", "issueId", "actorId") DO UPDATE SET
      "position" = EXCLUDED."position", "median" = EXCLUDED."median", "min" = EXCLUDED."min", "max" = EXCLUDED."max",
      "sources" = EXCLUDED."sources", "origins" = EXCLUDED."origins", "weight" = EXCLUDED."weight",
      "asOf" = EXCLUDED."asOf", "oldest" = EXCLUDED."oldest"
    WHERE (p."position", p."median", p."min", p."max", p."sources", p."origins", p."weight", p."asOf", p."oldest")
          IS DISTINCT FROM
          (EXCLUDED."position", EXCLUDED."median", EXCLUDED."min", EXCLUDED."max", EXCLUDED."sources", EXCLUDED."origins", EXCLUDED."weight", EXCLUDED."asOf", EXCLUDED."oldest")
  )
  -- Keys left without a live reading (of a live source) have no position. (Asked of the tables, not of
  -- "computed": with the generic plan below, an anti-join against a CTE would be a nested loop.)
  DELETE FROM "CurrentPosition" p
   USING keys k
   WHERE p."workspaceId" = k.w AND p."issueId" = k.i AND p."actorId" = k.a
     AND NOT EXISTS (
       SELECT 1 FROM "CurrentReading" c JOIN "Source" s ON s."id" = c."sourceId" AND s."workspaceId" = c."workspaceId" AND s."deletedAt" IS NULL
        WHERE c."workspaceId" = k.w AND c."issueId" = k.i AND c."actorId" = k.a);

  IF bw IS NOT NULL THEN
    PERFORM "notify_position_shifts"(bw, bi, ba, bp);
  END IF;
END;
$$;

-- Called once or more per write with one key: planning its statements for every call (a custom plan for
-- each array of keys) cost more than running them. The generic plans probe the indexes key by key, which
-- also suits a large batch of keys (an import, a source's change).
ALTER FUNCTION "current_position_refresh"(UUID[], UUID[], UUID[]) SET plan_cache_mode = force_generic_plan;

-- "CurrentReading" changes: recompute the positions of the keys whose position inputs changed (a
-- reading's salience, capability or assessment do not enter "CurrentPosition").
CREATE OR REPLACE FUNCTION "current_position_after_reading_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "current_position_refresh"(array_agg("workspaceId"), array_agg("issueId"), array_agg("actorId"))
      FROM (SELECT DISTINCT "workspaceId", "issueId", "actorId" FROM new_rows) k;
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM "current_position_refresh"(array_agg("workspaceId"), array_agg("issueId"), array_agg("actorId"))
      FROM (SELECT DISTINCT "workspaceId", "issueId", "actorId"
              FROM ((SELECT "workspaceId", "issueId", "actorId", "sourceId", "position", "confidence", "stanceDate" FROM old_rows
                     EXCEPT SELECT "workspaceId", "issueId", "actorId", "sourceId", "position", "confidence", "stanceDate" FROM new_rows)
                    UNION ALL
                    (SELECT "workspaceId", "issueId", "actorId", "sourceId", "position", "confidence", "stanceDate" FROM new_rows
                     EXCEPT SELECT "workspaceId", "issueId", "actorId", "sourceId", "position", "confidence", "stanceDate" FROM old_rows)) changed) k;
  ELSE
    PERFORM "current_position_refresh"(array_agg("workspaceId"), array_agg("issueId"), array_agg("actorId"))
      FROM (SELECT DISTINCT "workspaceId", "issueId", "actorId" FROM old_rows) k;
  END IF;
  RETURN NULL;
END;
$$;

-- Recomputes the current reading of the given keys from "Assessment" (as in 20261202100000_current_readings),
-- writing only readings that differ from the stored ones.
CREATE OR REPLACE FUNCTION "current_reading_refresh"(ws UUID[], iss UUID[], act UUID[], src UUID[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(cardinality(ws), 0) = 0 THEN
    RETURN;
  END IF;

  -- One lock per (workspace, issue, actor), in a fixed order: see 20261202100000_current_readings.
  PERFORM pg_advisory_xact_lock(k.h)
    FROM (SELECT DISTINCT hashtextextended(w::text || i::text || a::text, 7077) AS h FROM unnest(ws, iss, act) AS u(w, i, a) ORDER BY 1) k;

  INSERT INTO "CurrentReading" AS c ("workspaceId", "issueId", "actorId", "sourceId", "assessmentId", "position", "salience", "capability", "confidence", "stanceDate", "recordedAt")
  SELECT k.w, k.i, k.a, k.s, l."id", l."position", l."salience", l."capability", l."confidence", l."stanceDate", l."createdAt"
    FROM (SELECT DISTINCT w, i, a, s FROM unnest(ws, iss, act, src) AS u(w, i, a, s)) k
    CROSS JOIN LATERAL (
      SELECT x."id", x."position", x."salience", x."capability", x."confidence", x."stanceDate", x."createdAt"
        FROM "Assessment" x
       WHERE x."workspaceId" = k.w AND x."issueId" = k.i AND x."actorId" = k.a AND x."sourceId" = k.s AND x."deletedAt" IS NULL
       ORDER BY x."stanceDate" DESC, x."createdAt" DESC, x."id" DESC
       LIMIT 1
    ) l
  ON CONFLICT ("workspaceId", "issueId", "actorId", "sourceId") DO UPDATE SET
    "assessmentId" = EXCLUDED."assessmentId", "position" = EXCLUDED."position", "salience" = EXCLUDED."salience",
    "capability" = EXCLUDED."capability", "confidence" = EXCLUDED."confidence", "stanceDate" = EXCLUDED."stanceDate",
    "recordedAt" = EXCLUDED."recordedAt"
  WHERE (c."assessmentId", c."position", c."salience", c."capability", c."confidence", c."stanceDate", c."recordedAt")
        IS DISTINCT FROM
        (EXCLUDED."assessmentId", EXCLUDED."position", EXCLUDED."salience", EXCLUDED."capability", EXCLUDED."confidence", EXCLUDED."stanceDate", EXCLUDED."recordedAt");

  -- Keys whose last live reading went away.
  DELETE FROM "CurrentReading" c
   USING (SELECT DISTINCT w, i, a, s FROM unnest(ws, iss, act, src) AS u(w, i, a, s)) k
   WHERE c."workspaceId" = k.w AND c."issueId" = k.i AND c."actorId" = k.a AND c."sourceId" = k.s
     AND NOT EXISTS (
       SELECT 1 FROM "Assessment" x
        WHERE x."workspaceId" = k.w AND x."issueId" = k.i AND x."actorId" = k.a AND x."sourceId" = k.s AND x."deletedAt" IS NULL);
END;
$$;

-- New assessments: the current reading of a key can only become the latest new live row of that key, and
-- only if it comes after the stored one in the reading order (ORDER BY "stanceDate" DESC, "createdAt"
-- DESC, "id" DESC in "current_reading_refresh"); the upsert's condition is checked against the latest
-- version of the stored row, so a concurrent writer of the same key is never overwritten by an older one.
CREATE OR REPLACE FUNCTION "current_reading_after_insert"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  -- The lock of "current_reading_refresh", taken before the reading is written (the fixed order that
  -- keeps writers of several keys from deadlocking).
  PERFORM pg_advisory_xact_lock(k.h)
    FROM (SELECT DISTINCT hashtextextended("workspaceId"::text || "issueId"::text || "actorId"::text, 7077) AS h
            FROM new_rows WHERE "deletedAt" IS NULL ORDER BY 1) k;

  INSERT INTO "CurrentReading" AS c ("workspaceId", "issueId", "actorId", "sourceId", "assessmentId", "position", "salience", "capability", "confidence", "stanceDate", "recordedAt")
  SELECT DISTINCT ON ("workspaceId", "issueId", "actorId", "sourceId")
         "workspaceId", "issueId", "actorId", "sourceId", "id", "position", "salience", "capability", "confidence", "stanceDate", "createdAt"
    FROM new_rows
   WHERE "deletedAt" IS NULL
   ORDER BY "workspaceId", "issueId", "actorId", "sourceId", "stanceDate" DESC, "createdAt" DESC, "id" DESC
  ON CONFLICT ("workspaceId", "issueId", "actorId", "sourceId") DO UPDATE SET
    "assessmentId" = EXCLUDED."assessmentId", "position" = EXCLUDED."position", "salience" = EXCLUDED."salience",
    "capability" = EXCLUDED."capability", "confidence" = EXCLUDED."confidence", "stanceDate" = EXCLUDED."stanceDate",
    "recordedAt" = EXCLUDED."recordedAt"
  WHERE (EXCLUDED."stanceDate", EXCLUDED."recordedAt", EXCLUDED."assessmentId") > (c."stanceDate", c."recordedAt", c."assessmentId");
  RETURN NULL;
END;
$$;

-- Edits: only rows whose reading changed (its key, values, date, recorded time or deletion) are recomputed,
-- under their old key and their new one.
CREATE OR REPLACE FUNCTION "current_reading_after_update"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "current_reading_refresh"(array_agg("workspaceId"), array_agg("issueId"), array_agg("actorId"), array_agg("sourceId"))
    FROM (SELECT DISTINCT "workspaceId", "issueId", "actorId", "sourceId"
            FROM ((SELECT "id", "workspaceId", "issueId", "actorId", "sourceId", "position", "salience", "capability", "confidence", "stanceDate", "createdAt", "deletedAt" FROM old_rows
                   EXCEPT SELECT "id", "workspaceId", "issueId", "actorId", "sourceId", "position", "salience", "capability", "confidence", "stanceDate", "createdAt", "deletedAt" FROM new_rows)
                  UNION ALL
                  (SELECT "id", "workspaceId", "issueId", "actorId", "sourceId", "position", "salience", "capability", "confidence", "stanceDate", "createdAt", "deletedAt" FROM new_rows
                   EXCEPT SELECT "id", "workspaceId", "issueId", "actorId", "sourceId", "position", "salience", "capability", "confidence", "stanceDate", "createdAt", "deletedAt" FROM old_rows)) changed) k;
  RETURN NULL;
END;
$$;
