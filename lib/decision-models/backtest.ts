/**
 * Backtesting: scores every forecast model, and `forecast` itself, on resolved decisions.
 *
 * Anything fitted (the interval share κ of each model, the weights of the ensemble) is fitted
 * on K-1 folds of decisions and scored on the remaining fold (K = min(10, decisions), decisions
 * assigned to folds in id order), so every reported figure is out of sample. The `forecast` row
 * uses the shipped constants, which were not fitted on the backtest file.
 */
import type { ModelActor } from './types';
import { parseCsv } from '../import/csv';
import {
  FORECAST_MODELS,
  forecast,
  forecastInterval,
  weightedRange,
  type ForecastModelId,
} from './forecast';
import { checkScale } from './validate';

export interface Decision {
  id: string;
  outcome: number;
  actors: ModelActor[];
}

export const BACKTEST_COLUMNS = ['decision_id', 'actor', 'position', 'salience', 'capability', 'outcome'] as const;

export class BacktestDataError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`The backtest file has ${problems.length} problem(s):\n${problems.slice(0, 50).join('\n')}`);
    this.name = 'BacktestDataError';
    this.problems = problems;
  }
}

/**
 * Reads the backtest CSV: a header with (at least) BACKTEST_COLUMNS, then one row per actor per
 * decision; every number on the 0-100 scale; the outcome repeated on each row of a decision.
 * Throws BacktestDataError listing every problem with its line and column.
 */
export function parseBacktestCsv(text: string): Decision[] {
  const { records, problems: syntax } = parseCsv(text.replace(/^\uFEFF/, ''));
  const problems = syntax.map((p) => `line ${p.line}: ${p.reason}`);
  const header = records[0];
  if (!header) throw new BacktestDataError(['the file is empty; expected a header line: ' + BACKTEST_COLUMNS.join(',')]);
  const names = header.cells.map((c) => c.trim().toLowerCase());
  const index = Object.fromEntries(BACKTEST_COLUMNS.map((c) => [c, names.indexOf(c)])) as Record<(typeof BACKTEST_COLUMNS)[number], number>;
  const missing = BACKTEST_COLUMNS.filter((c) => index[c] < 0);
  if (missing.length > 0) {
    throw new BacktestDataError([`line ${header.line}: missing column(s) ${missing.join(', ')}; the header must name ${BACKTEST_COLUMNS.join(', ')}`]);
  }
  const byId = new Map<string, Decision & { outcomeLine: number }>();
  for (const record of records.slice(1)) {
    if (record.cells.length === 1 && record.cells[0]?.trim() === '') continue;
    const cell = (c: (typeof BACKTEST_COLUMNS)[number]) => (record.cells[index[c]] ?? '').trim();
    const number = (c: 'position' | 'salience' | 'capability' | 'outcome'): number | null => {
      const raw = cell(c);
      const value = raw === '' ? NaN : Number(raw);
      try {
        return checkScale(value, c);
      } catch {
        problems.push(`line ${record.line}, column ${c}: must be a number between 0 and 100 (got "${raw}")`);
        return null;
      }
    };
    const decisionId = cell('decision_id');
    const actorName = cell('actor');
    if (decisionId === '') problems.push(`line ${record.line}, column decision_id: is empty`);
    if (actorName === '') problems.push(`line ${record.line}, column actor: is empty`);
    const position = number('position');
    const salience = number('salience');
    const capability = number('capability');
    const outcome = number('outcome');
    if (decisionId === '' || actorName === '' || position === null || salience === null || capability === null || outcome === null) continue;
    let decision = byId.get(decisionId);
    if (!decision) {
      decision = { id: decisionId, outcome, actors: [], outcomeLine: record.line };
      byId.set(decisionId, decision);
    } else if (decision.outcome !== outcome) {
      problems.push(
        `line ${record.line}, column outcome: decision "${decisionId}" has outcome ${outcome} here but ${decision.outcome} on line ${decision.outcomeLine}`,
      );
      continue;
    }
    if (decision.actors.some((a) => a.id === actorName)) {
      problems.push(`line ${record.line}, column actor: "${actorName}" appears twice in decision "${decisionId}"`);
      continue;
    }
    decision.actors.push({ id: actorName, name: actorName, position, salience, capability });
  }
  for (const d of byId.values()) {
    if (!d.actors.some((a) => a.capability * a.salience > 0)) {
      problems.push(`decision "${d.id}" (line ${d.outcomeLine}): every actor has capability × salience = 0, so no model can forecast it`);
    }
  }
  if (problems.length > 0) throw new BacktestDataError(problems);
  if (byId.size === 0) throw new BacktestDataError(['the file has a header but no decisions']);
  return [...byId.values()].map(({ id, outcome, actors }) => ({ id, outcome, actors }));
}

