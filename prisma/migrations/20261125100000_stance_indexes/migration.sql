-- Stance dashboard (lib/stance/queries.ts): a covering index, so the charts read an issue's readings
-- with an index-only scan instead of visiting the table (whose pages mix every issue and workspace).
--   * stanceSeries: every reading of (workspace, issue), optionally of some actors, in date order per actor;
--     all the columns it aggregates and thins on are here, down to "deletedAt" and the id it ties on.
--   * largestShifts: the (issue, actor) pairs (loose index scan) and the latest stance dates per pair.
--   * sourceComparison and the actor profile: (workspace, issue, actor) prefix, date order.
-- The name is explicit: Prisma's default (<Table>_<all nine columns>_idx) exceeds PostgreSQL's 63 bytes.
-- CreateIndex
CREATE INDEX "Assessment_stance_covering_idx" ON "Assessment"("workspaceId", "issueId", "actorId", "stanceDate", "sourceId", "position", "confidence", "deletedAt", "id");
