-- Alerts (lib/notifications/): a member watches an actor or an issue; when a change matches, a
-- "Notification" row is written by the triggers below IN THE SAME TRANSACTION as the change, so it
-- exists exactly when the change does (nothing is lost while the member is away), and every new row is
-- announced with pg_notify('stanceboard_notifications', '{"userId","workspaceId","id"}') at commit, which
-- every app instance LISTENs to (lib/notifications/listener.ts).
--
-- Rules (tests/integration/notifications.test.ts):
--   SHIFT       one write moves an actor's current position ("CurrentPosition", lib/stance/current-position.ts)
--               on an issue by strictly more than the watch's threshold; the position must exist before and
--               after (a first reading, or the removal of the last one, is not a move). One notification per
--               member per moved (issue, actor), whatever number of their watches match.
--   EVENT       a new event on a watched issue, or for the whole workspace; an actor watch matches an
--               event of an issue the actor has a current position on.
--   LIKELIHOOD  a new likelihood estimate on a scenario of a watched issue (actor watches: issues the actor
--               has a position on). The estimate itself is not copied: colleagues' estimates may be hidden
--               until one's own (lib/scenarios/visibility.ts); the link leads to the page that applies that.
-- Only active members are notified, never the author of the change: the event's creator, the estimate's
-- analyst, and for shifts the user named by the transaction-local setting 'stanceboard.acting_user'
-- (lib/notifications/acting-user.ts, set by the assessment commands).

-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('SHIFT', 'EVENT', 'LIKELIHOOD');

-- CreateTable
CREATE TABLE "Watch" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "workspaceId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "actorId" UUID,
    "issueId" UUID,
    "threshold" DOUBLE PRECISION NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Watch_pkey" PRIMARY KEY ("id"),
    -- Something to watch: an actor, an issue, or (not offered by the forms) an actor on one issue.
    CONSTRAINT "Watch_target_check" CHECK ("actorId" IS NOT NULL OR "issueId" IS NOT NULL),
    CONSTRAINT "Watch_threshold_check" CHECK ("threshold" >= 0 AND "threshold" <= 100)
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "workspaceId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "payload" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMPTZ(3),
    "emailedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Watch_workspaceId_actorId_idx" ON "Watch"("workspaceId", "actorId");

-- CreateIndex
CREATE INDEX "Watch_workspaceId_issueId_idx" ON "Watch"("workspaceId", "issueId");

-- CreateIndex
CREATE INDEX "Watch_userId_workspaceId_idx" ON "Watch"("userId", "workspaceId");

-- CreateIndex
CREATE INDEX "Notification_userId_workspaceId_createdAt_idx" ON "Notification"("userId", "workspaceId", "createdAt");

-- AddForeignKey
ALTER TABLE "Watch" ADD CONSTRAINT "Watch_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Watch" ADD CONSTRAINT "Watch_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Watch" ADD CONSTRAINT "Watch_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Actor"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Watch" ADD CONSTRAINT "Watch_issueId_fkey" FOREIGN KEY ("issueId") REFERENCES "Issue"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Every new notification is announced at commit (rolled back: never announced).
CREATE FUNCTION "notification_announce"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('stanceboard_notifications', json_build_object('userId', NEW."userId", 'workspaceId', NEW."workspaceId", 'id', NEW."id")::text);
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Notification_announce" AFTER INSERT ON "Notification"
  FOR EACH ROW EXECUTE FUNCTION "notification_announce"();

-- The user whose change this transaction is (never notified of it), or null.
CREATE FUNCTION "notification_acting_user"() RETURNS uuid
LANGUAGE sql STABLE AS $$
  SELECT nullif(current_setting('stanceboard.acting_user', true), '')::uuid
$$;

