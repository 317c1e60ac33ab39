/**
 * Forecasting records that teach: the team's aggregate of current estimates, calibration by bin,
 * the Murphy (1973) decomposition of the Brier score, and the score relative to the team median.
 * Pure: no I/O. Probabilities are 0-1; an outcome is 1 (happened) or 0 (did not).
 */
import { quantile } from './distribution';

export interface Forecast {
  probability: number;
  outcome: 0 | 1;
}

const DAY_MS = 86_400_000;
/** A month-old estimate counts half as much as one made today in the recency-weighted mean. */
export const RECENCY_HALF_LIFE_DAYS = 30;

export interface TeamAggregate {
  /** Analysts whose latest estimate is counted. */
  n: number;
  median: number | null;
  /** Weights halve every `halfLifeDays` of age (as of `asOf`), so stale views fade but never vanish. */
  recencyWeightedMean: number | null;
  halfLifeDays: number;
}

/** Aggregate of each analyst's latest estimate (pass one per analyst). Estimates dated after `asOf` count as made on it. */
export function teamAggregate(
  latest: readonly { probability: number; estimatedOn: Date | string }[],
  asOf: Date,
  halfLifeDays = RECENCY_HALF_LIFE_DAYS,
): TeamAggregate {
  if (!latest.length) return { n: 0, median: null, recencyWeightedMean: null, halfLifeDays };
  const sorted = latest.map((e) => e.probability).sort((a, b) => a - b);
  let weighted = 0;
  let total = 0;
  for (const e of latest) {
    const day = typeof e.estimatedOn === 'string' ? new Date(`${e.estimatedOn.slice(0, 10)}T00:00:00Z`) : e.estimatedOn;
    const ageDays = Math.max(0, (asOf.getTime() - day.getTime()) / DAY_MS);
    const w = 0.5 ** (ageDays / halfLifeDays);
    weighted += w * e.probability;
    total += w;
  }
  return { n: latest.length, median: quantile(sorted, 0.5), recencyWeightedMean: weighted / total, halfLifeDays };
}

export interface CalibrationBin {
  /** Forecasts with lo <= p < hi (the last bin includes 1). */
  lo: number;
  hi: number;
  n: number;
  meanForecast: number | null;
  /** Share of the bin's forecasts whose scenario happened. */
  observedFrequency: number | null;
}

/** Forecast bins vs observed frequency: a calibrated forecaster's 70% bin happens about 70% of the time. */
export function calibrationBins(forecasts: readonly Forecast[], binCount = 10): CalibrationBin[] {
  const bins = Array.from({ length: binCount }, (_, k) => ({ lo: k / binCount, hi: (k + 1) / binCount, n: 0, sumP: 0, sumO: 0 }));
  for (const f of forecasts) {
    const bin = bins[Math.min(binCount - 1, Math.floor(f.probability * binCount))]!;
    bin.n++;
    bin.sumP += f.probability;
    bin.sumO += f.outcome;
  }
  return bins.map(({ lo, hi, n, sumP, sumO }) => ({ lo, hi, n, meanForecast: n ? sumP / n : null, observedFrequency: n ? sumO / n : null }));
}

export interface BrierDecomposition {
  n: number;
  brier: number;
  /** Mean squared gap between a forecast and how often its forecasts came true (0 = perfectly calibrated). */
  reliability: number;
  /** How far the forecasts separate outcomes from the base rate (higher is better). */
  resolution: number;
  /** ō(1 − ō): the difficulty of the questions, the score of always forecasting the base rate. */
  uncertainty: number;
}

/**
 * Murphy's decomposition BS = REL − RES + UNC (Murphy 1973, "A new vector partition of the
 * probability score"), grouping forecasts by their distinct values so that the identity is exact
 * (grouping into coarser bins adds a within-bin term and the parts no longer sum to the score).
 */
export function brierDecomposition(forecasts: readonly Forecast[]): BrierDecomposition | null {
  const n = forecasts.length;
  if (!n) return null;
  const base = forecasts.reduce((s, f) => s + f.outcome, 0) / n;
  const groups = new Map<number, { n: number; sumO: number }>();
  for (const f of forecasts) {
    const g = groups.get(f.probability) ?? { n: 0, sumO: 0 };
    g.n++;
    g.sumO += f.outcome;
    groups.set(f.probability, g);
  }
  let reliability = 0;
  let resolution = 0;
  for (const [p, g] of groups) {
    const observed = g.sumO / g.n;
    reliability += g.n * (p - observed) ** 2;
    resolution += g.n * (observed - base) ** 2;
  }
  const brier = forecasts.reduce((s, f) => s + (f.probability - f.outcome) ** 2, 0) / n;
  return { n, brier, reliability: reliability / n, resolution: resolution / n, uncertainty: base * (1 - base) };
}

export interface RelativeScore {
  analystId: string;
  n: number;
  brier: number;
  /** Brier score the team median would have earned on the same scenarios. */
  teamMedianBrier: number;
  /** brier − teamMedianBrier: below 0, the analyst beat the crowd. */
  relative: number;
}

/**
 * Each analyst's Brier score against the team median forecast on the same scenarios (the median of all
 * analysts' final forecasts of each scenario), so an analyst is not flattered by easy questions.
 */
export function scoresRelativeToTeamMedian(
  finals: readonly { analystId: string; scenarioId: string; probability: number }[],
  outcomes: ReadonlyMap<string, 0 | 1>,
): RelativeScore[] {
  const byScenario = new Map<string, number[]>();
  for (const f of finals) if (outcomes.has(f.scenarioId)) byScenario.set(f.scenarioId, [...(byScenario.get(f.scenarioId) ?? []), f.probability]);
  const teamMedian = new Map([...byScenario].map(([id, ps]) => [id, quantile([...ps].sort((a, b) => a - b), 0.5)]));
  const byAnalyst = new Map<string, { n: number; own: number; team: number }>();
  for (const f of finals) {
    const o = outcomes.get(f.scenarioId);
    if (o === undefined) continue;
    const a = byAnalyst.get(f.analystId) ?? { n: 0, own: 0, team: 0 };
    a.n++;
    a.own += (f.probability - o) ** 2;
    a.team += (teamMedian.get(f.scenarioId)! - o) ** 2;
    byAnalyst.set(f.analystId, a);
  }
  return [...byAnalyst]
    .map(([analystId, a]) => ({ analystId, n: a.n, brier: a.own / a.n, teamMedianBrier: a.team / a.n, relative: (a.own - a.team) / a.n }))
    .sort((x, y) => x.relative - y.relative || (x.analystId < y.analystId ? -1 : 1));
}