export interface ModelScore {
  id: string;
  name: string;
  decisions: number;
  meanAbsError: number;
  medianAbsError: number;
  /** Share of decisions forecast within 10 points. */
  within10: number;
  /** Mean of (forecast - outcome). */
  bias: number;
  /** Share of outcomes inside the 80% interval; null when it could not be scored out of sample. */
  coverage80: number | null;
  /** How the interval (and anything else fitted) was obtained. */
  fitted: string;
}

export interface BacktestReport {
  decisions: number;
  actors: number;
  folds: number;
  models: ModelScore[];
  /** Per fold: the interval share fitted for each model and the ensemble weights. */
  fits: { fold: number; intervalShare: Record<string, number>; ensembleWeights: Record<string, number> }[];
  notes: string[];
}

const CV_MODELS = FORECAST_MODELS.map((m) => m.id);
const MAX_FOLDS = 10;
const ENSEMBLE_STEP = 0.1;

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const a = sorted[lo] as number;
  const b = sorted[Math.ceil(h)] as number;
  return a + (h - lo) * (b - a);
}

function score(
  id: string,
  name: string,
  rows: { value: number; outcome: number; covered: boolean | null }[],
  fitted: string,
): ModelScore {
  const errors = rows.map((r) => Math.abs(r.value - r.outcome)).sort((a, b) => a - b);
  const n = rows.length;
  const scored = rows.filter((r) => r.covered !== null);
  return {
    id,
    name,
    decisions: n,
    meanAbsError: errors.reduce((s, e) => s + e, 0) / n,
    medianAbsError: quantile(errors, 0.5),
    within10: errors.filter((e) => e <= 10).length / n,
    bias: rows.reduce((s, r) => s + r.value - r.outcome, 0) / n,
    coverage80: scored.length === 0 ? null : scored.filter((r) => r.covered).length / scored.length,
    fitted,
  };
}

interface Prepared {
  decision: Decision;
  low: number;
  high: number;
  values: Record<ForecastModelId, number>;
}

/**
 * Smallest interval share that covers 80% of the training decisions (the outcome within
 * value ± share × range, clamped to the range); capped at 1, which covers the whole range.
 */
export function fitIntervalShare(rows: { value: number; outcome: number; low: number; high: number }[]): number {
  const ratios = rows
    .map((r) => {
      if (r.outcome < r.low || r.outcome > r.high) return Infinity;
      const range = r.high - r.low;
      const error = Math.abs(r.value - r.outcome);
      return range > 0 ? error / range : error === 0 ? 0 : Infinity;
    })
    .sort((a, b) => a - b);
  const k = Math.ceil(0.8 * ratios.length) - 1;
  return Math.min(1, ratios[Math.max(0, k)] ?? 1);
}

/**
 * Every convex combination of `parts` weights on a grid of `steps`, the ones with most weight on the
 * first model first (so ties keep the simplest model: the weighted mean).
 */
export function convexGrid(parts: number, steps: number): number[][] {
  if (parts === 1) return [[steps]];
  const grid: number[][] = [];
  for (let first = steps; first >= 0; first--) for (const rest of convexGrid(parts - 1, steps - first)) grid.push([first, ...rest]);
  return grid;
}

/** Convex weights over the models, on a 0.1 grid, that minimise mean absolute error on `train`. */
export function fitEnsembleWeights(train: readonly Prepared[]): Record<ForecastModelId, number> {
  const steps = Math.round(1 / ENSEMBLE_STEP);
  let best: { weights: number[]; mae: number } = { weights: CV_MODELS.map((_, k) => (k === 0 ? 1 : 0)), mae: Infinity };
  // Flat arrays: the grid has C(steps + models - 1, models - 1) points (1,001 for five models), each scored on every training decision.
  const m = CV_MODELS.length;
  const values = new Float64Array(train.length * m);
  const outcomes = new Float64Array(train.length);
  train.forEach((p, d) => {
    CV_MODELS.forEach((id, k) => (values[d * m + k] = p.values[id]));
    outcomes[d] = p.decision.outcome;
  });
  for (const point of convexGrid(m, steps)) {
    const weights = point.map((p) => p / steps);
    let total = 0;
    for (let d = 0; d < train.length; d++) {
      let v = 0;
      for (let k = 0; k < m; k++) v += (weights[k] as number) * (values[d * m + k] as number);
      total += Math.abs(v - (outcomes[d] as number));
    }
    // strict < keeps the earliest grid point (most weight on the weighted mean) on ties
    if (total < best.mae - 1e-9) best = { weights, mae: total };
  }
  return Object.fromEntries(CV_MODELS.map((id, k) => [id, best.weights[k] as number])) as Record<ForecastModelId, number>;
}

