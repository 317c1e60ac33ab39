-- "Where an actor stands now" (lib/stance/current-position.ts) per (workspace, issue, actor), kept next
-- to "CurrentReading" so that the dashboard, the actor page, the issue page and the scenario baseline
-- read one row per actor instead of aggregating every source's reading on each request.
--
-- Kept in the same transaction as the write that changes it:
--   * a statement-level trigger on "CurrentReading" (itself kept by the triggers on "Assessment")
--     recomputes the keys whose readings changed;
--   * a trigger on "Source" recomputes the keys a source reads when its reliability or deletion changes.
-- Soft deletes of the actor or the issue are not copied here: readers join those (small) tables.
--
-- The weights below are STANCE_WEIGHTS (lib/stance/weights.ts) ×10; tests/integration/current-reading-summary.test.ts
-- compares this table with a full recomputation from those constants after every kind of write.

-- CreateTable
CREATE TABLE "CurrentPosition" (
    "workspaceId" UUID NOT NULL,
    "issueId" UUID NOT NULL,
    "actorId" UUID NOT NULL,
    "position" DOUBLE PRECISION NOT NULL,
    "median" DOUBLE PRECISION NOT NULL,
    "min" DOUBLE PRECISION NOT NULL,
    "max" DOUBLE PRECISION NOT NULL,
    "sources" INTEGER NOT NULL,
    "weight" DOUBLE PRECISION NOT NULL,
    "asOf" DATE NOT NULL,
    "oldest" DATE NOT NULL,

    CONSTRAINT "CurrentPosition_pkey" PRIMARY KEY ("workspaceId", "issueId", "actorId")
);

-- CreateIndex
CREATE INDEX "CurrentPosition_workspaceId_actorId_idx" ON "CurrentPosition"("workspaceId", "actorId");

-- CreateIndex
CREATE INDEX "CurrentReading_workspaceId_sourceId_idx" ON "CurrentReading"("workspaceId", "sourceId");

CREATE FUNCTION "reading_weight_tenths"(c "Confidence", r "Reliability") RETURNS integer
LANGUAGE sql IMMUTABLE AS $$
  SELECT (CASE c::text WHEN 'LOW' THEN 1 WHEN 'MODERATE' THEN 2 WHEN 'HIGH' THEN 3 END)
       * (CASE r::text WHEN 'A' THEN 10 WHEN 'B' THEN 8 WHEN 'C' THEN 6 WHEN 'D' THEN 4 WHEN 'E' THEN 2 WHEN 'F' THEN 3 END)
$$;

-- Recomputes the current position of the given (workspace, issue, actor) keys from "CurrentReading".
CREATE FUNCTION "current_position_refresh"(ws UUID[], iss UUID[], act UUID[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  -- The same per-key lock as "current_reading_refresh" (re-entrant there): a source's reliability
  -- change and a new reading of the same actor in two transactions must not each recompute from a
  -- snapshot that misses the other's write.
  PERFORM pg_advisory_xact_lock(k.h)
    FROM (SELECT DISTINCT hashtextextended(w::text || i::text || a::text, 7077) AS h FROM unnest(ws, iss, act) AS u(w, i, a) ORDER BY 1) k;

  DELETE FROM "CurrentPosition" p
   USING (SELECT DISTINCT w, i, a FROM unnest(ws, iss, act) AS u(w, i, a)) k
   WHERE p."workspaceId" = k.w AND p."issueId" = k.i AND p."actorId" = k.a;

  INSERT INTO "CurrentPosition" ("workspaceId", "issueId", "actorId", "position", "median", "min", "max", "sources", "weight", "asOf", "oldest")
  SELECT c."workspaceId", c."issueId", c."actorId",
         sum(w.t * c."position") / sum(w.t)::float8,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY c."position"),
         min(c."position"), max(c."position"), count(*)::int, sum(w.t) / 10.0::float8,
         max(c."stanceDate"), min(c."stanceDate")
    FROM (SELECT DISTINCT w, i, a FROM unnest(ws, iss, act) AS u(w, i, a)) k
    JOIN "CurrentReading" c ON c."workspaceId" = k.w AND c."issueId" = k.i AND c."actorId" = k.a
    JOIN "Source" s ON s."id" = c."sourceId" AND s."workspaceId" = c."workspaceId" AND s."deletedAt" IS NULL
    CROSS JOIN LATERAL (SELECT "reading_weight_tenths"(c."confidence", s."reliability") AS t) w
   GROUP BY c."workspaceId", c."issueId", c."actorId";
END;
$$;

CREATE FUNCTION "current_position_after_reading_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "current_position_refresh"(array_agg("workspaceId"), array_agg("issueId"), array_agg("actorId"))
      FROM (SELECT DISTINCT "workspaceId", "issueId", "actorId" FROM new_rows) k;
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM "current_position_refresh"(array_agg("workspaceId"), array_agg("issueId"), array_agg("actorId"))
      FROM (SELECT "workspaceId", "issueId", "actorId" FROM old_rows UNION SELECT "workspaceId", "issueId", "actorId" FROM new_rows) k;
  ELSE
    PERFORM "current_position_refresh"(array_agg("workspaceId"), array_agg("issueId"), array_agg("actorId"))
      FROM (SELECT DISTINCT "workspaceId", "issueId", "actorId" FROM old_rows) k;
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "CurrentReading_position_insert" AFTER INSERT ON "CurrentReading"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "current_position_after_reading_change"();
CREATE TRIGGER "CurrentReading_position_update" AFTER UPDATE ON "CurrentReading"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "current_position_after_reading_change"();
CREATE TRIGGER "CurrentReading_position_delete" AFTER DELETE ON "CurrentReading"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "current_position_after_reading_change"();

-- A source's reliability or deletion changes the weight (or the presence) of its readings everywhere.
CREATE FUNCTION "current_position_after_source_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "current_position_refresh"(array_agg("workspaceId"), array_agg("issueId"), array_agg("actorId"))
    FROM (SELECT DISTINCT c."workspaceId", c."issueId", c."actorId"
            FROM old_rows o JOIN new_rows n ON n."id" = o."id"
            JOIN "CurrentReading" c ON c."workspaceId" = n."workspaceId" AND c."sourceId" = n."id"
           WHERE o."reliability" IS DISTINCT FROM n."reliability" OR o."deletedAt" IS DISTINCT FROM n."deletedAt") k;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Source_current_position_update" AFTER UPDATE ON "Source"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "current_position_after_source_change"();

-- Existing data.
SELECT "current_position_refresh"(array_agg("workspaceId"), array_agg("issueId"), array_agg("actorId"))
  FROM (SELECT DISTINCT "workspaceId", "issueId", "actorId" FROM "CurrentReading") k;
