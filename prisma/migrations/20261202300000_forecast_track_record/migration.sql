-- Forecasts measured against real outcomes (issue 12).
-- The position an issue actually reached when a scenario is resolved, on the issue's 0-100 scale.
ALTER TABLE "Scenario" ADD COLUMN "outcomePosition" DOUBLE PRECISION;
ALTER TABLE "Scenario" ADD CONSTRAINT "Scenario_outcomePosition_range" CHECK ("outcomePosition" >= 0 AND "outcomePosition" <= 100);

-- An analyst's own forecast of where the issue lands, given with a likelihood estimate.
ALTER TABLE "LikelihoodEstimate" ADD COLUMN "forecastPosition" DOUBLE PRECISION;
ALTER TABLE "LikelihoodEstimate" ADD CONSTRAINT "LikelihoodEstimate_forecastPosition_range" CHECK ("forecastPosition" >= 0 AND "forecastPosition" <= 100);

-- Each model's forecast of a resolved scenario, frozen at resolution with the outcome it is scored against.
CREATE TABLE "ScenarioModelScore" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "workspaceId" UUID NOT NULL,
    "scenarioId" UUID NOT NULL,
    "model" TEXT NOT NULL,
    "forecast" DOUBLE PRECISION NOT NULL,
    "p10" DOUBLE PRECISION NOT NULL,
    "p90" DOUBLE PRECISION NOT NULL,
    "outcome" DOUBLE PRECISION NOT NULL,
    "headline" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ScenarioModelScore_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "ScenarioModelScore_interval" CHECK ("p10" <= "forecast" AND "forecast" <= "p90")
);

CREATE UNIQUE INDEX "ScenarioModelScore_scenarioId_model_key" ON "ScenarioModelScore"("scenarioId", "model");
CREATE INDEX "ScenarioModelScore_workspaceId_model_idx" ON "ScenarioModelScore"("workspaceId", "model");

ALTER TABLE "ScenarioModelScore" ADD CONSTRAINT "ScenarioModelScore_scenarioId_fkey" FOREIGN KEY ("scenarioId") REFERENCES "Scenario"("id") ON DELETE CASCADE ON UPDATE CASCADE;