-- SHIFT: compares the positions before and after a recomputation with the thresholds of matching watches.
CREATE FUNCTION "notify_position_shifts"(bw UUID[], bi UUID[], ba UUID[], bp DOUBLE PRECISION[]) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO "Notification" ("workspaceId", "userId", "kind", "payload")
  SELECT DISTINCT ON (w."userId", b.w, b.i, b.a)
         b.w, w."userId", 'SHIFT',
         jsonb_build_object('actorId', b.a, 'issueId', b.i, 'from', b.pos, 'to', p."position")
    FROM unnest(bw, bi, ba, bp) AS b(w, i, a, pos)
    JOIN "CurrentPosition" p ON p."workspaceId" = b.w AND p."issueId" = b.i AND p."actorId" = b.a
    JOIN "Actor" ac ON ac."id" = b.a AND ac."deletedAt" IS NULL
    JOIN "Issue" iss ON iss."id" = b.i AND iss."deletedAt" IS NULL
    JOIN "Watch" w ON w."workspaceId" = b.w AND (w."actorId" IS NULL OR w."actorId" = b.a) AND (w."issueId" IS NULL OR w."issueId" = b.i)
    JOIN "Membership" m ON m."workspaceId" = b.w AND m."userId" = w."userId" AND m."disabledAt" IS NULL
   -- Rounded: a weighted mean that moved by exactly the threshold must not notify on a last-bit error.
   WHERE round(abs(p."position" - b.pos)::numeric, 6) > w."threshold"::numeric
     AND w."userId" IS DISTINCT FROM "notification_acting_user"()
   ORDER BY w."userId", b.w, b.i, b.a
$$;

-- Recomputes the current position of the given (workspace, issue, actor) keys from "CurrentReading"
-- (as in 20261202600000_current_positions), and notifies the watchers of the keys that moved.
CREATE OR REPLACE FUNCTION "current_position_refresh"(ws UUID[], iss UUID[], act UUID[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  bw UUID[];
  bi UUID[];
  ba UUID[];
  bp DOUBLE PRECISION[];
BEGIN
  -- The same per-key lock as "current_reading_refresh" (re-entrant there): a source's reliability
  -- change and a new reading of the same actor in two transactions must not each recompute from a
  -- snapshot that misses the other's write.
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

  IF bw IS NOT NULL THEN
    PERFORM "notify_position_shifts"(bw, bi, ba, bp);
  END IF;
END;
$$;

-- EVENT
CREATE FUNCTION "notify_event"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "Notification" ("workspaceId", "userId", "kind", "payload")
  SELECT DISTINCT ON (w."userId") NEW."workspaceId", w."userId", 'EVENT',
         jsonb_build_object('eventId', NEW."id", 'title', NEW."title", 'occurredOn', NEW."occurredOn", 'issueIds', to_jsonb(NEW."issueIds"))
    FROM "Watch" w
    JOIN "Membership" m ON m."workspaceId" = w."workspaceId" AND m."userId" = w."userId" AND m."disabledAt" IS NULL
   WHERE w."workspaceId" = NEW."workspaceId"
     AND w."userId" <> NEW."createdById"
     AND (
       cardinality(NEW."issueIds") = 0
       OR (
         (w."issueId" IS NULL OR w."issueId" = ANY(NEW."issueIds"))
         AND (w."actorId" IS NULL OR EXISTS (
           SELECT 1 FROM "CurrentPosition" p
            WHERE p."workspaceId" = NEW."workspaceId" AND p."actorId" = w."actorId" AND p."issueId" = ANY(NEW."issueIds")))
       )
     )
   ORDER BY w."userId";
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Event_notify" AFTER INSERT ON "Event"
  FOR EACH ROW EXECUTE FUNCTION "notify_event"();

-- LIKELIHOOD
CREATE FUNCTION "notify_likelihood"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "Notification" ("workspaceId", "userId", "kind", "payload")
  SELECT DISTINCT ON (w."userId") NEW."workspaceId", w."userId", 'LIKELIHOOD',
         jsonb_build_object('scenarioId', s."id", 'issueId', s."issueId", 'estimatedOn', NEW."estimatedOn")
    FROM "Scenario" s
    JOIN "Watch" w ON w."workspaceId" = s."workspaceId"
    JOIN "Membership" m ON m."workspaceId" = w."workspaceId" AND m."userId" = w."userId" AND m."disabledAt" IS NULL
   WHERE s."id" = NEW."scenarioId" AND s."workspaceId" = NEW."workspaceId"
     AND w."userId" <> NEW."analystId"
     AND (w."issueId" IS NULL OR w."issueId" = s."issueId")
     AND (w."actorId" IS NULL OR EXISTS (
       SELECT 1 FROM "CurrentPosition" p WHERE p."workspaceId" = s."workspaceId" AND p."issueId" = s."issueId" AND p."actorId" = w."actorId"))
   ORDER BY w."userId";
  RETURN NULL;
END;
$$;

CREATE TRIGGER "LikelihoodEstimate_notify" AFTER INSERT ON "LikelihoodEstimate"
  FOR EACH ROW EXECUTE FUNCTION "notify_likelihood"();
