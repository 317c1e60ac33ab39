-- An issue resolved with the position it actually reached (issue 12): when, by whom, and where.
ALTER TABLE "Issue" ADD COLUMN "outcomePosition" DOUBLE PRECISION;
ALTER TABLE "Issue" ADD COLUMN "resolvedAt" TIMESTAMPTZ(3);
ALTER TABLE "Issue" ADD COLUMN "resolvedById" UUID;
ALTER TABLE "Issue" ADD CONSTRAINT "Issue_outcomePosition_range" CHECK ("outcomePosition" >= 0 AND "outcomePosition" <= 100);
-- A resolution always carries its position, and a position is only ever recorded by a resolution.
ALTER TABLE "Issue" ADD CONSTRAINT "Issue_resolution_complete" CHECK (("outcomePosition" IS NULL) = ("resolvedAt" IS NULL));

-- Each model's forecast of a resolved issue on its actors' current positions, frozen at resolution.
CREATE TABLE "IssueModelScore" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "workspaceId" UUID NOT NULL,
    "issueId" UUID NOT NULL,
    "model" TEXT NOT NULL,
    "forecast" DOUBLE PRECISION NOT NULL,
    "p10" DOUBLE PRECISION NOT NULL,
    "p90" DOUBLE PRECISION NOT NULL,
    "outcome" DOUBLE PRECISION NOT NULL,
    "headline" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IssueModelScore_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "IssueModelScore_interval" CHECK ("p10" <= "forecast" AND "forecast" <= "p90")
);

CREATE UNIQUE INDEX "IssueModelScore_issueId_model_key" ON "IssueModelScore"("issueId", "model");
CREATE INDEX "IssueModelScore_workspaceId_model_idx" ON "IssueModelScore"("workspaceId", "model");

ALTER TABLE "IssueModelScore" ADD CONSTRAINT "IssueModelScore_issueId_fkey" FOREIGN KEY ("issueId") REFERENCES "Issue"("id") ON DELETE CASCADE ON UPDATE CASCADE;
