-- Stance versions per actor on an issue, so that the issue chart recomputes only the line of the actor
-- whose readings changed (lib/stance/series.ts). Besides its issue's counter, every change to an
-- assessment now bumps the counter of its (issue, actor) pair, whose scope is a uuid derived from the
-- two ids ("stance_pair_scope"). Disputes (AssessmentOpinion) change what the "undisputed" filter shows:
-- they bump their assessment's issue and pair too (before this, a chart filtered to undisputed readings
-- could be reused after a new DISAGREE).

CREATE FUNCTION "stance_pair_scope"(issue_id uuid, actor_id uuid) RETURNS uuid LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT md5(issue_id::text || '/' || actor_id::text)::uuid;
$$;

CREATE OR REPLACE FUNCTION "stance_version_assessment_new"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "stance_version_bump"(array_agg(k.w), array_agg(k.s))
    FROM new_rows r CROSS JOIN LATERAL (VALUES (r."workspaceId", r."issueId"), (r."workspaceId", "stance_pair_scope"(r."issueId", r."actorId"))) AS k(w, s);
  RETURN NULL;
END;
$$;

CREATE OR REPLACE FUNCTION "stance_version_assessment_old"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "stance_version_bump"(array_agg(k.w), array_agg(k.s))
    FROM old_rows r CROSS JOIN LATERAL (VALUES (r."workspaceId", r."issueId"), (r."workspaceId", "stance_pair_scope"(r."issueId", r."actorId"))) AS k(w, s);
  RETURN NULL;
END;
$$;

CREATE FUNCTION "stance_version_opinion_new"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "stance_version_bump"(array_agg(k.w), array_agg(k.s))
    FROM new_rows o JOIN "Assessment" a ON a."id" = o."assessmentId"
    CROSS JOIN LATERAL (VALUES (a."workspaceId", a."issueId"), (a."workspaceId", "stance_pair_scope"(a."issueId", a."actorId"))) AS k(w, s);
  RETURN NULL;
END;
$$;

CREATE FUNCTION "stance_version_opinion_old"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "stance_version_bump"(array_agg(k.w), array_agg(k.s))
    FROM old_rows o JOIN "Assessment" a ON a."id" = o."assessmentId"
    CROSS JOIN LATERAL (VALUES (a."workspaceId", a."issueId"), (a."workspaceId", "stance_pair_scope"(a."issueId", a."actorId"))) AS k(w, s);
  RETURN NULL;
END;
$$;

CREATE TRIGGER "AssessmentOpinion_stance_version_insert" AFTER INSERT ON "AssessmentOpinion"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "stance_version_opinion_new"();
CREATE TRIGGER "AssessmentOpinion_stance_version_update" AFTER UPDATE ON "AssessmentOpinion"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "stance_version_opinion_new"();
CREATE TRIGGER "AssessmentOpinion_stance_version_delete" AFTER DELETE ON "AssessmentOpinion"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "stance_version_opinion_old"();
