-- Peer review of assessments: colleagues agree, partly agree or disagree with a reading.
CREATE TYPE "OpinionStance" AS ENUM ('AGREE', 'PARTLY_AGREE', 'DISAGREE');

CREATE TABLE "AssessmentOpinion" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "workspaceId" UUID NOT NULL,
    "assessmentId" UUID NOT NULL,
    "authorId" UUID NOT NULL,
    "stance" "OpinionStance" NOT NULL,
    "position" DOUBLE PRECISION,
    "comment" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "deletedAt" TIMESTAMPTZ(3),

    CONSTRAINT "AssessmentOpinion_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "AssessmentOpinion_assessmentId_authorId_key" ON "AssessmentOpinion"("assessmentId", "authorId");
CREATE INDEX "AssessmentOpinion_workspaceId_assessmentId_idx" ON "AssessmentOpinion"("workspaceId", "assessmentId");
CREATE INDEX "AssessmentOpinion_workspaceId_authorId_idx" ON "AssessmentOpinion"("workspaceId", "authorId");

ALTER TABLE "AssessmentOpinion" ADD CONSTRAINT "AssessmentOpinion_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "AssessmentOpinion" ADD CONSTRAINT "AssessmentOpinion_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
