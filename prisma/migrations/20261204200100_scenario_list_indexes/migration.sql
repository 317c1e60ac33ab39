-- Keyset paging of the scenario list (page and API): an index for each sort it offers, led by
-- (workspaceId, sort column, id), as 20261204200000_list_sort_indexes gives the other record lists.
CREATE INDEX "Scenario_workspaceId_name_id_idx" ON "Scenario"("workspaceId", "name", "id");
CREATE INDEX "Scenario_workspaceId_asOf_id_idx" ON "Scenario"("workspaceId", "asOf", "id");
CREATE INDEX "Scenario_workspaceId_createdAt_id_idx" ON "Scenario"("workspaceId", "createdAt", "id");
CREATE INDEX "Scenario_workspaceId_updatedAt_id_idx" ON "Scenario"("workspaceId", "updatedAt", "id");
