-- (workspaceId, issueId, stanceDate) is a prefix of (workspaceId, issueId, stanceDate, id): every query
-- it served reads the longer one as well, and each write kept one index fewer up to date.
DROP INDEX "Assessment_workspaceId_issueId_stanceDate_idx";
