-- Keyset paging of the record lists (lib/records/list.ts): every sort a list offers, in the list's
-- order (workspace, sort column, id), so a page far down the list starts its index scan at the cursor
-- and costs what the first page does. Name and title sorts already have their unique indexes (no ties).

-- Actors: kind, updated, created.
CREATE INDEX "Actor_workspaceId_kind_id_idx" ON "Actor"("workspaceId", "kind", "id");
CREATE INDEX "Actor_workspaceId_updatedAt_id_idx" ON "Actor"("workspaceId", "updatedAt", "id");
CREATE INDEX "Actor_workspaceId_createdAt_id_idx" ON "Actor"("workspaceId", "createdAt", "id");

-- Issues: updated, created.
CREATE INDEX "Issue_workspaceId_updatedAt_id_idx" ON "Issue"("workspaceId", "updatedAt", "id");
CREATE INDEX "Issue_workspaceId_createdAt_id_idx" ON "Issue"("workspaceId", "createdAt", "id");

-- Sources: publication day (many ties, so id joins the old index), title, outlet, reliability, updated, created.
DROP INDEX "Source_workspaceId_publishedAt_idx";
CREATE INDEX "Source_workspaceId_publishedAt_id_idx" ON "Source"("workspaceId", "publishedAt", "id");
CREATE INDEX "Source_workspaceId_title_id_idx" ON "Source"("workspaceId", "title", "id");
CREATE INDEX "Source_workspaceId_outlet_id_idx" ON "Source"("workspaceId", "outlet", "id");
CREATE INDEX "Source_workspaceId_reliability_id_idx" ON "Source"("workspaceId", "reliability", "id");
CREATE INDEX "Source_workspaceId_updatedAt_id_idx" ON "Source"("workspaceId", "updatedAt", "id");
CREATE INDEX "Source_workspaceId_createdAt_id_idx" ON "Source"("workspaceId", "createdAt", "id");

-- Stated interests: the workspace-wide list by statement day, updated, created (by actor: the existing
-- (workspaceId, actorId, statedOn) index).
CREATE INDEX "StatedInterest_workspaceId_statedOn_id_idx" ON "StatedInterest"("workspaceId", "statedOn", "id");
CREATE INDEX "StatedInterest_workspaceId_createdAt_id_idx" ON "StatedInterest"("workspaceId", "createdAt", "id");
CREATE INDEX "StatedInterest_workspaceId_updatedAt_id_idx" ON "StatedInterest"("workspaceId", "updatedAt", "id");

-- Assessments: the workspace-wide list by stance day, position, updated (one issue's list by stance day
-- has (workspaceId, issueId, stanceDate, id); created has (workspaceId, createdAt)).
CREATE INDEX "Assessment_workspaceId_stanceDate_id_idx" ON "Assessment"("workspaceId", "stanceDate", "id");
CREATE INDEX "Assessment_workspaceId_position_id_idx" ON "Assessment"("workspaceId", "position", "id");
CREATE INDEX "Assessment_workspaceId_updatedAt_id_idx" ON "Assessment"("workspaceId", "updatedAt", "id");
