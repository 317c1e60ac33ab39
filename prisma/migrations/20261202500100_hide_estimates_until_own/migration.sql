-- Forecasting that teaches: hide colleagues' estimates of an open scenario until you have made your own.
ALTER TABLE "Workspace" ADD COLUMN "hideEstimatesUntilOwn" BOOLEAN NOT NULL DEFAULT false;
