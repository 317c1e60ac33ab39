-- The issue page's readings table (lib/stance/queries.ts stanceReadings) pages by (stance date, id)
-- after a cursor: this index gives any page in one index range scan, without sorting the issue's readings.
-- CreateIndex
CREATE INDEX "Assessment_workspaceId_issueId_stanceDate_id_idx" ON "Assessment"("workspaceId", "issueId", "stanceDate", "id");
