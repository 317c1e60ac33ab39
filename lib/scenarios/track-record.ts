/**
 * Track records: how far each model's and each analyst's forecast of the position an issue
 * reached was from the outcome. Pure: no I/O.
 *
 * A model's forecast is frozen when the scenario is resolved with the position reached: every
 * model in lib/decision-models's FORECAST_MODELS runs on the scenario's inputs as they stand at that
 * moment, and its value, 80% interval and the outcome are stored (ScenarioModelScore). Scoring
 * then needs no re-run, and a later reading cannot rewrite what a model said.
 *
 * An analyst's forecast is the position given with a likelihood estimate; the one that counts
 * per scenario is the analyst's final estimate before resolution that gave a position (the same
 * rule as the Brier scores, lib/scenarios/brier.ts, for the same reasons).
 */
import { FORECAST_MODELS, HEADLINE_MODEL_ID, forecast, type ModelActor } from '../decision-models';
import { finalEstimates, type ScoredEstimate } from './brier';

export interface ModelScoreRow {
  model: string;
  forecast: number;
  p10: number;
  p90: number;
  outcome: number;
  headline: boolean;
}

/** Every model's forecast (with its 80% interval) on `actors`, against the position reached. */
export function modelScoresAtResolution(actors: ModelActor[], outcome: number): ModelScoreRow[] {
  return FORECAST_MODELS.map((m) => {
    const f = forecast(actors, { model: m.id });
    return { model: m.id, forecast: f.value, p10: f.interval.p10, p90: f.interval.p90, outcome, headline: m.id === HEADLINE_MODEL_ID };
  });
}

export interface ErrorSummary {
  count: number;
  meanAbsError: number | null;
  /** Share of outcomes inside the 80% interval; null when nothing had an interval. */
  coverage: number | null;
}

export function summariseErrors(items: readonly { error: number; covered: boolean | null }[]): ErrorSummary {
  const withInterval = items.filter((i) => i.covered !== null);
  return {
    count: items.length,
    meanAbsError: items.length ? items.reduce((s, i) => s + Math.abs(i.error), 0) / items.length : null,
    coverage: withInterval.length ? withInterval.filter((i) => i.covered).length / withInterval.length : null,
  };
}

export interface PositionEstimate extends ScoredEstimate {
  forecastPosition: number | null;
}

export interface PositionResolution {
  scenarioId: string;
  outcome: 'HAPPENED' | 'DID_NOT_HAPPEN';
  resolvedAt: Date;
  outcomePosition: number;
}

export interface AnalystPositionRecord extends ErrorSummary {
  analystId: string;
  items: { scenarioId: string; forecastPosition: number; outcomePosition: number; error: number }[];
}

/** Each analyst's absolute error over the scenarios resolved with a position, best first. */
export function analystPositionRecords(estimates: readonly PositionEstimate[], resolutions: readonly PositionResolution[]): AnalystPositionRecord[] {
  const positioned = estimates.filter((e) => e.forecastPosition !== null);
  const outcomes = new Map(resolutions.map((r) => [r.scenarioId, r.outcomePosition]));
  const byAnalyst = new Map<string, AnalystPositionRecord['items']>();
  for (const e of finalEstimates(positioned, resolutions) as PositionEstimate[]) {
    const outcomePosition = outcomes.get(e.scenarioId) as number;
    const forecastPosition = e.forecastPosition as number;
    const items = byAnalyst.get(e.analystId) ?? [];
    items.push({ scenarioId: e.scenarioId, forecastPosition, outcomePosition, error: Math.abs(forecastPosition - outcomePosition) });
    byAnalyst.set(e.analystId, items);
  }
  return [...byAnalyst.entries()]
    .map(([analystId, items]) => ({ analystId, items, ...summariseErrors(items.map((i) => ({ error: i.error, covered: null }))) }))
    .sort((a, b) => (a.meanAbsError ?? 0) - (b.meanAbsError ?? 0) || (a.analystId < b.analystId ? -1 : 1));
}
