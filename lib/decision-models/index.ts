/**
 * Scenario modelling for Stanceboard: weighted mean, weighted median, Bueno de Mesquita
 * expected-utility bargaining (Scholz, Calbert & Smith 2011 reconstruction) and Monte Carlo
 * uncertainty. Pure functions only; safe to import from server code, client code and Web
 * Workers. See ./README.md for the formulation, citations and test provenance.
 */
export type {
  Bargain,
  BargainOffer,
  BargainingOptions,
  BargainingResult,
  HistogramBin,
  ModelActor,
  Reading,
  RoundSnapshot,
  UncertainActor,
  UncertaintyOptions,
  UncertaintyResult,
} from './types';
export { weightedMean, weightedMedian } from './median';
export { nashBargaining } from './nash';
export { probabilisticCondorcet, markovIncentivePce, coalitionStrengths, victoryProbabilities } from './pce';
export {
  simulateBargaining,
  BDM_MODEL_NAME,
  DEFAULT_MAX_ROUNDS,
  DEFAULT_TOLERANCE,
  STABLE_ROUNDS,
  TAIL_ROUNDS,
} from './bargaining';
export { runUncertainty, aggregateReadings, JITTER_SD } from './uncertainty';
export { createRng } from './rng';
export { ScenarioCancelledError } from './errors';
export {
  forecast,
  forecastModel,
  forecastInterval,
  weightedRange,
  FORECAST_MODELS,
  HEADLINE_MODEL_ID,
  INTERVAL_RANGE_SHARE,
  Z80,
} from './forecast';
export type { ForecastModel, ForecastModelId, ForecastOptions, ForecastResult } from './forecast';
export { sensitivity, SENSITIVITY_FIELDS } from './sensitivity';
export type { SensitivityBar, SensitivityField } from './sensitivity';
