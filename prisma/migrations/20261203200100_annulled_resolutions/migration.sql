-- An admin can annul a scenario's resolution (with a reason) and undo the annulment. The outcome,
-- position and frozen model scores stay on the row, so undoing restores them; while annulled they
-- count in no Brier score, calibration or track record (lib/scenarios/annulment.ts).

-- AlterTable
ALTER TABLE "Scenario" ADD COLUMN "annulledAt" TIMESTAMPTZ(3),
ADD COLUMN "annulledById" UUID,
ADD COLUMN "annulmentReason" TEXT;
