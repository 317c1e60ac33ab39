-- Versions of the data the stance charts are drawn from, so a computed chart can be reused until
-- something it shows changes (lib/stance/chart-cache.ts). A chart's version is the sum of its
-- workspace's counters (scope = the nil uuid: sources, actors, issues, analysts' names) and its
-- issues' counters (scope = the issue: its assessments). Counters only grow and are bumped in the
-- same transaction as the change, so two reads of the same sum saw the same committed changes.
-- Each issue's counter is split in 8 rows picked by the writing backend, so concurrent writers to
-- one issue do not queue on one row lock.
CREATE TABLE "StanceVersion" (
    "workspaceId" UUID NOT NULL,
    "scope" UUID NOT NULL,
    "shard" INTEGER NOT NULL,
    "n" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "StanceVersion_pkey" PRIMARY KEY ("workspaceId","scope","shard")
);

CREATE FUNCTION "stance_version_bump"(workspace_ids uuid[], scopes uuid[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "StanceVersion" ("workspaceId", "scope", "shard", "n")
  SELECT DISTINCT w, s, pg_backend_pid() % 8, 1 FROM unnest(workspace_ids, scopes) AS k(w, s)
  WHERE w IS NOT NULL AND s IS NOT NULL
  ORDER BY 1, 2
  ON CONFLICT ("workspaceId", "scope", "shard") DO UPDATE SET "n" = "StanceVersion"."n" + 1;
$$;

CREATE FUNCTION "stance_version_assessment_new"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "stance_version_bump"(array_agg("workspaceId"), array_agg("issueId")) FROM new_rows;
  RETURN NULL;
END;
$$;
CREATE FUNCTION "stance_version_assessment_old"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "stance_version_bump"(array_agg("workspaceId"), array_agg("issueId")) FROM old_rows;
  RETURN NULL;
END;
$$;
CREATE FUNCTION "stance_version_workspace_old"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "stance_version_bump"(array_agg("workspaceId"), array_agg('00000000-0000-0000-0000-000000000000'::uuid)) FROM old_rows;
  RETURN NULL;
END;
$$;
CREATE FUNCTION "stance_version_user_name"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- An analyst's name is shown with their readings in every workspace they belong to.
  PERFORM "stance_version_bump"(array_agg(m."workspaceId"), array_agg('00000000-0000-0000-0000-000000000000'::uuid))
    FROM old_rows o JOIN new_rows n ON n."id" = o."id" JOIN "Membership" m ON m."userId" = o."id"
    WHERE n."name" IS DISTINCT FROM o."name";
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Assessment_stance_version_insert" AFTER INSERT ON "Assessment"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "stance_version_assessment_new"();
-- An update that moves a reading to another issue changes both issues.
CREATE TRIGGER "Assessment_stance_version_update_old" AFTER UPDATE ON "Assessment"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "stance_version_assessment_old"();
CREATE TRIGGER "Assessment_stance_version_update_new" AFTER UPDATE ON "Assessment"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "stance_version_assessment_new"();
CREATE TRIGGER "Assessment_stance_version_delete" AFTER DELETE ON "Assessment"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "stance_version_assessment_old"();

CREATE TRIGGER "Source_stance_version_update" AFTER UPDATE ON "Source"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "stance_version_workspace_old"();
CREATE TRIGGER "Source_stance_version_delete" AFTER DELETE ON "Source"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "stance_version_workspace_old"();
CREATE TRIGGER "Actor_stance_version_update" AFTER UPDATE ON "Actor"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "stance_version_workspace_old"();
CREATE TRIGGER "Actor_stance_version_delete" AFTER DELETE ON "Actor"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "stance_version_workspace_old"();
CREATE TRIGGER "Issue_stance_version_update" AFTER UPDATE ON "Issue"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "stance_version_workspace_old"();
CREATE TRIGGER "Issue_stance_version_delete" AFTER DELETE ON "Issue"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "stance_version_workspace_old"();
CREATE TRIGGER "User_stance_version" AFTER UPDATE ON "User"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "stance_version_user_name"();
