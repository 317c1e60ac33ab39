-- "Where an actor stands now" (lib/stance/current-position.ts) starts from each source's latest live
-- reading of an actor on an issue. This table keeps that reading per (workspace, issue, actor, source),
-- so the dashboard, the actor page and the scenario baseline read a few rows instead of every assessment.
--
-- It is kept by statement-level triggers on "Assessment" (insert, update, delete), in the same
-- transaction as the write, whatever wrote it: forms, API, CSV/JSON import, workspace import, COPY.
-- Soft deletes of the actor, issue or source and changes of a source's reliability are not copied
-- here: readers join those tables (small) and so always see their current state.

-- CreateTable
CREATE TABLE "CurrentReading" (
    "workspaceId" UUID NOT NULL,
    "issueId" UUID NOT NULL,
    "actorId" UUID NOT NULL,
    "sourceId" UUID NOT NULL,
    "assessmentId" UUID NOT NULL,
    "position" DOUBLE PRECISION NOT NULL,
    "salience" DOUBLE PRECISION NOT NULL,
    "capability" DOUBLE PRECISION,
    "confidence" "Confidence" NOT NULL,
    "stanceDate" DATE NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CurrentReading_pkey" PRIMARY KEY ("workspaceId", "issueId", "actorId", "sourceId")
);

-- CreateIndex
CREATE INDEX "CurrentReading_workspaceId_actorId_idx" ON "CurrentReading"("workspaceId", "actorId");

-- The latest live reading of one (workspace, issue, actor, source) in one index probe. Partial: the
-- trigger only ever looks for live readings. (Prisma's schema lists the columns; the predicate and
-- the sort order live here.)
CREATE INDEX "Assessment_current_reading_idx" ON "Assessment"("workspaceId", "issueId", "actorId", "sourceId", "stanceDate" DESC, "createdAt" DESC, "id" DESC) WHERE "deletedAt" IS NULL;

-- Recomputes the current reading of the given keys from "Assessment". The order (latest stance date,
-- then latest recorded, then id) is the definition in lib/stance/current-position.ts.
CREATE FUNCTION "current_reading_refresh"(ws UUID[], iss UUID[], act UUID[], src UUID[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  -- Two transactions writing readings of the same actor on the same issue must not each compute the
  -- latest reading from a snapshot that misses the other's row: the second waits here until the
  -- first commits, and the statements below (fresh snapshots) then see it. One lock per
  -- (workspace, issue, actor), taken in a fixed order so that concurrent writers cannot deadlock.
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
    "recordedAt" = EXCLUDED."recordedAt";

  -- Keys whose last live reading went away.
  DELETE FROM "CurrentReading" c
   USING (SELECT DISTINCT w, i, a, s FROM unnest(ws, iss, act, src) AS u(w, i, a, s)) k
   WHERE c."workspaceId" = k.w AND c."issueId" = k.i AND c."actorId" = k.a AND c."sourceId" = k.s
     AND NOT EXISTS (
       SELECT 1 FROM "Assessment" x
        WHERE x."workspaceId" = k.w AND x."issueId" = k.i AND x."actorId" = k.a AND x."sourceId" = k.s AND x."deletedAt" IS NULL);
END;
$$;

CREATE FUNCTION "current_reading_after_insert"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "current_reading_refresh"(array_agg("workspaceId"), array_agg("issueId"), array_agg("actorId"), array_agg("sourceId"))
    FROM (SELECT DISTINCT "workspaceId", "issueId", "actorId", "sourceId" FROM new_rows) k;
  RETURN NULL;
END;
$$;

CREATE FUNCTION "current_reading_after_update"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  -- An update can move a reading to another actor, issue or source: refresh the old key and the new.
  PERFORM "current_reading_refresh"(array_agg("workspaceId"), array_agg("issueId"), array_agg("actorId"), array_agg("sourceId"))
    FROM (SELECT "workspaceId", "issueId", "actorId", "sourceId" FROM old_rows
          UNION
          SELECT "workspaceId", "issueId", "actorId", "sourceId" FROM new_rows) k;
  RETURN NULL;
END;
$$;

CREATE FUNCTION "current_reading_after_delete"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "current_reading_refresh"(array_agg("workspaceId"), array_agg("issueId"), array_agg("actorId"), array_agg("sourceId"))
    FROM (SELECT DISTINCT "workspaceId", "issueId", "actorId", "sourceId" FROM old_rows) k;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Assessment_current_reading_insert" AFTER INSERT ON "Assessment"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "current_reading_after_insert"();
CREATE TRIGGER "Assessment_current_reading_update" AFTER UPDATE ON "Assessment"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "current_reading_after_update"();
CREATE TRIGGER "Assessment_current_reading_delete" AFTER DELETE ON "Assessment"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "current_reading_after_delete"();

-- Existing data.
INSERT INTO "CurrentReading" ("workspaceId", "issueId", "actorId", "sourceId", "assessmentId", "position", "salience", "capability", "confidence", "stanceDate", "recordedAt")
SELECT DISTINCT ON ("workspaceId", "issueId", "actorId", "sourceId")
       "workspaceId", "issueId", "actorId", "sourceId", "id", "position", "salience", "capability", "confidence", "stanceDate", "createdAt"
  FROM "Assessment"
 WHERE "deletedAt" IS NULL
 ORDER BY "workspaceId", "issueId", "actorId", "sourceId", "stanceDate" DESC, "createdAt" DESC, "id" DESC;