function ensembleValue(p: Prepared, weights: Record<ForecastModelId, number>): number {
  return CV_MODELS.reduce((s, id) => s + weights[id] * p.values[id], 0);
}

/** Scores every model and `forecast` on the decisions (see the module comment). */
export function backtest(decisions: readonly Decision[]): BacktestReport {
  if (decisions.length === 0) throw new RangeError('backtest: no decisions');
  const prepared: Prepared[] = [...decisions]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((decision) => {
      const { low, high } = weightedRange(decision.actors);
      const values = Object.fromEntries(FORECAST_MODELS.map((m) => [m.id, m.predict(decision.actors).value])) as Record<ForecastModelId, number>;
      return { decision, low, high, values };
    });
  const n = prepared.length;
  const folds = Math.min(MAX_FOLDS, n);
  const notes: string[] = [];
  const rows: Record<string, { value: number; outcome: number; covered: boolean | null }[]> = {};
  const push = (id: string, value: number, outcome: number, covered: boolean | null) => (rows[id] ??= []).push({ value, outcome, covered });
  const inside = (v: { p10: number; p90: number }, y: number) => y >= v.p10 - 1e-9 && y <= v.p90 + 1e-9;

  const fits: BacktestReport['fits'] = [];
  if (folds < 2) {
    notes.push('Only one decision: nothing can be fitted out of sample, so the cross-validated rows report no coverage and the ensemble is the weighted mean.');
  }
  for (let fold = 0; fold < folds; fold++) {
    const test = prepared.filter((_, i) => i % folds === fold);
    const train = folds < 2 ? [] : prepared.filter((_, i) => i % folds !== fold);
    const intervalShare: Record<string, number> = {};
    const ensembleWeights = train.length === 0 ? (Object.fromEntries(CV_MODELS.map((id) => [id, id === 'weighted-mean' ? 1 : 0])) as Record<ForecastModelId, number>) : fitEnsembleWeights(train);
    const shareOf = (valueOf: (p: Prepared) => number) =>
      train.length === 0 ? NaN : fitIntervalShare(train.map((p) => ({ value: valueOf(p), outcome: p.decision.outcome, low: p.low, high: p.high })));
    for (const id of CV_MODELS) intervalShare[id] = shareOf((p) => p.values[id]);
    intervalShare.ensemble = shareOf((p) => ensembleValue(p, ensembleWeights));
    fits.push({ fold, intervalShare, ensembleWeights });
    for (const p of test) {
      const y = p.decision.outcome;
      for (const id of CV_MODELS) {
        const share = intervalShare[id] as number;
        push(id, p.values[id], y, Number.isNaN(share) ? null : inside(forecastInterval(p.values[id], p.low, p.high, share), y));
      }
      const e = ensembleValue(p, ensembleWeights);
      const shareE = intervalShare.ensemble as number;
      push('ensemble', e, y, Number.isNaN(shareE) ? null : inside(forecastInterval(e, p.low, p.high, shareE), y));
    }
  }
  for (const p of prepared) {
    const f = forecast(p.decision.actors);
    push('forecast', f.value, p.decision.outcome, inside(f.interval, p.decision.outcome));
  }
  const cv = folds < 2 ? 'nothing fitted (one decision)' : `interval share fitted on the other folds (${folds}-fold cross-validation across decisions)`;
  const headline = forecast(prepared[0]!.decision.actors);
  const models: ModelScore[] = [
    score('forecast', `forecast(): ${headline.model}`, rows.forecast ?? [], 'shipped constants, not fitted on this file'),
    ...FORECAST_MODELS.map((m) => score(m.id, m.name, rows[m.id] ?? [], cv)),
    score(
      'ensemble',
      `Ensemble of the ${FORECAST_MODELS.length} models (convex weights)`,
      rows.ensemble ?? [],
      folds < 2 ? 'nothing fitted (one decision)' : `weights and interval share fitted on the other folds (${folds}-fold cross-validation)`,
    ),
  ];
  return {
    decisions: n,
    actors: prepared.reduce((s, p) => s + p.decision.actors.length, 0),
    folds,
    models,
    fits,
    notes,
  };
}
