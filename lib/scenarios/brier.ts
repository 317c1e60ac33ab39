/**
 * Brier scores of analysts' likelihood estimates. Pure: no I/O.
 *
 * Which estimates count: for each analyst and each resolved scenario, only the analyst's **final
 * estimate before resolution** (latest `estimatedOn`, then latest `createdAt`; estimates dated
 * after the resolution day or recorded after the resolution are ignored). The score of that
 * forecast is (p - o)^2 with o = 1 if the scenario happened, 0 if not. An analyst's Brier score is
 * the mean over the resolved scenarios they estimated: 0 is perfect, 0.25 is what always saying
 * 50% earns, 1 is confidently wrong every time.
 *
 * Why the final estimate and not all of them: scoring every estimate weights a scenario by how
 * often someone revised it, so an analyst who updates diligently would carry that scenario many
 * times over in their mean, and one who never revisits a forecast would be scored on one number.
 * One forecast per analyst per scenario keeps scenarios equally weighted and analysts comparable.
 * The page still lists every estimate, so the path to the final one stays visible.
 */
import type { ScenarioOutcome } from '../generated/prisma/enums';

export interface ScoredEstimate {
  analystId: string;
  scenarioId: string;
  /** The day the estimate was made (YYYY-MM-DD or a Date at midnight UTC). */
  estimatedOn: Date | string;
  /** When it was recorded; breaks ties between estimates of the same day. */
  createdAt: Date;
  /** 0-1 */
  probability: number;
}

export interface ScenarioResolution {
  scenarioId: string;
  outcome: ScenarioOutcome;
  resolvedAt: Date;
}

export interface BrierItem {
  scenarioId: string;
  probability: number;
  /** 1 happened, 0 did not */
  outcome: 0 | 1;
  score: number;
  estimatedOn: string;
}

export interface AnalystBrier {
  analystId: string;
  /** Resolved scenarios the analyst estimated. */
  n: number;
  /** Mean of the items' scores. */
  brier: number;
  items: BrierItem[];
}

const dayOf = (d: Date | string): string => (typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10));

export function outcomeValue(outcome: ScenarioOutcome): 0 | 1 {
  return outcome === 'HAPPENED' ? 1 : 0;
}

/** Squared error of one forecast. */
export function brierScore(probability: number, outcome: ScenarioOutcome): number {
  const o = outcomeValue(outcome);
  return (probability - o) ** 2;
}

/** Each analyst's final estimate before resolution, per resolved scenario. */
export function finalEstimates(estimates: readonly ScoredEstimate[], resolutions: readonly ScenarioResolution[]): ScoredEstimate[] {
  const resolved = new Map(resolutions.map((r) => [r.scenarioId, r]));
  const best = new Map<string, ScoredEstimate>();
  for (const e of estimates) {
    const r = resolved.get(e.scenarioId);
    if (!r) continue;
    if (dayOf(e.estimatedOn) > dayOf(r.resolvedAt) || e.createdAt.getTime() > r.resolvedAt.getTime()) continue;
    const key = `${e.analystId}\u0000${e.scenarioId}`;
    const current = best.get(key);
    const later =
      !current ||
      dayOf(e.estimatedOn) > dayOf(current.estimatedOn) ||
      (dayOf(e.estimatedOn) === dayOf(current.estimatedOn) && e.createdAt.getTime() > current.createdAt.getTime());
    if (later) best.set(key, e);
  }
  return [...best.values()];
}

/** Brier score per analyst over the resolved scenarios, best (lowest) first, ties by analyst id. */
export function brierScores(estimates: readonly ScoredEstimate[], resolutions: readonly ScenarioResolution[]): AnalystBrier[] {
  const outcomes = new Map(resolutions.map((r) => [r.scenarioId, r.outcome]));
  const byAnalyst = new Map<string, BrierItem[]>();
  for (const e of finalEstimates(estimates, resolutions)) {
    const outcome = outcomes.get(e.scenarioId) as ScenarioOutcome;
    const items = byAnalyst.get(e.analystId) ?? [];
    items.push({
      scenarioId: e.scenarioId,
      probability: e.probability,
      outcome: outcomeValue(outcome),
      score: brierScore(e.probability, outcome),
      estimatedOn: dayOf(e.estimatedOn),
    });
    byAnalyst.set(e.analystId, items);
  }
  return [...byAnalyst.entries()]
    .map(([analystId, items]) => ({
      analystId,
      n: items.length,
      brier: items.reduce((s, i) => s + i.score, 0) / items.length,
      items: items.sort((a, b) => (a.scenarioId < b.scenarioId ? -1 : 1)),
    }))
    .sort((a, b) => a.brier - b.brier || (a.analystId < b.analystId ? -1 : 1));
}
